import type { CueAnswers, LikertAnswers, PageTiming } from '#app/domain/assessment/answers.ts'
import {
	CURRENT_INSTRUMENT,
	LIKERT_MAX,
	LIKERT_MIN,
	type Instrument,
	type LikertItem,
	type LikertValue,
} from '#app/domain/assessment/item-bank.ts'
import { correlation, itemStatistics } from '#app/domain/assessment/item-stats.ts'
import { DEFAULT_NORMS, deriveNorms, type Norms } from '#app/domain/assessment/norms.ts'
import { buildAssessmentOrder, type AssessmentOrder } from '#app/domain/assessment/order.ts'
import { MAX_SEED, createRandom, type Random } from '#app/domain/assessment/random.ts'
import { QUALITY_FLAG_KINDS, type AssessmentResult, type QualityFlagKind } from '#app/domain/assessment/result.ts'
import { placementCode, scoreAssessment } from '#app/domain/assessment/scoring.ts'
import { AXES, STYLES, styleAt, type Axis, type StressReaction } from '#app/domain/style.ts'

// The simulation study (docs/assessment.md). Simulated respondents with known latent positions answer
// the real item bank, in the real per-attempt order, under a graded-response model; the real
// scoring and quality code scores them. Pure and seeded: the same options give the same numbers.

export type SimulationOptions = {
	respondents: number
	seed: number
	instrument?: Instrument
	norms?: Norms
	/** Straight-liners simulated in addition to the attentive respondents, as a share of them. */
	straightLinerShare?: number
	/** SD of the per-person acquiescence shift (latent units) in the acquiescence condition. */
	acquiescenceSd?: number
}

export const SIMULATION_MODEL = {
	discrimination: { min: 1.0, max: 2.2 },
	/** Category thresholds of a typical item, before jitter. */
	thresholds: [-2.0, -0.75, 0.75, 2.0],
	/** SD of an item's overall location shift, and of each threshold's own jitter. */
	itemLocationSd: 0.35,
	thresholdJitterSd: 0.2,
	minThresholdGap: 0.3,
	acquiescenceSd: 0.5,
	/** Chance an attentive respondent misclicks the instructed item. */
	instructedLapse: 0.005,
	/** Attentive reading time: per-person median seconds per statement, spread across people and items. */
	secondsPerItem: { median: 5, personSd: 0.3, itemSd: 0.5 },
	secondsPerVignette: 12,
	straightLinerShare: 0.1,
	/** Straight-liners come in three equal groups: one answer throughout; one answer but straying from
	 * it on this share of items; and one answer per page, picked afresh for each page. */
	straightLinerStray: 0.1,
} as const

/** One item's graded-response parameters; `cross` is its loading on the other axis (0 in the base study). */
export type ItemParams = { a: number; thresholds: number[]; cross: number }

export type Person = {
	theta: Record<Axis, number>
	stress: Record<StressReaction, number>
	acquiescence: number
	secondsPerItem: number
	cueSkill: number
}

export type Respondent = {
	order: AssessmentOrder
	answers: LikertAnswers
	cueAnswers: CueAnswers
	pageTimings: PageTiming[]
}

/**
 * Item parameters for every Likert item. With `crossLoadingSd` set, each item also draws a
 * cross-loading after its thresholds (scenarios.ts); without it nothing more is drawn, so the base
 * study's random stream is unchanged.
 */
export function drawItemParams(
	random: Random,
	instrument: Instrument,
	discrimination: { min: number; max: number } = SIMULATION_MODEL.discrimination,
	crossLoadingSd?: number,
): Map<string, ItemParams> {
	const m = SIMULATION_MODEL
	const params = new Map<string, ItemParams>()
	for (const item of instrument.likertItems) {
		const a = random.uniform(discrimination.min, discrimination.max)
		const shift = random.normal() * m.itemLocationSd
		const raw = m.thresholds.map((b) => b + shift + random.normal() * m.thresholdJitterSd).sort((x, y) => x - y)
		// Keep thresholds ordered with a minimum gap so every category stays reachable.
		const thresholds: number[] = []
		for (const b of raw) {
			const previous = thresholds[thresholds.length - 1]
			thresholds.push(previous === undefined ? b : Math.max(b, previous + m.minThresholdGap))
		}
		const cross = crossLoadingSd === undefined ? 0 : random.normal() * crossLoadingSd
		params.set(item.id, { a, thresholds, cross })
	}
	return params
}

