import type { Viewer } from '#app/auth/session.server.ts'
import { listOwnResults, parseStoredResult } from '#app/data/assessments.server.ts'
import { getOwnAttempt, recordDecision, type RecordDecisionResult } from '#app/data/attempts.server.ts'
import {
	getOwnDebrief,
	getOwnSkillLevels,
	listOwnDebriefs,
	listOwnSkillScores,
	lockLearner,
	ownStressTotals,
	writeDebrief,
} from '#app/data/debriefs.server.ts'
import { applyEndingToSharedLevels } from '#app/data/sharing.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { loadVersion } from '#app/services/play.server.ts'
import { createAttemptFromPrefix } from '#app/data/retry.server.ts'
import { applyChoice, initialSnapshot, persistSnapshot } from '#app/domain/scenario/play.ts'
import { restoreSnapshot } from '#app/domain/scenario/restore.ts'
import { buildDebrief, type DebriefContent } from '#app/domain/feedback/debrief.ts'
import { learnerProfileFrom, type LearnerProfile } from '#app/domain/feedback/profile.ts'
import {
	emptyStressTally,
	isEarlyDays,
	levelTrend,
	stressRate,
	type StressTally,
} from '#app/domain/feedback/skill-levels.ts'
import type { ScenarioMachine } from '#app/domain/scenario/compile.ts'
import type { PathStep } from '#app/domain/scenario/play-context.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { outcomes, type Outcome } from '#app/domain/practice/outcomes.ts'
import { recommendNext, type PracticeHistory, type Recommendation } from '#app/domain/practice/recommend.ts'
import { skills as SKILLS, type Skill } from '#app/domain/practice/skills.ts'
import { STRESS_REACTIONS, STYLES, type Style, type StressReaction } from '#app/domain/style.ts'
import { homeStyle } from '#app/domain/assessment/report-content.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { getDb } from '#db/client.server.ts'

// The learner's latest assessment result as the profile the feedback rules read (or null).
export async function latestProfile(viewer: Viewer): Promise<{ profile: LearnerProfile; home: Style | null }> {
	const results = await listOwnResults(viewer.organisation.id, viewer.user.id)
	const latest = results.at(-1)
	if (!latest) return { profile: null, home: null }
	try {
		const parsed = parseStoredResult(latest.result)
		return { profile: learnerProfileFrom(latest.id, parsed), home: homeStyle(parsed.placement) }
	} catch {
		// An unreadable stored result is treated as no result: the debrief never invents a profile.
		return { profile: null, home: null }
	}
}

/**
 * The ending step: the final decision, the stored debrief, the per-attempt scores and stress
 * counts, and the learner's skill levels, all in ONE transaction (ADR 0004). The debrief is
 * computed before the transaction (pure), so the lock is held only for the writes.
 */
export async function recordEndingStep(
	viewer: Viewer,
	input: {
		record: Omit<Parameters<typeof recordDecision>[0], 'tx'>
		scenario: Scenario
		machine: ScenarioMachine
		path: readonly PathStep[]
		scenarioSlug: string
	},
): Promise<RecordDecisionResult> {
	const { profile } = await latestProfile(viewer)
	const content = buildDebrief({ scenario: input.scenario, machine: input.machine, path: input.path, profile })
	return getDb().transaction(async (tx) => {
		await lockLearner(tx, viewer.organisation.id, viewer.user.id)
		const recorded = await recordDecision({ ...input.record, tx })
		if (!recorded.ok) return recorded
		await writeDebrief(tx, {
			organisationId: viewer.organisation.id,
			userId: viewer.user.id,
			attemptId: input.record.attemptId,
			scenarioSlug: input.scenarioSlug,
			content,
		})
		// A shared or assigned attempt also moves the coach-visible rollup (DESIGN §7), in this transaction.
		await applyEndingToSharedLevels(tx, {
			organisationId: viewer.organisation.id,
			userId: viewer.user.id,
			attemptId: input.record.attemptId,
			scores: content.skills.flatMap((s) => (s.inPlay ? [{ skill: s.skill, score: s.score }] : [])),
		})
		return recorded
	})
}

export type DebriefView = { attemptId: string; content: DebriefContent; createdAt: Date; next: Recommendation[] }

export type DebriefLookup = ServiceResult<DebriefView> | { ok: false; kind: 'unfinished'; attemptId: string }

// A debrief is read from what was stored at the ending: no replay, no re-scoring.
export async function loadDebrief(viewer: Viewer, attemptId: string): Promise<DebriefLookup> {
	const row = await getOwnDebrief(viewer.organisation.id, viewer.user.id, attemptId)
	if (!row) {
		const attempt = await getOwnAttempt(viewer.organisation.id, viewer.user.id, attemptId)
		if (attempt?.status === 'in_progress') return { ok: false, kind: 'unfinished', attemptId }
		return fail.notFound('There is no debrief for this attempt among yours.')
	}
	const progress = await practiceHistory(viewer)
	const next = recommendNext(recommendable(), progress.history, 1)
	return ok({ attemptId, content: row.content as unknown as DebriefContent, createdAt: row.createdAt, next })
}

