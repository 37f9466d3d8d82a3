import type { AssessmentResult } from '#app/domain/assessment/result.ts'
import { STRESS_ELEVATED } from '#app/domain/assessment/scoring.ts'
import { STRESS_REACTIONS, type Style, type StressReaction } from '#app/domain/style.ts'

// What the debrief needs to know about the learner: their position and each backup reaction's
// level with its uncertainty. Rules key on these levels, never on a single "primary" label
// (DESIGN §7). `null` means no assessment result: the debrief then stays style-neutral.

export const STRESS_LEVELS = ['elevated', 'typical', 'low'] as const
export type StressLevel = (typeof STRESS_LEVELS)[number]

export type ReactionLevel = {
	level: StressLevel
	/** True when the score sits within the measurement's uncertainty of a cut-off. */
	borderline: boolean
}

export type LearnerProfile = {
	resultId: string
	/** One style, the two styles of a blend, or none when balanced. */
	styles: Style[]
	dot: { x: number; y: number }
	/** The result has response-quality flags: use it with a caveat. */
	flagged: boolean
	stress: Record<StressReaction, ReactionLevel>
} | null

// Below this mean agreement (1..5) a reaction is "low"; at or above STRESS_ELEVATED it is elevated.
export const STRESS_LOW = 2.5
// Half a scale point either side of a cut counts as borderline: about one standard error of a
// four-item mean on a 1..5 scale.
export const STRESS_BORDERLINE = 0.5

export function reactionLevel(score: number): ReactionLevel {
	const level: StressLevel = score >= STRESS_ELEVATED ? 'elevated' : score < STRESS_LOW ? 'low' : 'typical'
	const borderline =
		Math.abs(score - STRESS_ELEVATED) < STRESS_BORDERLINE / 2 || Math.abs(score - STRESS_LOW) < STRESS_BORDERLINE / 2
	return { level, borderline }
}

/**
 * The ONE adapter from today's stored assessment result to the profile the rules read. The
 * psychometrics work will replace the per-reaction level function; keep every use behind this.
 */
export function learnerProfileFrom(resultId: string, result: AssessmentResult | null | undefined): LearnerProfile {
	if (!result) return null
	const p = result.placement
	const styles: Style[] = p.kind === 'style' ? [p.style] : p.kind === 'blend' ? [...p.styles] : []
	const stress = Object.fromEntries(
		STRESS_REACTIONS.map((r) => [r, reactionLevel(result.stress.scores[r] ?? 3)]),
	) as Record<StressReaction, ReactionLevel>
	return { resultId, styles, dot: { x: result.dot.x, y: result.dot.y }, flagged: result.flags.length > 0, stress }
}
