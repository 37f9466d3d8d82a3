import { and, desc, eq, exists, isNotNull, or, sql, type SQL } from 'drizzle-orm'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { assignments, attempts, debriefs, memberships, teamCoaches, teamMembers } from '#db/schema.ts'
import type { Role } from '#app/domain/accounts/roles.ts'

// THE definition of what a coach (or an admin) may see of a learner (DESIGN §7, docs/access.md).
// Every coach view and every export asks here, so "shared" means one thing everywhere:
//   visible = (visibility = 'shared' OR assignment_id IS NOT NULL)
//             AND (the coach coaches a team the learner is in NOW
//                  OR, for an assigned attempt, the coach assigned it)
// Admins see what coaches see, for everyone in their organisation.

export type CoachViewer = { organisationId: string; userId: string; role: Role }
type Executor = Database | Transaction

/** Shared or assigned: the attempts that may reach a coach at all. */
export const coachVisibleKind: SQL = sql`(${attempts.visibility} = 'shared' or ${attempts.assignmentId} is not null)`

function coachesLearnerOf(viewer: CoachViewer, learnerId: SQL | string, db: Executor) {
	return exists(
		db
			.select({ one: sql`1` })
			.from(teamCoaches)
			.innerJoin(
				teamMembers,
				and(eq(teamMembers.organisationId, teamCoaches.organisationId), eq(teamMembers.teamId, teamCoaches.teamId)),
			)
			.where(
				and(
					eq(teamCoaches.organisationId, viewer.organisationId),
					eq(teamCoaches.userId, viewer.userId),
					typeof learnerId === 'string' ? eq(teamMembers.userId, learnerId) : sql`${teamMembers.userId} = ${learnerId}`,
				),
			),
	)
}

/**
 * A condition over the `attempts` table: this attempt is visible to the viewer as a coach.
 * Use it in any query that reads attempts (or rows keyed by attempt) for a coach view or export:
 * `.where(and(eq(attempts.organisationId, org), coachVisibleAttempt(viewer)))`.
 * A learner-role viewer matches nothing here (their own data is read through the learner's routes).
 */
export function coachVisibleAttempt(viewer: CoachViewer, db: Executor = getDb()): SQL {
	const sameOrg = eq(attempts.organisationId, viewer.organisationId)
	if (viewer.role === 'admin') return and(sameOrg, coachVisibleKind)!
	if (viewer.role !== 'coach') return sql`false`
	const assignedByViewer = and(
		isNotNull(attempts.assignmentId),
		exists(
			db
				.select({ one: sql`1` })
				.from(assignments)
				.where(
					and(
						eq(assignments.organisationId, viewer.organisationId),
						sql`${assignments.id} = ${attempts.assignmentId}`,
						eq(assignments.assignedBy, viewer.userId),
					),
				),
		),
	)
	return and(sameOrg, coachVisibleKind, or(coachesLearnerOf(viewer, sql`${attempts.userId}`, db), assignedByViewer))!
}

export type CoachRelation = 'admin' | 'team-coach' | 'assigner'

/**
 * May this viewer open the coach view of this learner at all, and why? null = no (the route answers
 * 403 for a member of the organisation, 404 for anyone else, see docs/access.md).
 * A coach relates to a learner through a team they coach now, or through an assignment they gave.
 */
export async function coachRelation(
	viewer: CoachViewer,
	learnerId: string,
	db: Executor = getDb(),
): Promise<CoachRelation | null> {
	if (viewer.userId === learnerId) return null
	if (viewer.role === 'admin') return 'admin'
	if (viewer.role !== 'coach') return null
	const [row] = await db
		.select({
			team: sql<boolean>`${coachesLearnerOf(viewer, learnerId, db)}`,
			assigned: sql<boolean>`exists (select 1 from ${assignments} a join ${attempts} t on t.organisation_id = a.organisation_id and t.assignment_id = a.id where a.organisation_id = ${viewer.organisationId} and a.assigned_by = ${viewer.userId} and t.user_id = ${learnerId})`,
		})
		.from(memberships)
		.where(and(eq(memberships.organisationId, viewer.organisationId), eq(memberships.userId, learnerId)))
	if (!row) return null
	if (row.team) return 'team-coach'
	if (row.assigned) return 'assigner'
	return null
}

/** The learner's finished attempts the viewer may see as a coach, newest first, with their debrief summary. */
export async function listCoachVisibleAttempts(viewer: CoachViewer, learnerId: string, db: Executor = getDb()) {
	return db
		.select({
			attemptId: attempts.id,
			scenarioSlug: attempts.scenarioSlug,
			visibility: attempts.visibility,
			assignmentId: attempts.assignmentId,
			sharedAt: attempts.sharedAt,
			completedAt: attempts.completedAt,
			endedAt: debriefs.createdAt,
			outcome: debriefs.outcome,
			customerStyle: debriefs.customerStyle,
			flexTurns: debriefs.flexTurns,
			flexFit: debriefs.flexFit,
			rollupSeq: debriefs.rollupSeq,
		})
		.from(attempts)
		.innerJoin(debriefs, and(eq(debriefs.organisationId, attempts.organisationId), eq(debriefs.attemptId, attempts.id)))
		.where(
			and(
				eq(attempts.organisationId, viewer.organisationId),
				eq(attempts.userId, learnerId),
				coachVisibleAttempt(viewer, db),
			),
		)
		.orderBy(desc(debriefs.rollupSeq))
}

/** One of the learner's attempts with its stored debrief, if the viewer may see it as a coach; else undefined. */
export async function getCoachVisibleDebrief(
	viewer: CoachViewer,
	learnerId: string,
	attemptId: string,
	db: Executor = getDb(),
) {
	const [row] = await db
		.select({
			attemptId: attempts.id,
			visibility: attempts.visibility,
			assignmentId: attempts.assignmentId,
			content: debriefs.content,
			createdAt: debriefs.createdAt,
		})
		.from(attempts)
		.innerJoin(debriefs, and(eq(debriefs.organisationId, attempts.organisationId), eq(debriefs.attemptId, attempts.id)))
		.where(
			and(
				eq(attempts.organisationId, viewer.organisationId),
				eq(attempts.userId, learnerId),
				eq(attempts.id, attemptId),
				coachVisibleAttempt(viewer, db),
			),
		)
	return row
}

/** What the learner shows their coaches (both off by default). */
export async function learnerSharing(organisationId: string, learnerId: string, db: Executor = getDb()) {
	const [row] = await db
		.select({ shareStyle: memberships.shareStyle, shareSkills: memberships.shareSkills })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, learnerId)))
	return row ?? { shareStyle: false, shareSkills: false }
}