export function recommendable() {
	return getScenarioLibrary().scenarios.map((s) => ({
		id: s.id,
		title: s.title,
		style: s.persona.style,
		customer: s.persona.name,
		skills: s.skills,
		difficulty: s.difficulty,
	}))
}

const OUTCOME_RANK = (o: string) => {
	const i = outcomes.indexOf(o as Outcome)
	return i < 0 ? outcomes.length : i
}

/** Best outcome per scenario: resolved > partly resolved > escalated > lost. */
export function bestOutcomes(rows: ReadonlyArray<{ scenarioSlug: string; outcome: string }>): Record<string, Outcome> {
	const best: Record<string, Outcome> = {}
	for (const r of rows) {
		const prev = best[r.scenarioSlug]
		if (prev === undefined || OUTCOME_RANK(r.outcome) < OUTCOME_RANK(prev)) best[r.scenarioSlug] = r.outcome as Outcome
	}
	return best
}

export type ProgressView = Awaited<ReturnType<typeof practiceHistory>>

// Everything "My progress", Home and "what next" need, from the stored rollups and per-attempt
// rows of this one learner (indexed by organisation + learner; nothing is replayed).
export async function practiceHistory(viewer: Viewer) {
	const org = viewer.organisation.id
	const user = viewer.user.id
	const [debriefRows, scoreRows, levelRows, stressRows, me] = await Promise.all([
		listOwnDebriefs(org, user),
		listOwnSkillScores(org, user),
		getOwnSkillLevels(org, user),
		ownStressTotals(org, user),
		latestProfile(viewer),
	])
	const levels: PracticeHistory['levels'] = {}
	for (const l of levelRows) levels[l.skill as Skill] = { level: l.level, attempts: l.attempts }
	const flexByStyle: PracticeHistory['flexByStyle'] = {}
	for (const style of STYLES) {
		const rows = debriefRows.filter((d) => d.customerStyle === style)
		const turns = rows.reduce((s, d) => s + d.flexTurns, 0)
		if (turns > 0) flexByStyle[style] = { rate: rows.reduce((s, d) => s + d.flexFit, 0) / turns, turns }
	}
	const stress: StressTally = emptyStressTally()
	for (const r of stressRows) {
		if ((STRESS_REACTIONS as readonly string[]).includes(r.reaction))
			stress[r.reaction as StressReaction] = { offered: Number(r.offered), chosen: Number(r.chosen) }
	}
	const skills = SKILLS.filter((s) => levels[s]).map((skill) => {
		const series = scoreRows.filter((r) => r.skill === skill).map((r) => r.score)
		return { skill, ...levels[skill]!, earlyDays: isEarlyDays(levels[skill]), trend: levelTrend(series) }
	})
	const history: PracticeHistory = { levels, flexByStyle, best: bestOutcomes(debriefRows), home: me.home }
	return {
		history,
		skills,
		stress: STRESS_REACTIONS.map((r) => ({
			reaction: r,
			...stress[r],
			rate: stressRate(stress[r]),
			selfReported: me.profile ? me.profile.stress[r] : null,
		})),
		attempts: [...debriefRows].reverse(),
		hasProfile: me.profile !== null,
	}
}

/** "Try again from here": a new attempt replaying the finished one's path up to decision `step`. */
export async function retryFrom(viewer: Viewer, attemptId: string, step: number): Promise<ServiceResult<string>> {
	const attempt = await getOwnAttempt(viewer.organisation.id, viewer.user.id, attemptId)
	if (!attempt || attempt.status !== 'completed')
		return fail.notFound('There is no finished attempt like that among yours.')
	const version = await loadVersion(attempt.scenarioVersionId)
	if (!version.ok) return version
	const { machine } = version.value
	const restored = restoreSnapshot(machine, attempt.snapshot)
	if (!restored.ok) return fail.conflict(`This attempt cannot be replayed: ${restored.message}`)
	const path = restored.snapshot.context.path
	if (step < 1 || step > path.length) return fail.invalid('There is no such decision in this conversation.')
	let snapshot = initialSnapshot(machine)
	for (const s of path.slice(0, step - 1)) {
		const next = applyChoice(machine, snapshot, s.choice)
		if (!next.ok) return fail.conflict('This attempt cannot be replayed.')
		snapshot = next.snapshot
	}
	const id = await createAttemptFromPrefix({
		organisationId: viewer.organisation.id,
		userId: viewer.user.id,
		fromAttemptId: attemptId,
		scenarioVersionId: attempt.scenarioVersionId,
		scenarioSlug: attempt.scenarioSlug,
		snapshot: persistSnapshot(machine, snapshot),
		steps: step - 1,
	})
	return ok(id)
}

/** Done (any ending) and the best outcome per scenario, for the catalogue cards. */
export async function ownBestOutcomes(viewer: Viewer): Promise<Record<string, Outcome>> {
	return bestOutcomes(await listOwnDebriefs(viewer.organisation.id, viewer.user.id))
}
