import type { Viewer } from '#app/auth/session.server.ts'
import { listOwnResults, parseStoredResult } from '#app/data/assessments.server.ts'
import {
	coachRelation,
	getCoachVisibleDebrief,
	learnerSharing,
	listCoachVisibleAttempts,
	type CoachRelation,
	type CoachViewer,
} from '#app/data/coach-visibility.server.ts'
import { listNotesAbout } from '#app/data/coaching-notes.server.ts'
import { getMember } from '#app/data/members.server.ts'
import { getSharedSkillLevels, listSharedSkillScores } from '#app/data/sharing.server.ts'
import { describePlacement } from '#app/domain/assessment/placement.ts'
import { homeStyle } from '#app/domain/assessment/report-content.ts'
import { coachCopy, type DebriefContent } from '#app/domain/feedback/debrief.ts'
import { isEarlyDays, levelTrend } from '#app/domain/feedback/skill-levels.ts'
import { skillLabels, skills as SKILLS } from '#app/domain/practice/skills.ts'
import { outcomeLabels, type Outcome } from '#app/domain/practice/outcomes.ts'
import { skillTrendChart } from '#app/domain/coaching/skill-trend-chart.ts'
import type { CoachLearnerView } from '#app/domain/coaching/coach-view.ts'
import { formatDate } from '#app/utils/format.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { getDb } from '#db/client.server.ts'

// What a coach sees of one learner, built in ONE place so the coach's page and the learner's
// "what my coach sees" preview cannot drift apart. Every part follows the sharing rules:
// attempts through coach-visibility, the dot only with share_style, levels only with share_skills
// (and then the coach-visible rollup, never the learner's own). No raw self-assessment answers.

const asCoachViewer = (viewer: Viewer): CoachViewer => ({
	organisationId: viewer.organisation.id,
	userId: viewer.user.id,
	role: viewer.role,
})

async function composeView(
	as: CoachViewer,
	learner: { id: string; name: string },
	showNotes = true,
): Promise<CoachLearnerView> {
	const org = as.organisationId
	const db = getDb()
	const sharing = await learnerSharing(org, learner.id, db)
	const [attempts, notes, levels, scores, results] = await Promise.all([
		listCoachVisibleAttempts(as, learner.id, db),
		listNotesAbout(org, learner.id, db),
		sharing.shareSkills ? getSharedSkillLevels(org, learner.id, db) : Promise.resolve([]),
		sharing.shareSkills ? listSharedSkillScores(org, learner.id, db) : Promise.resolve([]),
		sharing.shareStyle ? listOwnResults(org, learner.id) : Promise.resolve([]),
	])
	let style: CoachLearnerView['style'] = null
	const latest = results.at(-1)
	if (latest) {
		try {
			// Only the dot and its headline: the answers and the report stay the learner's.
			const parsed = parseStoredResult(latest.result)
			style = {
				x: parsed.dot.x,
				y: parsed.dot.y,
				headline: describePlacement(parsed.placement).headline,
				home: homeStyle(parsed.placement),
			}
		} catch {
			style = null
		}
	}
	const skills = sharing.shareSkills
		? SKILLS.flatMap((skill) => {
				const level = levels.find((l) => l.skill === skill)
				if (!level) return []
				const series = scores.filter((s) => s.skill === skill).map((s) => s.score)
				const trend = levelTrend(series)
				const label = skillLabels[skill]
				return [
					{
						skill,
						label,
						level: level.level,
						attempts: level.attempts,
						earlyDays: isEarlyDays(level),
						trend,
						chart: skillTrendChart({ id: skill, label, levels: trend }),
					},
				]
			})
		: null
	const titles = new Map(getScenarioLibrary().scenarios.map((sc) => [sc.id, sc.title]))
	return {
		learner,
		sharing,
		style,
		skills,
		attempts: attempts.map((a) => ({
			attemptId: a.attemptId,
			scenarioSlug: a.scenarioSlug,
			title: titles.get(a.scenarioSlug) ?? a.scenarioSlug,
			outcome: a.outcome,
			outcomeLabel: outcomeLabels[a.outcome as Outcome] ?? a.outcome,
			customerStyle: a.customerStyle,
			date: formatDate(a.endedAt),
			assigned: a.assignmentId !== null,
		})),
		notes: showNotes
			? notes.map((n) => ({
					id: n.id,
					body: n.body,
					authorId: n.authorId,
					authorName: n.authorName,
					date: formatDate(n.createdAt),
					edited: n.updatedAt.getTime() - n.createdAt.getTime() > 1000,
				}))
			: [],
	}
}

export type { CoachLearnerView }

export type CoachAccess = { learner: { id: string; name: string }; relation: CoachRelation | null }

/** Who the learner is and how the viewer relates to them; not-found outside the organisation. */
export async function coachAccessTo(viewer: Viewer, learnerId: string): Promise<ServiceResult<CoachAccess>> {
	const member = await getMember(viewer.organisation.id, learnerId)
	if (!member) return fail.notFound('There is no such member in your organisation.')
	const relation = await coachRelation(asCoachViewer(viewer), learnerId)
	return ok({ learner: { id: member.id, name: member.name }, relation })
}

/** The coach's page of a learner. The caller has checked 'coaching.view-learner' with coachAccessTo's relation. */
export async function loadCoachLearnerView(
	viewer: Viewer,
	access: CoachAccess,
): Promise<ServiceResult<CoachLearnerView>> {
	if (!access.relation) return fail.forbidden('You do not coach this learner.')
	// Notes are for the coaches of the learner's teams (and admins), not for a coach who only assigned work.
	return ok(await composeView(asCoachViewer(viewer), access.learner, access.relation !== 'assigner'))
}

/** "What my coach sees": exactly the view above, as the coaches of the learner's teams see it. */
export async function previewOwnCoachView(viewer: Viewer): Promise<CoachLearnerView> {
	// Seen as the organisation sees it (shared or assigned attempts): what the team's coaches see.
	const as: CoachViewer = { organisationId: viewer.organisation.id, userId: viewer.user.id, role: 'admin' }
	return composeView(as, { id: viewer.user.id, name: viewer.user.name })
}

export type CoachDebriefView = {
	learner: { id: string; name: string }
	content: DebriefContent
	createdAt: Date
	assigned: boolean
	leftOut: number
}

/** The coach's copy of one visible debrief: without the self-assessment sentences unless the learner shares their style. */
export async function loadCoachDebrief(
	viewer: Viewer,
	access: CoachAccess,
	attemptId: string,
	preview = false,
): Promise<ServiceResult<CoachDebriefView>> {
	if (!access.relation && !preview) return fail.forbidden('You do not coach this learner.')
	const as: CoachViewer = preview
		? { organisationId: viewer.organisation.id, userId: viewer.user.id, role: 'admin' }
		: asCoachViewer(viewer)
	const row = await getCoachVisibleDebrief(as, access.learner.id, attemptId)
	if (!row) return fail.notFound('There is no such shared attempt for this learner.')
	const { shareStyle } = await learnerSharing(viewer.organisation.id, access.learner.id)
	const full = row.content as unknown as DebriefContent
	const content = coachCopy(full, shareStyle)
	const leftOut = full.feedback.length + full.notices.length - content.feedback.length - content.notices.length
	return ok({
		learner: access.learner,
		content,
		createdAt: row.createdAt,
		assigned: row.assignmentId !== null,
		leftOut,
	})
}
