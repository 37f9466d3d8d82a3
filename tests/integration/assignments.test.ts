import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { assignments, attempts, auditEvents } from '#db/schema.ts'
import { countInbox } from '#app/data/assignments.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import {
	assignmentForLearner,
	cancelAssignment,
	changeDueDate,
	createAssignment,
	learnerTodo,
	setTimeZone,
	startAssignment,
} from '#app/services/assignments.server.ts'
import { givePath, savePath } from '#app/services/onboarding-paths.server.ts'
import { startAttempt } from '#app/services/play.server.ts'
import { addDays, todayInZone } from '#app/domain/coaching/dates.ts'
import { addMember, createOrganisation } from '#tests/support/factories.ts'
import { playToEnd, staff, teamWith, viewerOf } from '#tests/support/coaching.ts'

async function setting() {
	const org = await createOrganisation('Assign Org')
	const o = org.organisationId
	const coach = await addMember(o, org.admin.id, 'coach', 'Cora Coach')
	const otherCoach = await addMember(o, org.admin.id, 'coach', 'Otto Other')
	const learner = await addMember(o, org.admin.id, 'learner', 'Lee Learner')
	const outsider = await addMember(o, org.admin.id, 'learner', 'Ola Outsider')
	const teamId = await teamWith(o, org.admin.id, 'Blue', { coaches: [coach.id], learners: [learner.id] })
	const otherTeamId = await teamWith(o, org.admin.id, 'Red', { coaches: [otherCoach.id], learners: [outsider.id] })
	return {
		o,
		org,
		coach,
		otherCoach,
		learner,
		outsider,
		teamId,
		otherTeamId,
		asCoach: staff(o, coach.id, 'coach'),
		asAdmin: staff(o, org.admin.id, 'admin'),
		me: { organisationId: o, userId: learner.id },
	}
}
const slug = () => getScenarioLibrary().scenarios[0]!.id