export function drawPerson(random: Random, acquiescenceSd: number): Person {
	const m = SIMULATION_MODEL.secondsPerItem
	return {
		theta: { assertiveness: random.normal(), responsiveness: random.normal() },
		stress: {
			take_over: random.normal(),
			push_harder: random.normal(),
			give_in: random.normal(),
			withdraw: random.normal(),
		},
		acquiescence: random.normal() * acquiescenceSd,
		secondsPerItem: m.median * Math.exp(random.normal() * m.personSd),
		cueSkill: random.uniform(0.45, 0.95),
	}
}

/** Graded-response draw: P(X ≥ k+1) = logistic(a (η − b_k)). */
export function gradedResponse(random: Random, params: ItemParams, eta: number): LikertValue {
	const u = random.next()
	let value = LIKERT_MIN
	for (const b of params.thresholds) {
		if (u < 1 / (1 + Math.exp(-params.a * (eta - b)))) value++
	}
	return value as LikertValue
}

function otherValue(random: Random, value: number): LikertValue {
	const v = LIKERT_MIN + random.int(LIKERT_MAX - LIKERT_MIN)
	return (v >= value ? v + 1 : v) as LikertValue
}

function attentiveAnswer(
	random: Random,
	item: LikertItem,
	params: ItemParams,
	person: Person,
	acquiescence: number,
): LikertValue {
	// Draw the same number of random values whatever the item, so conditions that differ only in
	// acquiescence share their noise (common random numbers) and the comparison is paired.
	const u = random.next()
	if (item.kind === 'instructed') {
		return u < SIMULATION_MODEL.instructedLapse ? otherValue(random, item.expected) : item.expected
	}
	const trait =
		item.kind === 'axis' ? (item.keying === 'forward' ? 1 : -1) * person.theta[item.axis] : person.stress[item.reaction]
	return gradedResponse(random, params, trait + acquiescence)
}

export function pageTimings(random: Random, order: AssessmentOrder, secondsPerItem: number): PageTiming[] {
	const itemSd = SIMULATION_MODEL.secondsPerItem.itemSd
	return order.pages.map((page) => {
		const count = page.kind === 'likert' ? page.itemIds.length : page.vignetteIds.length
		const scale =
			page.kind === 'likert' ? 1 : SIMULATION_MODEL.secondsPerVignette / SIMULATION_MODEL.secondsPerItem.median
		let seconds = 0
		for (let i = 0; i < count; i++) seconds += secondsPerItem * scale * Math.exp(random.normal() * itemSd)
		return { itemCount: count, durationMs: Math.round(seconds * 1000) }
	})
}

export function cueAnswers(random: Random, instrument: Instrument, skill: number): CueAnswers {
	const answers: CueAnswers = {}
	for (const v of instrument.vignettes) {
		const wrong = STYLES.filter((s) => s !== v.answer)
		answers[v.id] = random.next() < skill ? v.answer : (wrong[random.int(wrong.length)] ?? v.answer)
	}
	return answers
}

/**
 * One simulated sitting, drawn in a fixed order (item order, Likert answers, cue answers, page
 * timings) so every caller keeps the same random stream; only how the Likert answers are given differs.
 */
export function takeAssessment(
	random: Random,
	instrument: Instrument,
	answerLikert: (order: AssessmentOrder) => LikertAnswers,
	cueSkill: number,
	secondsPerItem: number,
): Respondent {
	const order = buildAssessmentOrder(random.int(MAX_SEED + 1), instrument)
	const answers = answerLikert(order)
	return {
		order,
		answers,
		cueAnswers: cueAnswers(random, instrument, cueSkill),
		pageTimings: pageTimings(random, order, secondsPerItem),
	}
}

