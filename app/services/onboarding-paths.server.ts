import { getDb } from '#db/client.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { isUniqueViolation } from '#app/data/errors.server.ts'
import {
	deletePath as deletePathRow,
	findPathByName,
	getOrganisationTimeZone,
	getPath,
	insertAssignments,
	insertPath,
	replacePathItems,
	updatePath,
	type PathItem,
} from '#app/data/assignments.server.ts'
import { coachesMember, getMember } from '#app/data/members.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { addDays, todayInZone } from '#app/domain/coaching/dates.ts'
import { MAX_PATH_ITEMS } from '#app/domain/coaching/assignments.ts'
import { can, permissionMessages } from '#app/domain/permissions.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import type { StaffActor } from '#app/services/assignments.server.ts'

// Onboarding paths: named, ordered lists of assignments that admins keep, given to a new hire in one
// step. The order is a recommendation shown on the learner's to-do list, not a lock.

const nameTaken = (name: string) => {
	const message = `There is already a path called "${name}".`
	return fail.conflict(message, { name: [message] })
}

export async function savePath(
	actor: StaffActor,
	input: { pathId?: string; name: string; description: string; items: PathItem[] },
): Promise<ServiceResult<{ id: string }>> {
	if (!can({ userId: actor.userId, role: actor.role }, 'onboarding-paths.manage')) {
		return fail.forbidden(permissionMessages['onboarding-paths.manage'])
	}
	if (input.items.length === 0) return fail.invalid('A path needs at least one item.')
	if (input.items.length > MAX_PATH_ITEMS) return fail.invalid(`A path holds at most ${MAX_PATH_ITEMS} items.`)
	const slugs = new Set(getScenarioLibrary().scenarios.map((s) => s.id))
	for (const item of input.items) {
		if (item.kind === 'scenario' && !slugs.has(item.scenarioSlug ?? '')) {
			return fail.invalid(`"${item.scenarioSlug}" is not a scenario in the library.`)
		}
		if (item.kind === 'assessment' && item.scenarioSlug) return fail.invalid('The assessment item names no scenario.')
	}
	try {
		return await getDb().transaction(async (tx) => {
			const same = await findPathByName(tx, actor.organisationId, input.name)
			if (same && same.id !== input.pathId) return nameTaken(input.name)
			let id = input.pathId
			if (id) {
				if (!(await updatePath(tx, actor.organisationId, id, { name: input.name, description: input.description }))) {
					return fail.notFound('There is no such onboarding path.')
				}
			} else {
				id = (await insertPath(tx, actor.organisationId, input.name, input.description)).id
			}
			await replacePathItems(tx, actor.organisationId, id, input.items)
			await recordAudit(
				{
					type: 'onboarding_path_saved',
					organisationId: actor.organisationId,
					userId: actor.userId,
					ip: actor.ip,
					detail: { pathId: id, name: input.name, items: input.items.length, created: !input.pathId },
				},
				tx,
			)
			return ok({ id })
		})
	} catch (error) {
		if (isUniqueViolation(error, 'onboarding_paths_org_name_key')) return nameTaken(input.name)
		throw error
	}
}

export async function deletePath(actor: StaffActor, pathId: string): Promise<ServiceResult<undefined>> {
	if (!can({ userId: actor.userId, role: actor.role }, 'onboarding-paths.manage')) {
		return fail.forbidden(permissionMessages['onboarding-paths.manage'])
	}
	return getDb().transaction(async (tx) => {
		// Assignments already given keep their items; they only lose the path's name.
		const deleted = await deletePathRow(tx, actor.organisationId, pathId)
		if (!deleted) return fail.notFound('There is no such onboarding path.')
		await recordAudit(
			{
				type: 'onboarding_path_deleted',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { pathId, name: deleted.name },
			},
			tx,
		)
		return ok(undefined)
	})
}

/** Gives a path to one learner: one assignment per item, all in one transaction, due dates counted from today. */
export async function givePath(
	actor: StaffActor,
	input: { pathId: string; learnerId: string },
	now = new Date(),
): Promise<ServiceResult<{ assignmentIds: string[] }>> {
	const learner = await getMember(actor.organisationId, input.learnerId)
	if (!learner) return fail.notFound('There is no such learner in your organisation.')
	if (learner.role !== 'learner') return fail.invalid(`${learner.name} is a ${learner.role}, not a learner.`)
	const coached = actor.role === 'coach' && (await coachesMember(actor.organisationId, actor.userId, learner.id))
	const subject = { kind: 'member' as const, userId: learner.id, coachedByViewer: coached }
	if (!can({ userId: actor.userId, role: actor.role }, 'onboarding-paths.give', subject)) {
		return fail.forbidden(permissionMessages['onboarding-paths.give'])
	}
	const path = await getPath(actor.organisationId, input.pathId)
	if (!path) return fail.notFound('There is no such onboarding path.')
	const today = todayInZone(now, await getOrganisationTimeZone(actor.organisationId))
	return getDb().transaction(async (tx) => {
		const rows = await insertAssignments(
			tx,
			path.items.map((item, index) => ({
				organisationId: actor.organisationId,
				kind: item.kind,
				scenarioSlug: item.scenarioSlug,
				userId: learner.id,
				assignedBy: actor.userId,
				dueOn: item.dueAfterDays === null ? null : addDays(today, item.dueAfterDays),
				pathId: path.id,
				pathPosition: index,
			})),
		)
		await recordAudit(
			{
				type: 'onboarding_path_given',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { pathId: path.id, name: path.name, learnerId: learner.id, assignments: rows.length },
			},
			tx,
		)
		return ok({ assignmentIds: rows.map((r) => r.id) })
	})
}