describe('assignments', () => {
	it('lets a coach assign to their own team and learners only; an admin to anyone', async () => {
		const s = await setting()
		const scenario = { kind: 'scenario' as const, scenarioSlug: slug() }
		expect((await createAssignment(s.asCoach, { ...scenario, target: { teamId: s.teamId } })).ok).toBe(true)
		expect((await createAssignment(s.asCoach, { ...scenario, target: { userId: s.learner.id } })).ok).toBe(true)
		const otherTeam = await createAssignment(s.asCoach, { ...scenario, target: { teamId: s.otherTeamId } })
		expect(otherTeam).toMatchObject({ ok: false, kind: 'forbidden' })
		const otherLearner = await createAssignment(s.asCoach, { ...scenario, target: { userId: s.outsider.id } })
		expect(otherLearner).toMatchObject({ ok: false, kind: 'forbidden' })
		expect((await createAssignment(s.asAdmin, { ...scenario, target: { userId: s.outsider.id } })).ok).toBe(true)
		// A coach is not a learner; an unknown scenario or another organisation's team is refused.
		const toCoach = await createAssignment(s.asAdmin, { ...scenario, target: { userId: s.coach.id } })
		expect(toCoach).toMatchObject({ ok: false, kind: 'invalid' })
		const unknown = await createAssignment(s.asAdmin, {
			kind: 'scenario',
			scenarioSlug: 'nope',
			target: { teamId: s.teamId },
		})
		expect(unknown).toMatchObject({ ok: false, kind: 'invalid' })
		const elsewhere = await setting()
		const foreign = await createAssignment(s.asAdmin, { ...scenario, target: { teamId: elsewhere.teamId } })
		expect(foreign).toMatchObject({ ok: false, kind: 'not-found' })
		const audited = await getDb()
			.select({ type: auditEvents.type })
			.from(auditEvents)
			.where(and(eq(auditEvents.organisationId, s.o), eq(auditEvents.type, 'assignment_created')))
		expect(audited).toHaveLength(3)
	})

	it('reaches people who join the team later; due dates can change; cancelling removes it', async () => {
		const s = await setting()
		const today = todayInZone(new Date(), 'UTC')
		const made = await createAssignment(s.asCoach, {
			kind: 'assessment',
			target: { teamId: s.teamId },
			dueOn: addDays(today, 3),
		})
		if (!made.ok) throw new Error(made.message)
		const late = await addMember(s.o, s.org.admin.id, 'learner', 'Late Joiner')
		expect((await learnerTodo({ organisationId: s.o, userId: late.id })).items).toHaveLength(0)
		await teamWith(s.o, s.org.admin.id, 'Unrelated', {})
		const { changeTeamPerson } = await import('#app/services/teams.server.ts')
		await changeTeamPerson(
			{ organisationId: s.o, userId: s.org.admin.id, ip: null },
			{ intent: 'add-person', teamId: s.teamId, userId: late.id, position: 'member' },
		)
		const todo = await learnerTodo({ organisationId: s.o, userId: late.id })
		expect(todo.items.map((i) => [i.id, i.assignedBy, i.dueOn, i.done])).toEqual([
			[made.value.id, 'Cora Coach', addDays(today, 3), false],
		])
		const past = await changeDueDate(s.asCoach, { assignmentId: made.value.id, dueOn: addDays(today, -1) })
		expect(past).toMatchObject({ ok: false, kind: 'invalid' })
		expect((await changeDueDate(s.asCoach, { assignmentId: made.value.id, dueOn: addDays(today, 9) })).ok).toBe(true)
		expect((await learnerTodo(s.me)).items[0]?.dueOn).toBe(addDays(today, 9))
		// Another team's coach may not touch it, and does not learn more than "forbidden".
		expect(await cancelAssignment(staff(s.o, s.otherCoach.id, 'coach'), made.value.id)).toMatchObject({
			ok: false,
			kind: 'forbidden',
		})
		expect((await cancelAssignment(s.asCoach, made.value.id)).ok).toBe(true)
		expect((await learnerTodo(s.me)).items).toHaveLength(0)
		expect(await cancelAssignment(s.asCoach, made.value.id)).toMatchObject({ ok: false, kind: 'not-found' })
	})

	it('starts its own attempt: two concurrent Starts land on one, apart from self-started practice', async () => {
		const s = await setting()
		const made = await createAssignment(s.asCoach, {
			kind: 'scenario',
			scenarioSlug: slug(),
			target: { userId: s.learner.id },
		})
		if (!made.ok) throw new Error(made.message)
		const viewer = viewerOf(s.o, s.learner.id, 'learner')
		const practice = await startAttempt(viewer, { scenarioId: slug() })
		if (!practice.ok) throw new Error(practice.message)
		const both = await Promise.all([
			startAssignment(viewer, { assignmentId: made.value.id }),
			startAssignment(viewer, { assignmentId: made.value.id }),
		])
		const ids = both.map((r) => (r.ok ? r.value.attemptId : r.message))
		expect(ids[0]).toBe(ids[1])
		expect(ids[0]).not.toBe(practice.value.attemptId)
		const rows = await getDb()
			.select({ id: attempts.id, assignmentId: attempts.assignmentId })
			.from(attempts)
			.where(and(eq(attempts.organisationId, s.o), eq(attempts.userId, s.learner.id)))
		expect(rows).toHaveLength(2)
		expect(rows.find((r) => r.id === ids[0])?.assignmentId).toBe(made.value.id)
		// Told before starting who will see it: the assigning coach (also the team's coach, named once).
		const before = await assignmentForLearner(s.me, made.value.id)
		expect(before.ok && before.value.watchers).toEqual({
			assigner: { id: s.coach.id, name: 'Cora Coach' },
			coaches: [],
		})
		// Someone it does not reach cannot see or start it.
		const outsider = viewerOf(s.o, s.outsider.id, 'learner')
		expect(await startAssignment(outsider, { assignmentId: made.value.id })).toMatchObject({ kind: 'not-found' })
		// Completing the attempt makes the item done.
		await playToEnd(viewer, ids[0]!)
		const todo = await learnerTodo(s.me)
		expect(todo.items.map((i) => i.done)).toEqual([true])
		expect(todo.summary).toMatchObject({ total: 1, done: 1, overdue: 0 })
	})

	it('gives an onboarding path in one step, with due dates counted in the organisation zone', async () => {
		const s = await setting()
		const library = getScenarioLibrary().scenarios
		const saved = await savePath(s.asAdmin, {
			name: 'First week',
			description: '',
			items: [
				{ kind: 'assessment', scenarioSlug: null, dueAfterDays: 2 },
				{ kind: 'scenario', scenarioSlug: library[0]!.id, dueAfterDays: 5 },
				{ kind: 'scenario', scenarioSlug: library[1]!.id, dueAfterDays: null },
			],
		})
		if (!saved.ok) throw new Error(saved.message)
		expect(await savePath(s.asCoach, { name: 'Mine', description: '', items: [] })).toMatchObject({ kind: 'forbidden' })
		expect(
			await savePath(s.asAdmin, {
				name: 'First week',
				description: '',
				items: [{ kind: 'assessment', scenarioSlug: null, dueAfterDays: null }],
			}),
		).toMatchObject({ kind: 'conflict' })
		expect((await setTimeZone(s.asAdmin, 'Pacific/Kiritimati')).ok).toBe(true)
		const now = new Date('2026-03-10T11:00:00Z') // already the 11th in Kiritimati
		expect(await givePath(s.asCoach, { pathId: saved.value.id, learnerId: s.outsider.id })).toMatchObject({
			kind: 'forbidden',
		})
		const given = await givePath(s.asCoach, { pathId: saved.value.id, learnerId: s.learner.id }, now)
		if (!given.ok) throw new Error(given.message)
		const rows = await getDb()
			.select({ dueOn: assignments.dueOn, position: assignments.pathPosition, pathId: assignments.pathId })
			.from(assignments)
			.where(eq(assignments.organisationId, s.o))
		expect(rows.sort((a, b) => a.position! - b.position!)).toEqual([
			{ dueOn: '2026-03-13', position: 0, pathId: saved.value.id },
			{ dueOn: '2026-03-16', position: 1, pathId: saved.value.id },
			{ dueOn: null, position: 2, pathId: saved.value.id },
		])
		expect(await countInbox(s.o, s.learner.id)).toBe(3)
		const todo = await learnerTodo(s.me, now)
		expect(todo.paths).toEqual([{ pathId: saved.value.id, name: 'First week', done: 0, total: 3 }])
		expect(await countInbox(s.o, s.learner.id)).toBe(0)
	})

	it('validates the organisation time zone', async () => {
		const s = await setting()
		expect(await setTimeZone(s.asAdmin, 'Mars/Base')).toMatchObject({ ok: false, kind: 'invalid' })
		expect(await setTimeZone(s.asCoach, 'Europe/Berlin')).toMatchObject({ ok: false, kind: 'forbidden' })
		expect((await setTimeZone(s.asAdmin, 'Europe/Berlin')).ok).toBe(true)
	})
})

describe('demo seed', () => {
	it('keeps an example onboarding path and has given it to the demo learner', async () => {
		const { seedDemo, demoPath, demoPeople } = await import('#app/services/demo-seed.server.ts')
		const { organisations, users } = await import('#db/schema.ts')
		await seedDemo(getDb())
		const [org] = await getDb().select().from(organisations).where(eq(organisations.slug, 'northwind-support'))
		const [jordan] = await getDb().select().from(users).where(eq(users.email, demoPeople.teams[0].learners[0].email))
		const todo = await learnerTodo({ organisationId: org!.id, userId: jordan!.id })
		expect(todo.paths).toEqual([expect.objectContaining({ name: demoPath.name, done: 0, total: 3 })])
		expect(todo.items.map((i) => i.assignedBy)).toEqual(['Priya Shah', 'Priya Shah', 'Priya Shah'])
		// Every scenario in the path is in the shipped library.
		const slugs = new Set(getScenarioLibrary().scenarios.map((s) => s.id))
		for (const item of demoPath.items) if (item.scenarioSlug) expect(slugs.has(item.scenarioSlug)).toBe(true)
	})
})