function simulateAttentive(
	random: Random,
	instrument: Instrument,
	params: Map<string, ItemParams>,
	person: Person,
	acquiescence: number,
): Respondent {
	const answerLikert = () => {
		const answers: LikertAnswers = {}
		for (const item of instrument.likertItems) {
			answers[item.id] = attentiveAnswer(random, item, params.get(item.id) as ItemParams, person, acquiescence)
		}
		return answers
	}
	return takeAssessment(random, instrument, answerLikert, person.cueSkill, person.secondsPerItem)
}

export const STRAIGHT_LINER_PATTERNS = ['constant', 'stray', 'per-page'] as const
export type StraightLinerPattern = (typeof STRAIGHT_LINER_PATTERNS)[number]

function simulateStraightLiner(
	random: Random,
	instrument: Instrument,
	person: Person,
	pattern: StraightLinerPattern,
): Respondent {
	const anyValue = () => (LIKERT_MIN + random.int(LIKERT_MAX - LIKERT_MIN + 1)) as LikertValue
	const answerLikert = (order: AssessmentOrder) => {
		const answers: LikertAnswers = {}
		if (pattern === 'per-page') {
			// Page by page: one answer for a whole page, a fresh random choice on each page.
			for (const page of order.pages) {
				if (page.kind !== 'likert') continue
				const value = anyValue()
				for (const id of page.itemIds) answers[id] = value
			}
		} else {
			const value = anyValue()
			const stray = pattern === 'constant' ? 0 : SIMULATION_MODEL.straightLinerStray
			for (const item of instrument.likertItems) {
				answers[item.id] = random.next() < stray ? otherValue(random, value) : value
			}
		}
		return answers
	}
	// Timed like attentive people on purpose: the answer-pattern checks must catch them on their own.
	return takeAssessment(random, instrument, answerLikert, 0.25, person.secondsPerItem)
}

export type SimulationResult = {
	respondents: number
	straightLiners: number
	seed: number
	instrumentVersion: string
	normsId: string
	/** Cronbach's α per axis on the attentive respondents (the real admin statistics code). */
	alpha: Record<Axis, number>
	/** Correlation of each estimated z with its true latent value. */
	validity: Record<Axis, number>
	/** Norms as they would be derived from this run (compare with the norms used). */
	derivedNorms: Norms | null
	quadrantAccuracy: number
	/** Respondents with |θ| > .5 on both axes. */
	clearRespondents: number
	quadrantAccuracyClear: number
	medianAngleErrorClearDeg: number
	retest: { quadrantAgreement: number; placementAgreement: number; correlation: Record<Axis, number> }
	placementShares: { balanced: number; blend: number; style: number }
	quality: {
		straightLinerHitRate: number
		straightLinerHitRateByPattern: Record<StraightLinerPattern, number>
		attentiveFalseAlarmRate: number
		attentiveFalseAlarmsByKind: Record<QualityFlagKind, number>
		acquiescentFalseAlarmRate: number
	}
	acquiescence: { sd: number; quadrantAccuracy: number; accuracyDrop: number }
}

// Undefined only for a constant series, which a simulated sample never is.
const pearson = (xs: number[], ys: number[]): number => correlation(xs, ys) ?? Number.NaN

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b)
	const mid = Math.floor(sorted.length / 2)
	return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function angleErrorDeg(trueY: number, trueX: number, result: AssessmentResult): number {
	if (result.dot.angleDeg === null) return 180
	const truth = (Math.atan2(trueY, trueX) * 180) / Math.PI
	const diff = Math.abs(((result.dot.angleDeg - truth) % 360) + 360) % 360
	return diff > 180 ? 360 - diff : diff
}

function resultStyle(result: AssessmentResult) {
	return styleAt(result.axes.assertiveness.z, result.axes.responsiveness.z)
}

