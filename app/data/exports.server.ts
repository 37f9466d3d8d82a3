import { and, asc, desc, eq, exists, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import {
	assessmentResults,
	attemptSkillScores,
	attempts,
	debriefs,
	decisions,
	memberships,
	scenarioVersions,
	skillLevels,
	teamCoaches,
	teamMembers,
	teams,
	users,
} from '#db/schema.ts'
import { coachVisibleAttempt, type CoachViewer } from '#app/data/coach-visibility.server.ts'
import type { AttemptForXapi } from '#app/domain/xapi/statements.ts'

export type XapiScope = { kind: 'own' } | { kind: 'team'; teamId: string } | { kind: 'organisation' }

export async function findTeamForViewer(viewer: CoachViewer, teamId: string) {
	const [team] = await getDb()
		.select({
			id: teams.id,
			name: teams.name,
			coachedByViewer: exists(
				getDb()
					.select({ one: sql`1` })
					.from(teamCoaches)
					.where(
						and(
							eq(teamCoaches.organisationId, viewer.organisationId),
							eq(teamCoaches.teamId, teams.id),
							eq(teamCoaches.userId, viewer.userId),
						),
					),
			).mapWith(Boolean),
		})
		.from(teams)
		.where(and(eq(teams.organisationId, viewer.organisationId), eq(teams.id, teamId)))
	return team
}

const inTeamNow = (organisationId: string, teamId: string) =>
	exists(
		getDb()
			.select({ one: sql`1` })
			.from(teamMembers)
			.where(
				and(
					eq(teamMembers.organisationId, organisationId),
					eq(teamMembers.teamId, teamId),
					sql`${teamMembers.userId} = ${attempts.userId}`,
				),
			),
	)

// Which attempts an export covers: the learner's own; a team's coach-visible ones (shared or
// assigned, through the one coach-visibility definition); the organisation's coach-visible ones.
function scopeCondition(viewer: CoachViewer, scope: XapiScope): SQL {
	const sameOrg = eq(attempts.organisationId, viewer.organisationId)
	if (scope.kind === 'own') return and(sameOrg, eq(attempts.userId, viewer.userId))!
	if (scope.kind === 'team')
		return and(sameOrg, coachVisibleAttempt(viewer), inTeamNow(viewer.organisationId, scope.teamId))!
	return and(sameOrg, coachVisibleAttempt(viewer))!
}

export async function listAttemptsForXapi(viewer: CoachViewer, scope: XapiScope): Promise<AttemptForXapi[]> {
	const db = getDb()
	const rows = await db
		.select({
			id: attempts.id,
			scenarioSlug: attempts.scenarioSlug,
			scenarioTitle: scenarioVersions.title,
			actorId: memberships.actorId,
			outcome: debriefs.outcome,
			endedAt: debriefs.createdAt,
		})
		.from(attempts)
		.innerJoin(
			memberships,
			and(eq(memberships.organisationId, attempts.organisationId), eq(memberships.userId, attempts.userId)),
		)
		.innerJoin(scenarioVersions, eq(scenarioVersions.id, attempts.scenarioVersionId))
		.leftJoin(debriefs, and(eq(debriefs.organisationId, attempts.organisationId), eq(debriefs.attemptId, attempts.id)))
		.where(scopeCondition(viewer, scope))
		.orderBy(asc(attempts.startedAt))
	if (rows.length === 0) return []
	const ids = rows.map((r) => r.id)
	const [decisionRows, scoreRows] = await Promise.all([
		db
			.select()
			.from(decisions)
			.where(and(eq(decisions.organisationId, viewer.organisationId), inArray(decisions.attemptId, ids)))
			.orderBy(asc(decisions.attemptId), asc(decisions.step)),
		db
			.select()
			.from(attemptSkillScores)
			.where(
				and(eq(attemptSkillScores.organisationId, viewer.organisationId), inArray(attemptSkillScores.attemptId, ids)),
			),
	])
	return rows.map((r) => ({
		id: r.id,
		scenarioSlug: r.scenarioSlug,
		scenarioTitle: r.scenarioTitle,
		actorId: r.actorId,
		decisions: decisionRows
			.filter((d) => d.attemptId === r.id)
			.map((d) => ({
				step: d.step,
				nodeId: d.nodeId,
				choiceId: d.choiceId,
				metersAfter: d.metersAfter,
				msTaken: d.msTaken,
				createdAt: d.createdAt.toISOString(),
			})),
		ending:
			r.outcome && r.endedAt
				? {
						outcome: r.outcome,
						createdAt: r.endedAt.toISOString(),
						skills: Object.fromEntries(scoreRows.filter((s) => s.attemptId === r.id).map((s) => [s.skill, s.score])),
					}
				: null,
	}))
}

// ── Team progress CSV ──────────────────────────────────────────────────────────
// One row per current member of the team, under the sharing rules: activity from coach-visible
// attempts only; the style only if the learner shares it; the coach-visible ('shared') skill
// levels only if they share their skills. Never raw self-assessment answers.
export async function teamProgressRows(viewer: CoachViewer, teamId: string) {
	const db = getDb()
	const org = viewer.organisationId
	const people = await db
		.select({
			userId: memberships.userId,
			name: users.name,
			email: users.email,
			shareStyle: memberships.shareStyle,
			shareSkills: memberships.shareSkills,
		})
		.from(teamMembers)
		.innerJoin(
			memberships,
			and(eq(memberships.organisationId, teamMembers.organisationId), eq(memberships.userId, teamMembers.userId)),
		)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(and(eq(teamMembers.organisationId, org), eq(teamMembers.teamId, teamId), isNull(memberships.deactivatedAt)))
		.orderBy(asc(users.name))
	if (people.length === 0) return []
	const ids = people.map((p) => p.userId)
	const styleIds = people.filter((p) => p.shareStyle).map((p) => p.userId)
	const skillIds = people.filter((p) => p.shareSkills).map((p) => p.userId)
	const [activity, styles, levels] = await Promise.all([
		db
			.select({
				userId: attempts.userId,
				completed: sql<number>`count(*) filter (where ${attempts.status} = 'completed')`.mapWith(Number),
				lastActivity: sql<Date | null>`max(coalesce(${attempts.completedAt}, ${attempts.startedAt}))`.mapWith(
					(v: string | Date | null) => (v === null ? null : new Date(v)),
				),
			})
			.from(attempts)
			.where(and(eq(attempts.organisationId, org), inArray(attempts.userId, ids), coachVisibleAttempt(viewer)))
			.groupBy(attempts.userId),
		styleIds.length === 0
			? Promise.resolve([])
			: db
					.selectDistinctOn([assessmentResults.userId], {
						userId: assessmentResults.userId,
						style: assessmentResults.style,
					})
					.from(assessmentResults)
					.where(and(eq(assessmentResults.organisationId, org), inArray(assessmentResults.userId, styleIds)))
					.orderBy(assessmentResults.userId, desc(assessmentResults.createdAt)),
		skillIds.length === 0
			? Promise.resolve([])
			: db
					.select({ userId: skillLevels.userId, skill: skillLevels.skill, level: skillLevels.level })
					.from(skillLevels)
					.where(
						and(
							eq(skillLevels.organisationId, org),
							inArray(skillLevels.userId, skillIds),
							eq(skillLevels.scope, 'shared'),
						),
					),
	])
	return people.map((p) => ({
		name: p.name,
		email: p.email,
		style: p.shareStyle ? (styles.find((s) => s.userId === p.userId)?.style ?? null) : null,
		sharesStyle: p.shareStyle,
		sharesSkills: p.shareSkills,
		completed: activity.find((a) => a.userId === p.userId)?.completed ?? 0,
		lastActivity: activity.find((a) => a.userId === p.userId)?.lastActivity ?? null,
		skills: p.shareSkills
			? Object.fromEntries(levels.filter((l) => l.userId === p.userId).map((l) => [l.skill, l.level]))
			: null,
	}))
}
