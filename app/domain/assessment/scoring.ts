import type { CueAnswers, LikertAnswers, LikertResponses, PageTiming } from '#app/domain/assessment/answers.ts'
import { scoreCueReading } from '#app/domain/assessment/cues.ts'
import {
	LIKERT_MAX,
	LIKERT_MIDPOINT,
	LIKERT_MIN,
	MIN_SCORED_PAIRS,
	axisItems,
	stressItemsOf,
	type Instrument,
} from '#app/domain/assessment/item-bank.ts'
import { ADAPTIVE_RULE, axisStandardError, type AssessmentForm } from '#app/domain/assessment/adaptive.ts'
import { applicableAnswers, rawAxisScore } from '#app/domain/assessment/keying.ts'
import { DEFAULT_NORMS, adaptiveNormsFor, normsFor, type Norms } from '#app/domain/assessment/norms.ts'
import { likertPages, type AssessmentOrder } from '#app/domain/assessment/order.ts'
import { assessQuality } from '#app/domain/assessment/quality.ts'
import { personFitModelFor } from '#app/domain/assessment/person-fit.ts'
import type { AssessmentResult, AxisScore, Placement, StressProfile, StyleDot } from '#app/domain/assessment/result.ts'
import { AXES, STRESS_REACTIONS, type Axis, type StressReaction } from '#app/domain/style.ts'
import { classifyDot, uncertaintyRegion } from '#app/domain/assessment/placement.ts'

// The placement rules live in placement.ts (no zod), so the style circle can use them in the browser.
export {
	BALANCED_RADIUS,
	BLEND_BAND,
	REGION_SE_MULTIPLE,
	STRENGTH_BANDS,
	classifyDot,
	uncertaintyRegion,
} from '#app/domain/assessment/placement.ts'
/** A backup reaction with a mean of at least this (agree, on average) is one the person "tends to". */
export const STRESS_ELEVATED = 3.5
/** The top reaction must lead the next by this much (one answer step on one of three items) to be "primary". */
export const STRESS_PRIMARY_LEAD = 1 / 3

/** Per-axis raw mean, standard score and standard error. Throws if an axis item is unanswered, or
 * if "doesn't apply" (`skip`) leaves an axis fewer than MIN_SCORED_PAIRS pairs: the dot cannot then
 * be placed honestly. The shipped bank has at most three role-bound pairs of 14 per axis, so a
 * learner cannot reach that (item-bank.test.ts). */
export function scoreAxes(
	answers: Readonly<LikertAnswers>,
	instrument: Instrument,
	norms: Norms = DEFAULT_NORMS,
	skip: ReadonlySet<string> = new Set(),
	/** Axis statements the adaptive form did not ask (ADR 0009); empty for the full form. */
	unasked: ReadonlySet<string> = new Set(),
): Record<Axis, AxisScore> {
	if (norms.instrumentVersion !== instrument.version) {
		throw new Error(`Norms "${norms.id}" are for ${norms.instrumentVersion}, not ${instrument.version}`)
	}
	const scores = {} as Record<Axis, AxisScore>
	for (const axis of AXES) {
		const all = axisItems(instrument, axis)
		const reverse = all.filter((i) => i.antonymOf && !unasked.has(i.id))
		const pairs = reverse.filter((i) => !skip.has(i.id)).length
		// An axis the adaptive form stopped early was clearly placed on at least ADAPTIVE_RULE.minPairs
		// applicable pairs (ADR 0009); one asked in full keeps the "doesn't apply" floor.
		const stoppedEarly = all.some((i) => unasked.has(i.id))
		const minPairs = stoppedEarly ? ADAPTIVE_RULE.minPairs : MIN_SCORED_PAIRS
		// Only "doesn't apply" can trigger this; a (test) instrument built with fewer pairs is scored as built.
		if (pairs < reverse.length && pairs < minPairs) {
			throw new Error(
				`Cannot place the dot honestly: only ${pairs} pairs of ${axis} statements apply (at least ${minPairs} are needed)`,
			)
		}
		const used = new Set([...skip, ...unasked])
		const raw = rawAxisScore(answers, instrument, axis, used)
		if (raw === null) throw new Error(`Cannot score ${axis}: some of its statements are unanswered`)
		const norm = norms.axes[axis]
		const asked = all.filter((i) => !used.has(i.id)).length
		// Centred on the scale midpoint, not the norm mean: see norms.ts. The adaptive form's SE grows
		// with fewer statements, so the region drawn around the dot stays honest.
		// axisStandardError is in the full form's unit; the adaptive norms' unit is a little wider.
		const fullSd = normsFor(instrument.version)?.axes[axis].sd ?? norm.sd
		const se =
			unasked.size > 0
				? axisStandardError(norm.alpha, asked, all.length) * (fullSd / norm.sd)
				: Math.sqrt(1 - norm.alpha)
		scores[axis] = { raw, z: (raw - LIKERT_MIDPOINT) / norm.sd, se }
	}
	return scores
}

