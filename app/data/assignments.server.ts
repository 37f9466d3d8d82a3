import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, max, or, sql } from 'drizzle-orm'
import { getDb, prepared, type Database, type Transaction } from '#db/client.server.ts'
import {
	assessmentAttempts,
	assignments,
	attempts,
	coachingNotes,
	memberships,
	onboardingPathItems,
	onboardingPaths,
	organisations,
	teamCoaches,
	teamMembers,
	teams,
	users,
} from '#db/schema.ts'
import type { AssignmentFact, PersonFacts } from '#app/domain/coaching/assignments.ts'

type Db = Database | Transaction

export type AssignmentRow = typeof assignments.$inferSelect
export type NewAssignment = typeof assignments.$inferInsert

export async function getOrganisationTimeZone(organisationId: string, db: Db = getDb()): Promise<string> {
	const [row] = await db
		.select({ timeZone: organisations.timeZone })
		.from(organisations)
		.where(eq(organisations.id, organisationId))
	return row?.timeZone ?? 'UTC'
}

export async function setOrganisationTimeZone(tx: Transaction, organisationId: string, timeZone: string) {
	await tx.update(organisations).set({ timeZone }).where(eq(organisations.id, organisationId))
}

/** Does this person coach this team? */
export async function coachesTeam(organisationId: string, coachId: string, teamId: string, db: Db = getDb()) {
	const [row] = await db
		.select({ n: count() })
		.from(teamCoaches)
		.where(
			and(
				eq(teamCoaches.organisationId, organisationId),
				eq(teamCoaches.teamId, teamId),
				eq(teamCoaches.userId, coachId),
			),
		)
	return (row?.n ?? 0) > 0
}

export async function insertAssignments(tx: Transaction, rows: NewAssignment[]) {
	if (rows.length === 0) return []
	return tx.insert(assignments).values(rows).returning()
}

export async function findAssignment(organisationId: string, id: string, db: Db = getDb()) {
	const [row] = await db
		.select()
		.from(assignments)
		.where(and(eq(assignments.organisationId, organisationId), eq(assignments.id, id)))
	return row
}

export async function updateAssignment(
	tx: Transaction,
	organisationId: string,
	id: string,
	set: { dueOn?: string | null; cancelledAt?: Date },
) {
	const rows = await tx
		.update(assignments)
		.set(set)
		.where(and(eq(assignments.organisationId, organisationId), eq(assignments.id, id), isNull(assignments.cancelledAt)))
		.returning({ id: assignments.id })
	return rows.length > 0
}

const factColumns = {
	id: assignments.id,
	kind: assignments.kind,
	scenarioSlug: assignments.scenarioSlug,
	teamId: assignments.teamId,
	userId: assignments.userId,
	dueOn: assignments.dueOn,
	createdAt: assignments.createdAt,
	pathId: assignments.pathId,
	pathPosition: assignments.pathPosition,
	assignedBy: assignments.assignedBy,
	assignedByName: users.name,
	pathName: onboardingPaths.name,
}
export type AssignmentListRow = AssignmentFact & {
	assignedBy: string | null
	assignedByName: string | null
	pathName: string | null
}

/**
 * What decides the state of the assignments of a set of learners: the open assignments reaching
 * them (directly or through a team they are in now), their team memberships, their completed assigned
 * attempts and their last completed assessment. Every query goes by index (organisation + user, team
 * or assignment); none reads decisions.
 */
export async function loadAssignmentFacts(
	organisationId: string,
	userIds: string[],
	db: Db = getDb(),
): Promise<{ assignments: AssignmentListRow[]; people: Map<string, PersonFacts> }> {
	const people = new Map<string, PersonFacts>()
	if (userIds.length === 0) return { assignments: [], people }
	const memberTeams = await db
		.select({ userId: teamMembers.userId, teamId: teamMembers.teamId })
		.from(teamMembers)
		.where(and(eq(teamMembers.organisationId, organisationId), inArray(teamMembers.userId, userIds)))
	const teamIds = [...new Set(memberTeams.map((m) => m.teamId))]
	const rows = await db
		.select(factColumns)
		.from(assignments)
		.leftJoin(users, eq(users.id, assignments.assignedBy))
		.leftJoin(
			onboardingPaths,
			and(eq(onboardingPaths.organisationId, assignments.organisationId), eq(onboardingPaths.id, assignments.pathId)),
		)
		.where(
			and(
				eq(assignments.organisationId, organisationId),
				isNull(assignments.cancelledAt),
				or(
					inArray(assignments.userId, userIds),
					teamIds.length > 0 ? inArray(assignments.teamId, teamIds) : sql`false`,
				),
			),
		)
		.orderBy(asc(assignments.createdAt))
	const scenarioIds = rows.filter((r) => r.kind === 'scenario').map((r) => r.id)
	const [completed, assessed] = await Promise.all([
		scenarioIds.length === 0
			? Promise.resolve([])
			: db
					.selectDistinct({ assignmentId: attempts.assignmentId, userId: attempts.userId })
					.from(attempts)
					.where(
						and(
							eq(attempts.organisationId, organisationId),
							inArray(attempts.assignmentId, scenarioIds),
							inArray(attempts.userId, userIds),
							eq(attempts.status, 'completed'),
						),
					),
		rows.some((r) => r.kind === 'assessment')
			? db
					.select({ userId: assessmentAttempts.userId, at: max(assessmentAttempts.completedAt) })
					.from(assessmentAttempts)
					.where(
						and(
							eq(assessmentAttempts.organisationId, organisationId),
							inArray(assessmentAttempts.userId, userIds),
							eq(assessmentAttempts.status, 'completed'),
						),
					)
					.groupBy(assessmentAttempts.userId)
			: Promise.resolve([]),
	])
	for (const id of userIds) {
		people.set(id, {
			teamIds: new Set(memberTeams.filter((m) => m.userId === id).map((m) => m.teamId)),
			completedAssignmentIds: new Set(completed.filter((c) => c.userId === id).map((c) => c.assignmentId ?? '')),
			lastAssessmentAt: assessed.find((a) => a.userId === id)?.at ?? null,
		})
	}
	return { assignments: rows, people }
}

