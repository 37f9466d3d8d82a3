import { LIKERT_MIDPOINT } from '#app/domain/assessment/item-bank.ts'
import type { AssessmentResult } from '#app/domain/assessment/result.ts'
import { STRESS_REACTIONS, type StressReaction } from '#app/domain/style.ts'

// The stress profile as DESIGN §7 wants it read: per backup reaction, a score with its standard
// error and a level (elevated / typical / low). Feedback rules key on these four readings, never
// on a single "primary" label. Pure: the report and the feedback service both call it.

/** Spread and reliability of each reaction's mean (1–5), per instrument version, from the
 * simulation study (one common value per version: SD 0.78–0.92 / 0.75–0.79 and α .59–.68 /
 * .76–.82 across reactions for v1 / v2) (docs/assessment.md §4); replace with an organisation's own once it has data. */
const SIX_ITEM_SCALES: Record<StressReaction, { sd: number; alpha: number }> = {
	take_over: { sd: 0.77, alpha: 0.78 },
	push_harder: { sd: 0.77, alpha: 0.78 },
	give_in: { sd: 0.77, alpha: 0.78 },
	withdraw: { sd: 0.77, alpha: 0.78 },
}

export const STRESS_SCALE_NORMS: Record<string, Record<StressReaction, { sd: number; alpha: number }>> = {
	'style-v1': {
		take_over: { sd: 0.85, alpha: 0.64 },
		push_harder: { sd: 0.85, alpha: 0.64 },
		give_in: { sd: 0.85, alpha: 0.64 },
		withdraw: { sd: 0.85, alpha: 0.64 },
	},
	'style-v2': SIX_ITEM_SCALES,
	// style-v3 has style-v2's statements word for word (only "doesn't apply" is new).
	'style-v3': SIX_ITEM_SCALES,
}

/** A reaction is elevated when its mean agrees (≥ 3.5) and the band around it stays above the
 * midpoint; low when it disagrees (≤ 2.5) and the band stays below. */
export const STRESS_LEVEL_CUTS = { elevated: 3.5, low: 2.5 } as const
/** The band is ±1.28 standard errors: an 80% interval. */
export const STRESS_BAND_Z = 1.28

export type StressLevel = 'elevated' | 'typical' | 'low'

export type StressReading = {
	reaction: StressReaction
	/** Mean agreement, 1–5 (reverse-keyed statements re-keyed). */
	score: number
	/** Standard error of the score, on the same 1–5 scale. */
	se: number
	/** The 80% band: score ± 1.28 se, clipped to 1–5. */
	band: { low: number; high: number }
	level: StressLevel
}

function scaleNorms(instrumentVersion: string) {
	return (
		STRESS_SCALE_NORMS[instrumentVersion] ??
		(STRESS_SCALE_NORMS['style-v1'] as Record<StressReaction, { sd: number; alpha: number }>)
	)
}

/** Per reaction: score, standard error, 80% band and level. */
export function stressLevels(
	result: Pick<AssessmentResult, 'instrumentVersion' | 'stress'>,
): Record<StressReaction, StressReading> {
	const norms = scaleNorms(result.instrumentVersion)
	const out = {} as Record<StressReaction, StressReading>
	for (const reaction of STRESS_REACTIONS) {
		const score = result.stress.scores[reaction] ?? LIKERT_MIDPOINT
		const { sd, alpha } = norms[reaction]
		const se = sd * Math.sqrt(1 - alpha)
		const band = { low: Math.max(1, score - STRESS_BAND_Z * se), high: Math.min(5, score + STRESS_BAND_Z * se) }
		const level: StressLevel =
			score >= STRESS_LEVEL_CUTS.elevated && band.low > LIKERT_MIDPOINT
				? 'elevated'
				: score <= STRESS_LEVEL_CUTS.low && band.high < LIKERT_MIDPOINT
					? 'low'
					: 'typical'
		out[reaction] = { reaction, score, se, band, level }
	}
	return out
}

/** The reaction that leads the others beyond their joint error, if one does (and it is elevated).
 * Two reactions within their error of each other give none: the report then names both. */
export function leadingReaction(readings: Record<StressReaction, StressReading>): StressReaction | null {
	const ranked = STRESS_REACTIONS.map((r) => readings[r]).sort((a, b) => b.score - a.score)
	const [top, next] = ranked
	if (!top || top.level !== 'elevated') return null
	if (!next) return top.reaction
	return top.score - next.score > STRESS_BAND_Z * Math.hypot(top.se, next.se) ? top.reaction : null
}