/** The dot on the style circle: x = responsiveness, y = assertiveness. */
export function placeDot(axes: Record<Axis, AxisScore>): StyleDot {
	const x = axes.responsiveness.z
	const y = axes.assertiveness.z
	const distance = Math.hypot(x, y)
	let angleDeg: number | null = null
	if (distance > 0) {
		const degrees = (Math.atan2(y, x) * 180) / Math.PI
		angleDeg = degrees < 0 ? degrees + 360 : degrees
		if (angleDeg >= 360) angleDeg = 0
	}
	return { x, y, angleDeg, distance, se: { x: axes.responsiveness.se, y: axes.assertiveness.se } }
}

/** A short stable code for a placement, e.g. for a denormalised column: "balanced", "director",
 * or a blend as "director+energizer". */
export function placementCode(placement: Placement): string {
	if (placement.kind === 'balanced') return 'balanced'
	if (placement.kind === 'blend') return placement.styles.join('+')
	return placement.style
}

/** The headline as the learner reads it: the placement plus a style's strength. */
export function headlineCode(placement: Placement): string {
	return placement.kind === 'style' ? `${placement.strength} ${placement.style}` : placementCode(placement)
}

/** Mean agreement per backup reaction, which ones are elevated, and the one that leads (if any). */
export function scoreStress(
	answers: Readonly<LikertAnswers>,
	instrument: Instrument,
	skip: ReadonlySet<string> = new Set(),
): StressProfile {
	const scores = {} as Record<StressReaction, number>
	for (const reaction of STRESS_REACTIONS) {
		const items = stressItemsOf(instrument, reaction).filter((item) => !skip.has(item.id))
		const values = items.map((item) => {
			const v = answers[item.id]
			return v === undefined || item.keying !== 'reverse' ? v : ((LIKERT_MIN + LIKERT_MAX - v) as typeof v)
		})
		if (items.length === 0 || values.some((v) => v === undefined)) {
			throw new Error(`Cannot score the stress profile: some "${reaction}" statements are unanswered`)
		}
		scores[reaction] = (values as number[]).reduce((s, v) => s + v, 0) / values.length
	}
	const ranked = [...STRESS_REACTIONS].sort((a, b) => scores[b] - scores[a])
	const elevated = ranked.filter((r) => scores[r] >= STRESS_ELEVATED)
	const [top, next] = elevated
	const primary =
		top !== undefined && (next === undefined || scores[top] - scores[next] >= STRESS_PRIMARY_LEAD - 1e-9) ? top : null
	return { scores, elevated, primary }
}

export type ScoreInput = {
	instrument: Instrument
	norms?: Norms
	/** Likert answers; 0 ("doesn't apply") on a role-bound statement drops it (and its antonym pair). */
	answers: Readonly<LikertResponses>
	cueAnswers: Readonly<CueAnswers>
	/** The page plan the learner saw (rebuilt from the attempt's stored seed). */
	order: AssessmentOrder
	/** Server-measured time per page, in any order. */
	pageTimings: readonly PageTiming[]
	/** The form the attempt was started on; absent means the full form. */
	form?: AssessmentForm
}

/** Scores a complete attempt. Flagged attempts are still scored; the flags travel with the result. */
export function scoreAssessment(input: ScoreInput): AssessmentResult {
	// An attempt started on an older version is scored with that version's norms.
	// The adaptive form has its own norms (ADR 0009).
	const version = input.instrument.version
	const norms =
		input.norms ??
		(input.form === 'adaptive' ? adaptiveNormsFor(version) : undefined) ??
		normsFor(version) ??
		DEFAULT_NORMS
	if (input.order.instrumentVersion !== input.instrument.version) {
		throw new Error(
			`The page order was built for ${input.order.instrumentVersion} but scoring uses ${input.instrument.version}`,
		)
	}
	const { answers, notApplicable, skipped } = applicableAnswers(input.answers, input.instrument)
	const form = input.form ?? 'full'
	const shown = new Set(likertPages(input.order).flat())
	const axisIds = input.instrument.likertItems.filter((i) => i.kind === 'axis').map((i) => i.id)
	const unasked = new Set(form === 'adaptive' ? axisIds.filter((id) => !shown.has(id)) : [])
	const axes = scoreAxes(answers, input.instrument, norms, skipped, unasked)
	const dot = placeDot(axes)
	const quality = assessQuality({
		answers,
		likertPages: likertPages(input.order),
		pageTimings: input.pageTimings,
		instrument: input.instrument,
		personFitModel: personFitModelFor(input.instrument, norms),
		form,
	})
	return {
		instrumentVersion: input.instrument.version,
		normsId: norms.id,
		axes,
		dot,
		placement: classifyDot(dot, uncertaintyRegion(dot)),
		stress: scoreStress(answers, input.instrument, skipped),
		cues: scoreCueReading(input.cueAnswers, input.instrument),
		flags: quality.flags,
		quality: quality.metrics,
		...(notApplicable.length > 0 ? { notApplicable } : {}),
		form,
		axisItemsAsked: axisIds.length - unasked.size,
	}
}