export function runSimulation(options: SimulationOptions): SimulationResult {
	const instrument = options.instrument ?? CURRENT_INSTRUMENT
	const norms = options.norms ?? DEFAULT_NORMS
	const acquiescenceSd = options.acquiescenceSd ?? SIMULATION_MODEL.acquiescenceSd
	const n = options.respondents
	const root = createRandom(options.seed)
	const params = drawItemParams(root.fork('items'), instrument)
	const peopleRandom = root.fork('people')
	const people = Array.from({ length: n }, () => drawPerson(peopleRandom, acquiescenceSd))

	const score = (r: Respondent) =>
		scoreAssessment({
			instrument,
			norms,
			answers: r.answers,
			cueAnswers: r.cueAnswers,
			order: r.order,
			pageTimings: r.pageTimings,
		})

	// Three conditions over the same people: the main run, an independent retest, and the main
	// run's exact noise again with each person's acquiescence added.
	const mainRandom = root.fork('main')
	const acqRandom = root.fork('main')
	const retestRandom = root.fork('retest')

	const mainAnswers: LikertAnswers[] = []
	let correct = 0
	let correctAcq = 0
	let clear = 0
	let correctClear = 0
	const angleErrors: number[] = []
	let retestSame = 0
	let retestSamePlacement = 0
	let flagged = 0
	let flaggedAcq = 0
	const flaggedByKind = Object.fromEntries(QUALITY_FLAG_KINDS.map((k) => [k, 0])) as Record<QualityFlagKind, number>
	const shares = { balanced: 0, blend: 0, style: 0 }
	const z: Record<Axis, number[]> = { assertiveness: [], responsiveness: [] }
	const zRetest: Record<Axis, number[]> = { assertiveness: [], responsiveness: [] }
	const theta: Record<Axis, number[]> = { assertiveness: [], responsiveness: [] }

	for (const person of people) {
		const main = simulateAttentive(mainRandom, instrument, params, person, 0)
		const acq = simulateAttentive(acqRandom, instrument, params, person, person.acquiescence)
		const retest = simulateAttentive(retestRandom, instrument, params, person, 0)
		mainAnswers.push(main.answers)
		const r = score(main)
		const rAcq = score(acq)
		const rRetest = score(retest)

		const truth = styleAt(person.theta.assertiveness, person.theta.responsiveness)
		if (resultStyle(r) === truth) correct++
		if (resultStyle(rAcq) === truth) correctAcq++
		if (Math.abs(person.theta.assertiveness) > 0.5 && Math.abs(person.theta.responsiveness) > 0.5) {
			clear++
			if (resultStyle(r) === truth) correctClear++
			angleErrors.push(angleErrorDeg(person.theta.assertiveness, person.theta.responsiveness, r))
		}
		if (resultStyle(r) !== null && resultStyle(r) === resultStyle(rRetest)) retestSame++
		if (placementCode(r.placement) === placementCode(rRetest.placement)) retestSamePlacement++
		if (r.flags.length > 0) flagged++
		for (const kind of new Set(r.flags.map((f) => f.kind))) flaggedByKind[kind]++
		if (rAcq.flags.length > 0) flaggedAcq++
		shares[r.placement.kind]++
		for (const axis of AXES) {
			z[axis].push(r.axes[axis].z)
			zRetest[axis].push(rRetest.axes[axis].z)
			theta[axis].push(person.theta[axis])
		}
	}

	const slCount = Math.round(n * (options.straightLinerShare ?? SIMULATION_MODEL.straightLinerShare))
	const slRandom = root.fork('straight-liners')
	let slCaught = 0
	const slByPattern = Object.fromEntries(STRAIGHT_LINER_PATTERNS.map((p) => [p, { caught: 0, total: 0 }])) as Record<
		StraightLinerPattern,
		{ caught: number; total: number }
	>
	for (let i = 0; i < slCount; i++) {
		const pattern = STRAIGHT_LINER_PATTERNS[i % STRAIGHT_LINER_PATTERNS.length] as StraightLinerPattern
		const person = drawPerson(slRandom, 0)
		const caught = score(simulateStraightLiner(slRandom, instrument, person, pattern)).flags.length > 0
		slByPattern[pattern].total++
		if (caught) {
			slCaught++
			slByPattern[pattern].caught++
		}
	}

	const stats = itemStatistics(mainAnswers, instrument)
	const derived = deriveNorms({
		id: `${instrument.version}-simulation`,
		source: `Simulation study, ${n} simulated respondents, seed ${options.seed}`,
		responses: mainAnswers,
		instrument,
	})
	const accuracy = correct / n
	const accuracyAcq = correctAcq / n
	const perAxis = (f: (axis: Axis) => number) =>
		Object.fromEntries(AXES.map((axis) => [axis, f(axis)])) as Record<Axis, number>

	return {
		respondents: n,
		straightLiners: slCount,
		seed: options.seed,
		instrumentVersion: instrument.version,
		normsId: norms.id,
		alpha: perAxis((axis) => stats.axes[axis].alpha ?? Number.NaN),
		validity: perAxis((axis) => pearson(z[axis], theta[axis])),
		derivedNorms: derived.ok ? derived.norms : null,
		quadrantAccuracy: accuracy,
		clearRespondents: clear,
		quadrantAccuracyClear: clear > 0 ? correctClear / clear : Number.NaN,
		medianAngleErrorClearDeg: angleErrors.length > 0 ? median(angleErrors) : Number.NaN,
		retest: {
			quadrantAgreement: retestSame / n,
			placementAgreement: retestSamePlacement / n,
			correlation: perAxis((axis) => pearson(z[axis], zRetest[axis])),
		},
		placementShares: { balanced: shares.balanced / n, blend: shares.blend / n, style: shares.style / n },
		quality: {
			straightLinerHitRate: slCount > 0 ? slCaught / slCount : Number.NaN,
			straightLinerHitRateByPattern: Object.fromEntries(
				STRAIGHT_LINER_PATTERNS.map((p) => [
					p,
					slByPattern[p].total > 0 ? slByPattern[p].caught / slByPattern[p].total : Number.NaN,
				]),
			) as Record<StraightLinerPattern, number>,
			attentiveFalseAlarmRate: flagged / n,
			attentiveFalseAlarmsByKind: Object.fromEntries(
				QUALITY_FLAG_KINDS.map((k) => [k, flaggedByKind[k] / n]),
			) as Record<QualityFlagKind, number>,
			acquiescentFalseAlarmRate: flaggedAcq / n,
		},
		acquiescence: { sd: acquiescenceSd, quadrantAccuracy: accuracyAcq, accuracyDrop: accuracy - accuracyAcq },
	}
}