/** The learner's open attempts started from assignments, by assignment. */
export async function openAssignedAttempts(organisationId: string, userId: string) {
	return getDb()
		.select({ id: attempts.id, assignmentId: attempts.assignmentId, step: attempts.step })
		.from(attempts)
		.where(
			and(
				eq(attempts.organisationId, organisationId),
				eq(attempts.userId, userId),
				eq(attempts.status, 'in_progress'),
				isNotNull(attempts.assignmentId),
			),
		)
}

/** Assignments for the staff page: every one in the organisation, or those a coach may manage. */
export async function listAssignmentsForStaff(organisationId: string, coachId?: string) {
	const db = getDb()
	const coached = coachId
		? db
				.select({ id: teamCoaches.teamId })
				.from(teamCoaches)
				.where(and(eq(teamCoaches.organisationId, organisationId), eq(teamCoaches.userId, coachId)))
		: undefined
	const coachedLearners = coachId
		? db
				.select({ id: teamMembers.userId })
				.from(teamMembers)
				.innerJoin(
					teamCoaches,
					and(eq(teamCoaches.organisationId, teamMembers.organisationId), eq(teamCoaches.teamId, teamMembers.teamId)),
				)
				.where(and(eq(teamMembers.organisationId, organisationId), eq(teamCoaches.userId, coachId)))
		: undefined
	const learner = sql<string | null>`(select name from ${users} where ${users.id} = ${assignments.userId})`
	return db
		.select({
			...factColumns,
			cancelledAt: assignments.cancelledAt,
			teamName: teams.name,
			learnerName: learner,
		})
		.from(assignments)
		.leftJoin(users, eq(users.id, assignments.assignedBy))
		.leftJoin(teams, and(eq(teams.organisationId, assignments.organisationId), eq(teams.id, assignments.teamId)))
		.leftJoin(
			onboardingPaths,
			and(eq(onboardingPaths.organisationId, assignments.organisationId), eq(onboardingPaths.id, assignments.pathId)),
		)
		.where(
			and(
				eq(assignments.organisationId, organisationId),
				isNull(assignments.cancelledAt),
				coached && coachedLearners
					? or(inArray(assignments.teamId, coached), inArray(assignments.userId, coachedLearners))
					: undefined,
			),
		)
		.orderBy(desc(assignments.createdAt))
		.limit(200)
}

/** Who sees an attempt started from this assignment: its assigner and the coaches of the learner's teams now. */
export async function watchersOf(organisationId: string, learnerId: string, assignedBy: string | null) {
	const db = getDb()
	const coaches = await db
		.selectDistinct({ id: users.id, name: users.name })
		.from(teamMembers)
		.innerJoin(
			teamCoaches,
			and(eq(teamCoaches.organisationId, teamMembers.organisationId), eq(teamCoaches.teamId, teamMembers.teamId)),
		)
		.innerJoin(users, eq(users.id, teamCoaches.userId))
		.innerJoin(
			memberships,
			and(
				eq(memberships.organisationId, teamCoaches.organisationId),
				eq(memberships.userId, teamCoaches.userId),
				isNull(memberships.deactivatedAt),
			),
		)
		.where(and(eq(teamMembers.organisationId, organisationId), eq(teamMembers.userId, learnerId)))
	const [assigner] = assignedBy
		? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, assignedBy))
		: []
	return { assigner: assigner ?? null, coaches: coaches.filter((c) => c.id !== assigner?.id) }
}

// ── Inbox badge ─────────────────────────────────────────────────────────────

