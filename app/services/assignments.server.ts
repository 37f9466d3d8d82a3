import { getDb } from '#db/client.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import {
	coachesTeam,
	findAssignment,
	getOrganisationTimeZone,
	insertAssignments,
	listAssignmentsForStaff,
	loadAssignmentFacts,
	markInboxSeen,
	openAssignedAttempts,
	setOrganisationTimeZone,
	updateAssignment,
	watchersOf,
	type AssignmentRow,
} from '#app/data/assignments.server.ts'
import { coachesMember, getMember } from '#app/data/members.server.ts'
import { findTeam } from '#app/data/teams.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import type { Role } from '#app/domain/accounts/roles.ts'
import { itemsFor, pathProgress, summarise } from '#app/domain/coaching/assignments.ts'
import { isCalendarDate, isTimeZone, todayInZone } from '#app/domain/coaching/dates.ts'
import { can, permissionMessages, type PermissionSubject } from '#app/domain/permissions.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { startAttempt, type Started } from '#app/services/play.server.ts'
import type { Viewer } from '#app/auth/session.server.ts'

// Assignments (issue 13): a coach (for their teams and learners) or an admin gives a scenario or the
// assessment to a team or one learner. Each use-case is one transaction with its audit event.

export type StaffActor = { userId: string; organisationId: string; ip: string | null; role: Role }

export type AssignmentTarget = { teamId: string } | { userId: string }
export type NewAssignmentInput = {
	kind: 'scenario' | 'assessment'
	scenarioSlug?: string
	target: AssignmentTarget
	dueOn?: string | null
}

/** The permission subject for acting on a team or a learner, with the coaching relationship looked up. */
async function subjectFor(actor: StaffActor, target: AssignmentTarget): Promise<PermissionSubject> {
	const coach = actor.role === 'coach'
	if ('teamId' in target) {
		const coached = coach && (await coachesTeam(actor.organisationId, actor.userId, target.teamId))
		return { kind: 'team', teamId: target.teamId, coachedByViewer: coached }
	}
	const coached = coach && (await coachesMember(actor.organisationId, actor.userId, target.userId))
	return { kind: 'member', userId: target.userId, coachedByViewer: coached }
}

async function mayManage(actor: StaffActor, target: AssignmentTarget): Promise<boolean> {
	return can({ userId: actor.userId, role: actor.role }, 'assignments.manage', await subjectFor(actor, target))
}

/** A due date must be a real date, today or later in the organisation's zone. */
export function checkDueOn(dueOn: string | null | undefined, today: string): ServiceResult<string | null> {
	if (!dueOn) return ok(null)
	if (!isCalendarDate(dueOn)) return fail.invalid('Give the due date as a calendar date.', { dueOn: ['Not a date.'] })
	if (dueOn < today) {
		const message = `The due date cannot be in the past (today is ${today} in your organisation's time zone).`
		return fail.invalid(message, { dueOn: [message] })
	}
	return ok(dueOn)
}

async function describeTarget(actor: StaffActor, target: AssignmentTarget): Promise<ServiceResult<string>> {
	if ('teamId' in target) {
		const team = await findTeam(getDb(), actor.organisationId, target.teamId)
		return team ? ok(team.name) : fail.notFound('There is no such team in your organisation.')
	}
	const person = await getMember(actor.organisationId, target.userId)
	if (!person) return fail.notFound('There is no such learner in your organisation.')
	if (person.role !== 'learner') return fail.invalid(`${person.name} is a ${person.role}, not a learner.`)
	return ok(person.name)
}

