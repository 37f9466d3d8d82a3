import { z } from 'zod'
import { STRESS_REACTIONS, STYLES } from '#app/domain/style.ts'

// The stored result. Rows read back from the database are untrusted, so the same schema that
// describes what scoring returns is used to validate what comes back.

const style = z.enum(STYLES)
const reaction = z.enum(STRESS_REACTIONS)
const finite = z.number().refine(Number.isFinite, 'Must be a finite number')

export const axisScoreSchema = z.object({
	/** Mean of the re-keyed items, 1..5. */
	raw: z.number().min(1).max(5),
	/** Standard score: (raw − midpoint) / norm SD. Positive = tells / people. */
	z: finite,
	/** Standard error of z, from the norm group's reliability: sqrt(1 − α). */
	se: z.number().min(0),
})

export const styleDotSchema = z.object({
	/** Horizontal: responsiveness z (task ← → people). */
	x: finite,
	/** Vertical: assertiveness z (asks ↓ ↑ tells). */
	y: finite,
	/** 0° = people, 90° = tells, 180° = task, 270° = asks; null at the exact centre. */
	angleDeg: z.number().min(0).lt(360).nullable(),
	/** Distance from the centre in standard units: the strength of the style. */
	distance: z.number().min(0),
	se: z.object({ x: z.number().min(0), y: z.number().min(0) }),
})

export const placementSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('balanced') }),
	z.object({
		kind: z.literal('blend'),
		/** The two styles either side of the axis the dot sits near. */
		styles: z.tuple([style, style]),
		/** The quadrant the dot is actually in, if not exactly on the axis. */
		leaning: style.nullable(),
	}),
	z.object({ kind: z.literal('style'), style, strength: z.enum(['mild', 'clear', 'strong']) }),
])

export const stressProfileSchema = z.object({
	/** Mean agreement per backup reaction, 1..5. */
	scores: z.record(reaction, z.number().min(1).max(5)),
	/** Reactions at or above the "tends to" level, highest first. */
	elevated: z.array(reaction),
	/** The reaction that clearly leads, or null when none does. */
	primary: reaction.nullable(),
})

export const cueReadingSchema = z.object({
	correct: z.number().int().min(0),
	total: z.number().int().min(0),
	byStyle: z.record(style, z.object({ correct: z.number().int().min(0), total: z.number().int().min(0) })),
	missed: z.array(z.object({ id: z.string(), chosen: style, answer: style })),
})

export const QUALITY_FLAG_KINDS = ['longstring', 'speeding', 'inconsistent', 'failed_check', 'person_fit'] as const
export type QualityFlagKind = (typeof QUALITY_FLAG_KINDS)[number]

export const qualityFlagSchema = z.object({ kind: z.enum(QUALITY_FLAG_KINDS), message: z.string().min(1) })

export const qualityMetricsSchema = z.object({
	longestRun: z.number().int().min(0),
	/** Likert pages answered with one identical answer throughout. */
	uniformPages: z.number().int().min(0),
	medianSecondsPerItem: z.number().min(0).nullable(),
	contradictoryPairs: z.number().int().min(0),
	pairs: z.number().int().min(0),
	checkPassed: z.boolean().nullable(),
	/** Mahalanobis D² per item under the one-factor model (person-fit); absent on older results. */
	personFit: z.number().min(0).nullable().optional(),
	/** Random-responding index: per item, log L(uniform) − log L(best attentive pattern); absent on older results. */
	randomIndex: z.number().nullable().optional(),
})

export const assessmentResultSchema = z.object({
	instrumentVersion: z.string().min(1),
	normsId: z.string().min(1),
	axes: z.object({ assertiveness: axisScoreSchema, responsiveness: axisScoreSchema }),
	dot: styleDotSchema,
	placement: placementSchema,
	stress: stressProfileSchema,
	cues: cueReadingSchema,
	flags: z.array(qualityFlagSchema),
	quality: qualityMetricsSchema,
	/** Role-bound statements answered "doesn't apply" (style-v3 on); their antonym pairs were left out. */
	notApplicable: z.array(z.string()).optional(),
	/** The form the attempt was taken on (ADR 0009); absent on older results, which were all full. */
	form: z.enum(['full', 'adaptive']).optional(),
	/** Axis statements asked (the adaptive form asks fewer); absent on older results. */
	axisItemsAsked: z.number().int().min(0).optional(),
})

export type AxisScore = z.infer<typeof axisScoreSchema>
export type StyleDot = z.infer<typeof styleDotSchema>
export type Placement = z.infer<typeof placementSchema>
export type StressProfile = z.infer<typeof stressProfileSchema>
export type CueReading = z.infer<typeof cueReadingSchema>
export type QualityFlag = z.infer<typeof qualityFlagSchema>
export type QualityMetrics = z.infer<typeof qualityMetricsSchema>
export type AssessmentResult = z.infer<typeof assessmentResultSchema>
