import { getDb } from '#db/client.server.ts'
import { coachesTeam, getOrganisationTimeZone, loadAssignmentFacts } from '#app/data/assignments.server.ts'
import {
	lastVisibleActivity,
	latestStyles,
	latestVisibleScores,
	sharedSkillLevels,
	teamRoster,
} from '#app/data/coach-dashboard.server.ts'
import { findTeam } from '#app/data/teams.server.ts'
import { itemsFor, summarise } from '#app/domain/coaching/assignments.ts'
import { attentionReasons, TEAM_MAP_MINIMUM, trendOf } from '#app/domain/coaching/dashboard.ts'
import { skillLabels, skills, type Skill } from '#app/domain/practice/skills.ts'
import { can, permissionMessages } from '#app/domain/permissions.ts'
import { STYLE_NAMES, type Style } from '#app/domain/style.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import type { StaffActor } from '#app/services/assignments.server.ts'

export type TeamDashboard = Awaited<ReturnType<typeof build>>

export async function teamDashboard(
	actor: StaffActor,
	teamId: string,
	now = new Date(),
): Promise<ServiceResult<TeamDashboard>> {
	const team = await findTeam(getDb(), actor.organisationId, teamId)
	if (!team) return fail.notFound('There is no such team.')
	const coached = actor.role === 'coach' && (await coachesTeam(actor.organisationId, actor.userId, teamId))
	if (
		!can({ userId: actor.userId, role: actor.role }, 'team.dashboard', {
			kind: 'team',
			teamId,
			coachedByViewer: coached,
		})
	) {
		return fail.forbidden(permissionMessages['team.dashboard'])
	}
	return ok(await build(actor.organisationId, team, now))
}

async function build(organisationId: string, team: { id: string; name: string }, now: Date) {
	const roster = await teamRoster(organisationId, team.id)
	const ids = roster.map((r) => r.id)
	const styleIds = roster.filter((r) => r.shareStyle).map((r) => r.id)
	const skillIds = roster.filter((r) => r.shareSkills).map((r) => r.id)
	const [timeZone, facts, styles, levels, scores, activity] = await Promise.all([
		getOrganisationTimeZone(organisationId),
		loadAssignmentFacts(organisationId, ids),
		latestStyles(organisationId, styleIds),
		sharedSkillLevels(organisationId, skillIds),
		latestVisibleScores(organisationId, skillIds),
		lastVisibleActivity(organisationId, ids),
	])
	const learners = roster.map((person) => {
		const facts1 = facts.people.get(person.id)
		const items = facts1 ? itemsFor(person.id, facts.assignments, facts1, now, timeZone) : []
		const work = summarise(items)
		const style = person.shareStyle ? styles.find((s) => s.userId === person.id) : undefined
		const last = activity.find((a) => a.userId === person.id)?.at
		const lastActivity = last ? new Date(last) : null
		const skillRows = person.shareSkills
			? skills.flatMap((skill) => {
					const level = levels.find((l) => l.userId === person.id && l.skill === skill)
					if (!level) return []
					const latest = scores.filter((s) => s.userId === person.id && s.skill === skill).map((s) => s.score)
					return [
						{
							skill,
							label: skillLabels[skill],
							level: Math.round(level.level),
							attempts: level.attempts,
							trend: trendOf(level, latest),
						},
					]
				})
			: []
		const rad = ((style?.angle ?? 0) * Math.PI) / 180
		return {
			id: person.id,
			name: person.name,
			shareStyle: person.shareStyle,
			shareSkills: person.shareSkills,
			style: style
				? {
						style: style.style as Style,
						label: STYLE_NAMES[style.style as Style] ?? style.style,
						x: style.strength * Math.cos(rad),
						y: style.strength * Math.sin(rad),
					}
				: null,
			lastActivity: lastActivity?.toISOString() ?? null,
			assignments: work,
			skills: skillRows,
			attention: attentionReasons(
				{ trends: skillRows, overdue: work.overdue, lastActivity, inTeamSince: person.inTeamSince },
				now,
			),
		}
	})
	const dots = learners.filter((l) => l.style)
	return {
		team,
		timeZone,
		skills: skills.map((s: Skill) => ({ id: s, label: skillLabels[s] })),
		learners,
		teamMap: dots.length >= TEAM_MAP_MINIMUM ? dots.map((l) => ({ id: l.id, name: l.name, ...l.style! })) : null,
		sharingStyle: dots.length,
	}
}
