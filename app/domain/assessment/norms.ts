import { z } from 'zod'
import type { LikertAnswers } from '#app/domain/assessment/answers.ts'
import type { Instrument } from '#app/domain/assessment/item-bank.ts'
import { MIN_RESPONSES_FOR_STATS, itemStatistics } from '#app/domain/assessment/item-stats.ts'
import { AXES, type Axis } from '#app/domain/style.ts'

// Norms turn an axis mean (1..5) into a standard score. The zero point is NOT taken from the
// norm group: it is fixed at the scale midpoint, where someone agrees with "tells" and "asks"
// statements equally. That keeps an all-same answer pattern (all 1s, all 3s, all 5s) exactly at
// the centre for every norm group, and means re-norming for an organisation changes how far
// "strong" is, never which side of an axis a given set of answers falls on.
// Norms supply the unit (the norm group's SD) and the reliability that sets the uncertainty.

export const axisNormSchema = z.object({
	/** SD of the axis mean in the norm group: one standard unit on the circle. */
	sd: z.number().positive(),
	/** Cronbach's α in the norm group; the standard error of a score is sqrt(1 − α) units. */
	alpha: z.number().min(0).max(1),
	/** Mean of the norm group (for information and drift checks; scoring centres on the midpoint). */
	observedMean: z.number().min(1).max(5),
})

export const normsSchema = z.object({
	id: z.string().min(1),
	instrumentVersion: z.string().min(1),
	source: z.string().min(1),
	sampleSize: z.number().int().positive(),
	axes: z.object({ assertiveness: axisNormSchema, responsiveness: axisNormSchema }),
})

export type AxisNorm = z.infer<typeof axisNormSchema>
export type Norms = z.infer<typeof normsSchema>

// From the simulation study (scripts/bench/assessment-simulation.ts, 20,000 simulated
// respondents, seed 20250101); see docs/assessment.md. Replace with real-population norms per
// organisation (deriveNorms) once enough real responses exist.
export const STYLE_V1_NORMS: Norms = {
	id: 'style-v1-simulation',
	instrumentVersion: 'style-v1',
	source: 'Simulation study, 20,000 simulated respondents under a graded-response model (docs/assessment.md)',
	sampleSize: 20_000,
	axes: {
		assertiveness: { sd: 0.694, alpha: 0.909, observedMean: 2.976 },
		responsiveness: { sd: 0.681, alpha: 0.918, observedMean: 3.087 },
	},
}

export const STYLE_V2_NORMS: Norms = {
	id: 'style-v2-simulation',
	instrumentVersion: 'style-v2',
	source: 'Simulation study, 20,000 simulated respondents under a graded-response model (docs/assessment.md)',
	sampleSize: 20_000,
	axes: {
		assertiveness: { sd: 0.682, alpha: 0.935, observedMean: 3.011 },
		responsiveness: { sd: 0.684, alpha: 0.938, observedMean: 3.058 },
	},
}

// style-v3 has style-v2's statements word for word (only "doesn't apply" is new), so the simulated
// respondents, who always answer, give the same figures.
export const STYLE_V3_NORMS: Norms = { ...STYLE_V2_NORMS, id: 'style-v3-simulation', instrumentVersion: 'style-v3' }

// The adaptive short form is normed separately (docs/assessment.md §4c, ADR 0009). On the same
// simulated people giving the same answers, its z-scores spread 5.3% (assertiveness) and 4.7%
// (responsiveness) wider than the full form's (base scenario, 20,000 people, seed 20250101): fewer
// statements add error, and stopping when clear keeps the far-out scores. Same centre (the midpoint),
// same α; only the unit is the adaptive form's own.
export const STYLE_V3_ADAPTIVE_NORMS: Norms = {
	id: 'style-v3-adaptive-simulation',
	instrumentVersion: 'style-v3',
	source: 'Simulation study of the adaptive short form, 20,000 simulated respondents (docs/assessment.md §4c)',
	sampleSize: 20_000,
	axes: {
		assertiveness: { ...STYLE_V3_NORMS.axes.assertiveness, sd: 0.718 },
		responsiveness: { ...STYLE_V3_NORMS.axes.responsiveness, sd: 0.716 },
	},
}

/** The default norms for the current instrument. */
export const DEFAULT_NORMS: Norms = STYLE_V3_NORMS

export type NormsDerivation = { ok: true; norms: Norms } | { ok: false; reason: string }

/** Norms from a population's complete responses (e.g. one organisation's), or why not yet. */
export function deriveNorms(args: {
	id: string
	source: string
	responses: readonly Readonly<LikertAnswers>[]
	instrument: Instrument
	minResponses?: number
}): NormsDerivation {
	const minResponses = args.minResponses ?? MIN_RESPONSES_FOR_STATS
	const stats = itemStatistics(args.responses, args.instrument)
	const axes = {} as Record<Axis, AxisNorm>
	for (const axis of AXES) {
		const s = stats.axes[axis]
		if (s.n < minResponses) {
			return { ok: false, reason: `Norms need at least ${minResponses} complete responses; there are ${s.n}.` }
		}
		if (s.scaleSd === null || s.scaleSd <= 0 || s.alpha === null || s.scaleMean === null) {
			return { ok: false, reason: `The ${axis} answers have no spread, so no norms can be computed.` }
		}
		axes[axis] = { sd: s.scaleSd, alpha: Math.max(0, Math.min(1, s.alpha)), observedMean: s.scaleMean }
	}
	return {
		ok: true,
		norms: {
			id: args.id,
			instrumentVersion: args.instrument.version,
			source: args.source,
			sampleSize: Math.min(stats.axes.assertiveness.n, stats.axes.responsiveness.n),
			axes,
		},
	}
}

/** The shipped default norms for an instrument version, if it has any. */
export function normsFor(instrumentVersion: string): Norms | undefined {
	return [STYLE_V1_NORMS, STYLE_V2_NORMS, STYLE_V3_NORMS].find((n) => n.instrumentVersion === instrumentVersion)
}

/** The shipped norms for the adaptive short form of an instrument version, if it has any. */
export function adaptiveNormsFor(instrumentVersion: string): Norms | undefined {
	return [STYLE_V3_ADAPTIVE_NORMS].find((n) => n.instrumentVersion === instrumentVersion)
}
