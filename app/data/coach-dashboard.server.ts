import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb, rowsOf } from '#db/client.server.ts'
import { coachVisibleKind } from '#app/data/coach-visibility.server.ts'
import { assessmentResults, attempts, memberships, skillLevels, teamMembers, users } from '#db/schema.ts'

// The coach dashboard's reads for one team. Every query is keyed by organisation and the team's
// member ids and goes through an index (team_members, memberships, assessment_results_user_idx,
// skill_levels' key, attempt_skill_scores_user_idx, attempts_user_idx); none reads decisions.

// Coach-visible attempts (shared, or started from an assignment): for the members of a team the viewer
// coaches (or an admin), coachVisibleAttempt's team condition holds by construction, so the kind is enough.
const visible = coachVisibleKind

export async function teamRoster(organisationId: string, teamId: string) {
	return getDb()
		.select({
			id: users.id,
			name: users.name,
			shareStyle: memberships.shareStyle,
			shareSkills: memberships.shareSkills,
			inTeamSince: teamMembers.createdAt,
		})
		.from(teamMembers)
		.innerJoin(
			memberships,
			and(
				eq(memberships.organisationId, teamMembers.organisationId),
				eq(memberships.userId, teamMembers.userId),
				isNull(memberships.deactivatedAt),
			),
		)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(and(eq(teamMembers.organisationId, organisationId), eq(teamMembers.teamId, teamId)))
		.orderBy(asc(users.name))
}

/** The latest style dot of the members who share it (callers pass only those). */
export async function latestStyles(organisationId: string, userIds: string[]) {
	if (userIds.length === 0) return []
	return getDb()
		.selectDistinctOn([assessmentResults.userId], {
			userId: assessmentResults.userId,
			style: assessmentResults.style,
			angle: assessmentResults.angle,
			strength: assessmentResults.strength,
		})
		.from(assessmentResults)
		.where(and(eq(assessmentResults.organisationId, organisationId), inArray(assessmentResults.userId, userIds)))
		.orderBy(assessmentResults.userId, sql`${assessmentResults.createdAt} desc`)
}

/** The coach-visible ('shared') skill levels of the members who share them (callers pass only those). */
export async function sharedSkillLevels(organisationId: string, userIds: string[]) {
	if (userIds.length === 0) return []
	return getDb()
		.select({
			userId: skillLevels.userId,
			skill: skillLevels.skill,
			level: skillLevels.level,
			attempts: skillLevels.attempts,
		})
		.from(skillLevels)
		.where(
			and(
				eq(skillLevels.organisationId, organisationId),
				inArray(skillLevels.userId, userIds),
				eq(skillLevels.scope, 'shared'),
			),
		)
}

/** The latest `perSkill` coach-visible scores per member and skill, newest first: enough for a trend. */
export async function latestVisibleScores(organisationId: string, userIds: string[], perSkill = 3) {
	if (userIds.length === 0) return []
	const result = await getDb().execute(sql`
		select user_id as "userId", skill, score from (
			select s.user_id, s.skill, s.score, s.rollup_seq,
				row_number() over (partition by s.user_id, s.skill order by s.rollup_seq desc) as rn
			from attempt_skill_scores s
			join ${attempts} on ${attempts.organisationId} = s.organisation_id and ${attempts.id} = s.attempt_id
			where s.organisation_id = ${organisationId}
				and s.user_id in (${sql.join(
					userIds.map((id) => sql`${id}::uuid`),
					sql`, `,
				)})
				and ${visible}
		) t
		where rn <= ${perSkill}
		order by user_id, skill, rollup_seq desc`)
	return rowsOf<{ userId: string; skill: string; score: number }>(result).map((r) => ({ ...r, score: Number(r.score) }))
}

/** When each member last did coach-visible work (started or finished a shared or assigned attempt). */
export async function lastVisibleActivity(organisationId: string, userIds: string[]) {
	if (userIds.length === 0) return []
	return getDb()
		.select({
			userId: attempts.userId,
			at: sql<string>`max(coalesce(${attempts.completedAt}, ${attempts.startedAt}))`,
		})
		.from(attempts)
		.where(and(eq(attempts.organisationId, organisationId), inArray(attempts.userId, userIds), visible))
		.groupBy(attempts.userId)
}
