import type { AssessmentResult } from '#app/domain/assessment/result.ts'
import { STRESS_LEVEL_CUTS, stressLevels, type StressReading } from '#app/domain/assessment/stress-levels.ts'
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

/** A reaction's level as the assessment reads it (score, standard error, 80% band); borderline when
 * that band reaches across a cut-off, so the feedback words it as a possibility, not a finding. */
export function reactionLevel(reading: StressReading): ReactionLevel {
	const crosses = (cut: number) => reading.band.low < cut && cut < reading.band.high
	return {
		level: reading.level,
		borderline: crosses(STRESS_LEVEL_CUTS.elevated) || crosses(STRESS_LEVEL_CUTS.low),
	}
}

/**
 * The ONE adapter from a stored assessment result to the profile the rules read; the levels come
 * from the assessment's own stressLevels(), so the report and the debrief never disagree.
 */
export function learnerProfileFrom(resultId: string, result: AssessmentResult | null | undefined): LearnerProfile {
	if (!result) return null
	const p = result.placement
	const styles: Style[] = p.kind === 'style' ? [p.style] : p.kind === 'blend' ? [...p.styles] : []
	const readings = stressLevels(result)
	const stress = Object.fromEntries(STRESS_REACTIONS.map((r) => [r, reactionLevel(readings[r])])) as Record<
		StressReaction,
		ReactionLevel
	>
	return { resultId, styles, dot: { x: result.dot.x, y: result.dot.y }, flagged: result.flags.length > 0, stress }
}