export async function createAssignment(
	actor: StaffActor,
	input: NewAssignmentInput,
): Promise<ServiceResult<{ id: string }>> {
	const targetName = await describeTarget(actor, input.target)
	if (!targetName.ok) return targetName
	if (!(await mayManage(actor, input.target))) return fail.forbidden(permissionMessages['assignments.manage'])
	let scenarioSlug: string | null = null
	if (input.kind === 'scenario') {
		const scenario = getScenarioLibrary().scenarios.find((s) => s.id === input.scenarioSlug)
		if (!scenario) return fail.invalid('Choose a scenario from the library.', { scenarioSlug: ['Not in the library.'] })
		scenarioSlug = scenario.id
	}
	const timeZone = await getOrganisationTimeZone(actor.organisationId)
	const dueOn = checkDueOn(input.dueOn, todayInZone(new Date(), timeZone))
	if (!dueOn.ok) return dueOn
	return getDb().transaction(async (tx) => {
		const [row] = await insertAssignments(tx, [
			{
				organisationId: actor.organisationId,
				kind: input.kind,
				scenarioSlug,
				teamId: 'teamId' in input.target ? input.target.teamId : null,
				userId: 'userId' in input.target ? input.target.userId : null,
				assignedBy: actor.userId,
				dueOn: dueOn.value,
			},
		])
		if (!row) throw new Error('insert returned no row')
		await recordAudit(
			{
				type: 'assignment_created',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { assignmentId: row.id, kind: input.kind, scenarioSlug, target: input.target, dueOn: dueOn.value },
			},
			tx,
		)
		return ok({ id: row.id })
	})
}

async function loadManageable(actor: StaffActor, assignmentId: string): Promise<ServiceResult<AssignmentRow>> {
	const row = await findAssignment(actor.organisationId, assignmentId)
	if (!row || row.cancelledAt) return fail.notFound('There is no such assignment.')
	const target: AssignmentTarget = row.teamId ? { teamId: row.teamId } : { userId: row.userId ?? '' }
	// The coach who assigned it may also change it, even after the learner moved teams.
	if (!(await mayManage(actor, target)) && !(actor.role === 'coach' && row.assignedBy === actor.userId)) {
		return fail.forbidden(permissionMessages['assignments.manage'])
	}
	return ok(row)
}

export async function changeDueDate(
	actor: StaffActor,
	input: { assignmentId: string; dueOn: string | null },
): Promise<ServiceResult<undefined>> {
	const found = await loadManageable(actor, input.assignmentId)
	if (!found.ok) return found
	const timeZone = await getOrganisationTimeZone(actor.organisationId)
	const dueOn = checkDueOn(input.dueOn, todayInZone(new Date(), timeZone))
	if (!dueOn.ok) return dueOn
	return getDb().transaction(async (tx) => {
		if (!(await updateAssignment(tx, actor.organisationId, input.assignmentId, { dueOn: dueOn.value }))) {
			return fail.notFound('There is no such assignment.')
		}
		await recordAudit(
			{
				type: 'assignment_due_changed',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { assignmentId: input.assignmentId, from: found.value.dueOn, to: dueOn.value },
			},
			tx,
		)
		return ok(undefined)
	})
}

export async function cancelAssignment(actor: StaffActor, assignmentId: string): Promise<ServiceResult<undefined>> {
	const found = await loadManageable(actor, assignmentId)
	if (!found.ok) return found
	return getDb().transaction(async (tx) => {
		if (!(await updateAssignment(tx, actor.organisationId, assignmentId, { cancelledAt: new Date() }))) {
			return fail.notFound('There is no such assignment.')
		}
		await recordAudit(
			{
				type: 'assignment_cancelled',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { assignmentId },
			},
			tx,
		)
		return ok(undefined)
	})
}

export async function listForStaff(actor: StaffActor) {
	const rows = await listAssignmentsForStaff(actor.organisationId, actor.role === 'admin' ? undefined : actor.userId)
	return rows
}

// ── The learner's side ─────────────────────────────────────────────────────────

function titleOf(a: { kind: 'scenario' | 'assessment'; scenarioSlug: string | null }) {
	if (a.kind === 'assessment') return 'The communication-style self-assessment'
	return getScenarioLibrary().scenarios.find((s) => s.id === a.scenarioSlug)?.title ?? a.scenarioSlug ?? 'A scenario'
}