/** New assignments and coaching notes for the learner since they last opened Home. */
// One prepared statement: it runs on every learner page (the layout's badge), so the membership
// read and both counts travel together (three round trips cost the step loop ~1.5 ms on PGlite).
export async function countInbox(organisationId: string, userId: string): Promise<number> {
	const query = prepared('count_inbox', (db) => {
		const org = sql.placeholder('organisationId')
		const user = sql.placeholder('userId')
		const since = sql`coalesce(${memberships.inboxSeenAt}, 'epoch'::timestamptz)`
		const myTeams = db
			.select({ id: teamMembers.teamId })
			.from(teamMembers)
			.where(and(eq(teamMembers.organisationId, org), eq(teamMembers.userId, user)))
		const newAssignments = db
			.select({ n: count() })
			.from(assignments)
			.where(
				and(
					eq(assignments.organisationId, org),
					isNull(assignments.cancelledAt),
					gt(assignments.createdAt, since),
					or(eq(assignments.userId, user), inArray(assignments.teamId, myTeams)),
				),
			)
		const newNotes = db
			.select({ n: count() })
			.from(coachingNotes)
			.where(
				and(
					eq(coachingNotes.organisationId, org),
					eq(coachingNotes.learnerId, user),
					gt(coachingNotes.createdAt, since),
				),
			)
		return db
			.select({ n: sql<number>`((${newAssignments}) + (${newNotes}))::int` })
			.from(memberships)
			.where(and(eq(memberships.organisationId, org), eq(memberships.userId, user)))
			.prepare('count_inbox')
	})
	const [row] = await query.execute({ organisationId, userId })
	return row?.n ?? 0
}

// The database clock, like the created_at it is compared with.
export async function markInboxSeen(organisationId: string, userId: string) {
	await getDb()
		.update(memberships)
		.set({ inboxSeenAt: sql`now()` })
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
}

// ── Onboarding paths ─────────────────────────────────────────────────────────

export type PathItem = { kind: 'scenario' | 'assessment'; scenarioSlug: string | null; dueAfterDays: number | null }

export async function listPaths(organisationId: string, db: Db = getDb()) {
	const paths = await db
		.select({ id: onboardingPaths.id, name: onboardingPaths.name, description: onboardingPaths.description })
		.from(onboardingPaths)
		.where(eq(onboardingPaths.organisationId, organisationId))
		.orderBy(asc(onboardingPaths.name))
	if (paths.length === 0) return []
	const items = await db
		.select()
		.from(onboardingPathItems)
		.where(
			and(
				eq(onboardingPathItems.organisationId, organisationId),
				inArray(
					onboardingPathItems.pathId,
					paths.map((p) => p.id),
				),
			),
		)
		.orderBy(asc(onboardingPathItems.position))
	return paths.map((p) => ({
		...p,
		items: items
			.filter((i) => i.pathId === p.id)
			.map(({ position, kind, scenarioSlug, dueAfterDays }) => ({ position, kind, scenarioSlug, dueAfterDays })),
	}))
}

export async function findPathByName(tx: Transaction, organisationId: string, name: string) {
	const [row] = await tx
		.select({ id: onboardingPaths.id })
		.from(onboardingPaths)
		.where(and(eq(onboardingPaths.organisationId, organisationId), eq(onboardingPaths.name, name)))
	return row
}

export async function insertPath(tx: Transaction, organisationId: string, name: string, description: string) {
	const [row] = await tx.insert(onboardingPaths).values({ organisationId, name, description }).returning()
	if (!row) throw new Error('insert returned no row')
	return row
}

export async function updatePath(
	tx: Transaction,
	organisationId: string,
	pathId: string,
	set: { name: string; description: string },
) {
	const rows = await tx
		.update(onboardingPaths)
		.set(set)
		.where(and(eq(onboardingPaths.organisationId, organisationId), eq(onboardingPaths.id, pathId)))
		.returning({ id: onboardingPaths.id })
	return rows.length > 0
}

/** Replaces a path's items with the given list, numbered in order. */
export async function replacePathItems(tx: Transaction, organisationId: string, pathId: string, items: PathItem[]) {
	await tx
		.delete(onboardingPathItems)
		.where(and(eq(onboardingPathItems.organisationId, organisationId), eq(onboardingPathItems.pathId, pathId)))
	if (items.length === 0) return
	await tx
		.insert(onboardingPathItems)
		.values(items.map((item, position) => ({ organisationId, pathId, position, ...item })))
}

export async function deletePath(tx: Transaction, organisationId: string, pathId: string) {
	const rows = await tx
		.delete(onboardingPaths)
		.where(and(eq(onboardingPaths.organisationId, organisationId), eq(onboardingPaths.id, pathId)))
		.returning({ id: onboardingPaths.id, name: onboardingPaths.name })
	return rows[0]
}

export async function getPath(organisationId: string, pathId: string, db: Db = getDb()) {
	const all = await listPaths(organisationId, db)
	return all.find((p) => p.id === pathId)
}
