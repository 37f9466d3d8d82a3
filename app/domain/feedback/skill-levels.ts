import { STRESS_REACTIONS, type StressReaction } from '#app/domain/style.ts'

// A learner's running level per skill: an exponentially weighted average of per-attempt scores,
// so recent attempts weigh more and progress shows as a trend, not a single grade.
//
//   level₁ = score₁;  levelₙ = α · scoreₙ + (1 − α) · levelₙ₋₁   with α = 0.35
//
// With α = 0.35 the latest attempt carries 35 % of the level, the three latest about 73 %.
// Until a skill has been in play in EARLY_DAYS_ATTEMPTS attempts, the level is shown as "early
// days": one or two conversations say more about the scenario than about the person.
export const LEVEL_WEIGHT = 0.35
export const EARLY_DAYS_ATTEMPTS = 3

export type SkillLevel = { level: number; attempts: number }

/** One step of the rollup: what the ending transaction applies to the stored row. */
export function nextLevel(previous: SkillLevel | null | undefined, score: number): SkillLevel {
	if (!previous || previous.attempts === 0) return { level: score, attempts: 1 }
	return { level: LEVEL_WEIGHT * score + (1 - LEVEL_WEIGHT) * previous.level, attempts: previous.attempts + 1 }
}

/** The level from the ordered per-attempt scores (oldest first): the definition of the rollup. */
export function levelFromScores(scores: readonly number[]): SkillLevel | null {
	let level: SkillLevel | null = null
	for (const s of scores) level = nextLevel(level, s)
	return level
}

/** Every intermediate level, for a trend sparkline. */
export function levelTrend(scores: readonly number[]): number[] {
	const out: number[] = []
	let level: SkillLevel | null = null
	for (const s of scores) {
		level = nextLevel(level, s)
		out.push(level.level)
	}
	return out
}

export const isEarlyDays = (level: SkillLevel | null | undefined) => !level || level.attempts < EARLY_DAYS_ATTEMPTS

// Stress-tagged replies against opportunity: times chosen ÷ times offered, per reaction.
export type StressTally = Record<StressReaction, { offered: number; chosen: number }>

export function emptyStressTally(): StressTally {
	return Object.fromEntries(STRESS_REACTIONS.map((r) => [r, { offered: 0, chosen: 0 }])) as StressTally
}

export function addStress(a: StressTally, b: Partial<StressTally>): StressTally {
	const out = emptyStressTally()
	for (const r of STRESS_REACTIONS) {
		out[r] = { offered: a[r].offered + (b[r]?.offered ?? 0), chosen: a[r].chosen + (b[r]?.chosen ?? 0) }
	}
	return out
}

export const stressRate = (t: { offered: number; chosen: number }) => (t.offered ? t.chosen / t.offered : null)