/** The learner's to-do list: open items first (overdue at the top), progress per path. Marks the inbox as seen. */
export async function learnerTodo(viewer: { userId: string; organisationId: string }, now = new Date()) {
	const { organisationId, userId } = viewer
	const [timeZone, facts, open] = await Promise.all([
		getOrganisationTimeZone(organisationId),
		loadAssignmentFacts(organisationId, [userId]),
		openAssignedAttempts(organisationId, userId),
	])
	const person = facts.people.get(userId)
	const items = person ? itemsFor(userId, facts.assignments, person, now, timeZone) : []
	await markInboxSeen(organisationId, userId)
	const pathNames = new Map(facts.assignments.map((a) => [a.pathId, a.pathName]))
	return {
		today: todayInZone(now, timeZone),
		summary: summarise(items),
		paths: pathProgress(items).map((p) => ({ ...p, name: pathNames.get(p.pathId) ?? 'Onboarding path' })),
		items: items.map(({ assignment: a, done, overdue }) => ({
			id: a.id,
			kind: a.kind,
			title: titleOf(a),
			assignedBy: a.assignedByName,
			dueOn: a.dueOn,
			path: a.pathName ? { name: a.pathName, position: (a.pathPosition ?? 0) + 1 } : null,
			done,
			overdue,
			openAttemptId: open.find((o) => o.assignmentId === a.id)?.id ?? null,
		})),
	}
}

/**
 * An assignment as the learner it reaches sees it before starting: what it is, and who will see the
 * attempt (the assigning coach and the coaches of their teams now). Not found for anyone it does not reach.
 */
export async function assignmentForLearner(viewer: { userId: string; organisationId: string }, assignmentId: string) {
	const { organisationId, userId } = viewer
	const facts = await loadAssignmentFacts(organisationId, [userId])
	const a = facts.assignments.find((x) => x.id === assignmentId)
	const person = facts.people.get(userId)
	if (!a || !person) return fail.notFound('There is no such assignment on your to-do list.')
	const timeZone = await getOrganisationTimeZone(organisationId)
	const [item] = itemsFor(userId, [a], person, new Date(), timeZone)
	if (!item) return fail.notFound('There is no such assignment on your to-do list.')
	const watchers = await watchersOf(organisationId, userId, a.assignedBy)
	const open = (await openAssignedAttempts(organisationId, userId)).find((o) => o.assignmentId === a.id)
	return ok({
		id: a.id,
		kind: a.kind,
		scenarioSlug: a.scenarioSlug,
		title: titleOf(a),
		dueOn: a.dueOn,
		done: item.done,
		overdue: item.overdue,
		watchers,
		openAttemptId: open?.id ?? null,
	})
}

// ── Organisation time zone ─────────────────────────────────────────────────────

export async function setTimeZone(actor: StaffActor, timeZone: string): Promise<ServiceResult<undefined>> {
	if (!can({ userId: actor.userId, role: actor.role }, 'organisation.manage-settings')) {
		return fail.forbidden(permissionMessages['organisation.manage-settings'])
	}
	if (!isTimeZone(timeZone)) {
		const message = 'Choose a time zone from the list (an IANA name such as Europe/Berlin).'
		return fail.invalid(message, { timeZone: [message] })
	}
	return getDb().transaction(async (tx) => {
		const from = await getOrganisationTimeZone(actor.organisationId, tx)
		await setOrganisationTimeZone(tx, actor.organisationId, timeZone)
		await recordAudit(
			{
				type: 'organisation_time_zone_changed',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { from, to: timeZone },
			},
			tx,
		)
		return ok(undefined)
	})
}

// ── Starting assigned work ─────────────────────────────────────────────────────

/**
 * Starts (or resumes) the learner's own attempt for an assigned scenario: one open attempt per
 * learner × assignment (attempts_open_assigned_key), so two concurrent Starts land on one attempt.
 */
export async function startAssignment(
	viewer: Viewer,
	input: { assignmentId: string; restartAttemptId?: string },
): Promise<ServiceResult<Started>> {
	const found = await assignmentForLearner(
		{ userId: viewer.user.id, organisationId: viewer.organisation.id },
		input.assignmentId,
	)
	if (!found.ok) return found
	if (found.value.kind !== 'scenario' || !found.value.scenarioSlug) {
		return fail.invalid('This assignment is the self-assessment: start it from My profile.')
	}
	return startAttempt(viewer, {
		scenarioId: found.value.scenarioSlug,
		assignmentId: found.value.id,
		restartAttemptId: input.restartAttemptId,
	})
}