export type SimulationBar = {
	id: string
	label: string
	value: number
	target: number
	/** 'min': value must be at least target; 'max': at most. */
	direction: 'min' | 'max'
	pass: boolean
}

/** The acceptance bars of issue #4, checked against a simulation result. */
export function simulationBars(result: SimulationResult): SimulationBar[] {
	const bar = (id: string, label: string, value: number, direction: 'min' | 'max', target: number): SimulationBar => ({
		id,
		label,
		value,
		target,
		direction,
		pass: Number.isFinite(value) && (direction === 'min' ? value >= target : value <= target),
	})
	return [
		bar('alpha-assertiveness', "Cronbach's α, assertiveness", result.alpha.assertiveness, 'min', 0.8),
		bar('alpha-responsiveness', "Cronbach's α, responsiveness", result.alpha.responsiveness, 'min', 0.8),
		bar('quadrant-accuracy', 'Quadrant accuracy, all', result.quadrantAccuracy, 'min', 0.75),
		bar(
			'quadrant-accuracy-clear',
			'Quadrant accuracy, |θ| > .5 on both axes',
			result.quadrantAccuracyClear,
			'min',
			0.9,
		),
		bar('angle-error', 'Median dot-angle error, clear positions (°)', result.medianAngleErrorClearDeg, 'max', 12),
		bar(
			'straight-liner-hits',
			'Quality flags: hit rate on straight-liners',
			result.quality.straightLinerHitRate,
			'min',
			0.95,
		),
		bar(
			'false-alarms',
			'Quality flags: false alarms on attentive',
			result.quality.attentiveFalseAlarmRate,
			'max',
			0.02,
		),
		bar(
			'acquiescence-drop',
			'Quadrant accuracy drop under acquiescence',
			result.acquiescence.accuracyDrop,
			'max',
			0.02,
		),
	]
}
