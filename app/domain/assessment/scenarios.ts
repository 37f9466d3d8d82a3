import type { LikertAnswers } from '#app/domain/assessment/answers.ts'
import {
	CURRENT_INSTRUMENT,
	LIKERT_MAX,
	LIKERT_MIN,
	type Instrument,
	type LikertItem,
	type LikertValue,
} from '#app/domain/assessment/item-bank.ts'
import { adaptiveOrder, axisItemsAsked, type AssessmentForm } from '#app/domain/assessment/adaptive.ts'
import { cronbachAlpha, itemStatistics } from '#app/domain/assessment/item-stats.ts'
import { DEFAULT_NORMS, adaptiveNormsFor, normsFor, type Norms } from '#app/domain/assessment/norms.ts'
import { createRandom, type Random } from '#app/domain/assessment/random.ts'
import type { AssessmentResult } from '#app/domain/assessment/result.ts'
import {
	classifyDot,
	headlineCode,
	placementCode,
	scoreAssessment,
	uncertaintyRegion,
} from '#app/domain/assessment/scoring.ts'
import {
	drawItemParams,
	drawPerson as drawSimulatedPerson,
	gradedResponse,
	pageTimings,
	SIMULATION_MODEL,
	takeAssessment,
	type ItemParams,
	type Person as SimulatedPerson,
	type Respondent,
} from '#app/domain/assessment/simulation.ts'
import { stressLevels } from '#app/domain/assessment/stress-levels.ts'
import { AXES, STRESS_REACTIONS, styleAt, type Axis, type StressReaction } from '#app/domain/style.ts'

// The harder simulation study (issue 16). The base study (simulation.ts) draws answers from the
// same kind of model the scoring assumes; these scenarios break that assumption the ways real data
// does — weaker items, random responders, agreeable "people" statements, acquiescence and
// cross-loadings — and score every simulated person with the real scoring and quality code.

export type ScenarioModel = {
	/** Item discrimination a ~ U(min, max). */
	discrimination: { min: number; max: number }
	/** Share of respondents answering uniformly at random on 1–5 (at normal speed, passing the checks). */
	randomShare: number
	/** Latent shift added to every "people" statement (forward responsiveness items), in SD. */
	peopleShift: number
	/** SD of a person-level acquiescence shift added to every statement. */
	acquiescenceSd: number
	/** SD of each axis item's loading on the other axis. */
	crossLoadingSd: number
}

export const BASE_MODEL: ScenarioModel = {
	discrimination: { min: 1.0, max: 2.2 },
	randomShare: 0,
	peopleShift: 0,
	acquiescenceSd: 0,
	crossLoadingSd: 0,
}

export const SCENARIOS: { id: string; label: string; model: ScenarioModel }[] = [
	{ id: 'base', label: 'Base (the model the scoring assumes)', model: BASE_MODEL },
	{
		id: 'weak',
		label: 'Weaker, uneven items, a ~ U(0.5, 1.5)',
		model: { ...BASE_MODEL, discrimination: { min: 0.5, max: 1.5 } },
	},
	{ id: 'random', label: '10% random responders', model: { ...BASE_MODEL, randomShare: 0.1 } },
	{ id: 'people', label: '"People" statements +0.3 SD more agreeable', model: { ...BASE_MODEL, peopleShift: 0.3 } },
	{
		id: 'acquiescence',
		label: 'Acquiescence, person shift ~ N(0, 0.3)',
		model: { ...BASE_MODEL, acquiescenceSd: 0.3 },
	},
	{ id: 'cross', label: 'Cross-loadings ~ N(0, 0.2) on the other axis', model: { ...BASE_MODEL, crossLoadingSd: 0.2 } },
	{
		id: 'combined',
		label: 'All of these combined',
		model: {
			discrimination: { min: 0.5, max: 1.5 },
			randomShare: 0.1,
			peopleShift: 0.3,
			acquiescenceSd: 0.3,
			crossLoadingSd: 0.2,
		},
	},
]

type Person = SimulatedPerson & { random: boolean }

function drawPerson(random: Random, model: ScenarioModel, isRandom: boolean): Person {
	return { ...drawSimulatedPerson(random, model.acquiescenceSd), random: isRandom }
}

function answer(
	random: Random,
	item: LikertItem,
	params: ItemParams,
	person: Person,
	model: ScenarioModel,
): LikertValue {
	if (item.kind === 'instructed') return item.expected
	if (person.random) return (LIKERT_MIN + random.int(LIKERT_MAX - LIKERT_MIN + 1)) as LikertValue
	let eta: number
	if (item.kind === 'axis') {
		const sign = item.keying === 'forward' ? 1 : -1
		const other: Axis = item.axis === 'assertiveness' ? 'responsiveness' : 'assertiveness'
		eta = sign * person.theta[item.axis] + params.cross * person.theta[other]
		if (item.axis === 'responsiveness' && item.keying === 'forward') eta += model.peopleShift
	} else {
		eta = (item.keying === 'reverse' ? -1 : 1) * person.stress[item.reaction]
	}
	return gradedResponse(random, params, eta + person.acquiescence)
}

function take(
	random: Random,
	instrument: Instrument,
	params: Map<string, ItemParams>,
	person: Person,
	model: ScenarioModel,
) {
	const answerLikert = () => {
		const answers: LikertAnswers = {}
		for (const item of instrument.likertItems)
			answers[item.id] = answer(random, item, params.get(item.id) as ItemParams, person, model)
		return answers
	}
	return takeAssessment(random, instrument, answerLikert, person.random ? 0.25 : person.cueSkill, person.secondsPerItem)
}

/**
 * The same sitting on the adaptive form: the adaptive pages are rebuilt from the sitting's seed and
 * its answers (the planner only ever looks at the statements it has asked), so the full and the
 * adaptive form are compared on the same simulated people giving the same answers.
 */
export function toAdaptive(
	random: Random,
	instrument: Instrument,
	sitting: Respondent,
	secondsPerItem: number,
): Respondent {
	const { order } = adaptiveOrder(sitting.order.seed, sitting.answers, instrument)
	const shown = new Set(order.pages.flatMap((p) => (p.kind === 'likert' ? p.itemIds : [])))
	const answers: LikertAnswers = {}
	for (const [id, v] of Object.entries(sitting.answers)) if (shown.has(id)) answers[id] = v
	return { order, answers, cueAnswers: sitting.cueAnswers, pageTimings: pageTimings(random, order, secondsPerItem) }
}

export type ScenarioResult = {
	id: string
	form: AssessmentForm
	respondents: number
	randomResponders: number
	alpha: Record<Axis, number>
	stressAlpha: Record<StressReaction, number>
	/** Sign of both coordinates matches the truth; over everyone and over unflagged results. */
	quadrant: { all: number; unflagged: number }
	/** The same, among true positions more than 0.5 SD from the midpoint on both axes. */
	clear: { all: number; unflagged: number; n: number }
	flagged: { random: number; attentive: number }
	/** Attentive respondents placed on the people side (x > 0); the truth is 50%. */
	peopleSide: number
	/** Attentive respondents headlined as a single style. */
	singleStyle: number
	/** Axis statements asked (all respondents), of `axisItemsTotal`. */
	axisItems: { mean: number; median: number; total: number }
	/** Median minutes at the project's timings (5 s a statement, 12 s a vignette). */
	medianMinutes: number
	retest: {
		sameQuadrant: number
		sameLabel: number
		/** Same headline, strength included: without the region's hedge (before) and with it (after). */
		sameHeadlineBefore: number
		sameHeadlineAfter: number
		/** Share of retest dots inside the region drawn around the first dot. */
		regionCoverage: number
		/** The multiple of the standard errors that would hold 85% of retest dots. */
		radiusFor85: number
		/** Both takes give the same level for a reaction (mean over the four). */
		stressLevelAgreement: number
	}
}

function quantile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

const signStyle = (r: AssessmentResult) => styleAt(r.axes.assertiveness.z, r.axes.responsiveness.z)

export function runScenario(options: {
	id: string
	model: ScenarioModel
	respondents: number
	seed: number
	instrument?: Instrument
	norms?: Norms
	form?: AssessmentForm
}): ScenarioResult {
	const instrument = options.instrument ?? CURRENT_INSTRUMENT
	const norms =
		options.norms ??
		(options.form === 'adaptive' ? adaptiveNormsFor(instrument.version) : undefined) ??
		normsFor(instrument.version) ??
		DEFAULT_NORMS
	const { model, respondents: n } = options
	const root = createRandom(options.seed)
	const params = drawItemParams(root.fork('items'), instrument, model.discrimination, model.crossLoadingSd)
	const peopleRandom = root.fork('people')
	const randomCount = Math.round(n * model.randomShare)
	const people = Array.from({ length: n }, (_, i) => drawPerson(peopleRandom, model, i < randomCount))
	const mainRandom = root.fork('main')
	const retestRandom = root.fork('retest')
	const form = options.form ?? 'full'
	const adaptiveRandom = root.fork('adaptive-timings')
	const sit = (random: Random, person: Person) => {
		const full = take(random, instrument, params, person, model)
		return form === 'adaptive' ? toAdaptive(adaptiveRandom, instrument, full, person.secondsPerItem) : full
	}
	const score = (r: Respondent) => scoreAssessment({ instrument, norms, ...r, form })
	const asked: number[] = []
	const minutes: number[] = []

	let quadAll = 0
	let quadUnflagged = 0
	let unflagged = 0
	let clearN = 0
	let clearAll = 0
	let clearUnflagged = 0
	let clearUnflaggedN = 0
	let randomFlagged = 0
	let attentiveFlagged = 0
	let attentive = 0
	let peopleSide = 0
	let single = 0
	let sameQuadrant = 0
	let sameLabel = 0
	let sameBefore = 0
	let sameAfter = 0
	let covered = 0
	let stressSame = 0
	const distances: number[] = []
	const attentiveAnswers: LikertAnswers[] = []

	for (const person of people) {
		const first = sit(mainRandom, person)
		const r = score(first)
		asked.push(axisItemsAsked(first.order, instrument))
		const statements = first.order.pages.reduce((n, p) => n + (p.kind === 'likert' ? p.itemIds.length : 0), 0)
		minutes.push(
			(statements * SIMULATION_MODEL.secondsPerItem.median +
				instrument.vignettes.length * SIMULATION_MODEL.secondsPerVignette) /
				60,
		)
		const truth = styleAt(person.theta.assertiveness, person.theta.responsiveness)
		const right = signStyle(r) === truth
		const isFlagged = r.flags.length > 0
		const isClear = Math.abs(person.theta.assertiveness) > 0.5 && Math.abs(person.theta.responsiveness) > 0.5
		if (right) quadAll++
		if (!isFlagged) {
			unflagged++
			if (right) quadUnflagged++
		}
		if (isClear) {
			clearN++
			if (right) clearAll++
			if (!isFlagged) {
				clearUnflaggedN++
				if (right) clearUnflagged++
			}
		}
		if (person.random) {
			if (isFlagged) randomFlagged++
			continue
		}
		attentive++
		attentiveAnswers.push(first.answers)
		if (isFlagged) attentiveFlagged++
		if (r.dot.x > 0) peopleSide++
		if (r.placement.kind === 'style') single++
		const again = score(sit(retestRandom, person))
		if (signStyle(r) !== null && signStyle(r) === signStyle(again)) sameQuadrant++
		if (placementCode(r.placement) === placementCode(again.placement)) sameLabel++
		if (headlineCode(classifyDot(r.dot)) === headlineCode(classifyDot(again.dot))) sameBefore++
		if (headlineCode(r.placement) === headlineCode(again.placement)) sameAfter++
		const region = uncertaintyRegion(r.dot)
		const d = Math.hypot((again.dot.x - r.dot.x) / region.rx, (again.dot.y - r.dot.y) / region.ry)
		if (d <= 1) covered++
		distances.push(Math.hypot((again.dot.x - r.dot.x) / r.dot.se.x, (again.dot.y - r.dot.y) / r.dot.se.y))
		const l1 = stressLevels(r)
		const l2 = stressLevels(again)
		for (const reaction of STRESS_REACTIONS) if (l1[reaction].level === l2[reaction].level) stressSame++
	}

	const stats = itemStatistics(attentiveAnswers, instrument)
	const stressAlpha = Object.fromEntries(
		STRESS_REACTIONS.map((reaction) => {
			const items = instrument.likertItems.filter((i) => i.kind === 'stress' && i.reaction === reaction)
			const matrix = attentiveAnswers.map((a) =>
				items.map((i) => {
					const v = a[i.id] as number
					return i.kind === 'stress' && i.keying === 'reverse' ? LIKERT_MIN + LIKERT_MAX - v : v
				}),
			)
			return [reaction, cronbachAlpha(matrix) ?? Number.NaN]
		}),
	) as Record<StressReaction, number>

	const axisTotal = instrument.likertItems.filter((i) => i.kind === 'axis').length
	return {
		id: options.id,
		form,
		axisItems: { mean: asked.reduce((a, b) => a + b, 0) / n, median: quantile(asked, 0.5), total: axisTotal },
		medianMinutes: quantile(minutes, 0.5),
		respondents: n,
		randomResponders: randomCount,
		// α needs every statement of an axis; the adaptive form's complete rows are a biased few (people near
		// the midpoint, asked in full), so it is not reported for that form.
		alpha: Object.fromEntries(
			AXES.map((a) => [a, form === 'adaptive' ? Number.NaN : (stats.axes[a].alpha ?? Number.NaN)]),
		) as Record<Axis, number>,
		stressAlpha,
		quadrant: { all: quadAll / n, unflagged: unflagged > 0 ? quadUnflagged / unflagged : Number.NaN },
		clear: {
			all: clearN > 0 ? clearAll / clearN : Number.NaN,
			unflagged: clearUnflaggedN > 0 ? clearUnflagged / clearUnflaggedN : Number.NaN,
			n: clearN,
		},
		flagged: {
			random: randomCount > 0 ? randomFlagged / randomCount : Number.NaN,
			attentive: attentiveFlagged / attentive,
		},
		peopleSide: peopleSide / attentive,
		singleStyle: single / attentive,
		retest: {
			sameQuadrant: sameQuadrant / attentive,
			sameLabel: sameLabel / attentive,
			sameHeadlineBefore: sameBefore / attentive,
			sameHeadlineAfter: sameAfter / attentive,
			regionCoverage: covered / attentive,
			radiusFor85: quantile(distances, 0.85),
			stressLevelAgreement: stressSame / (attentive * STRESS_REACTIONS.length),
		},
	}
}

export type ScenarioBar = {
	id: string
	label: string
	value: number
	target: number
	direction: 'min' | 'max'
	pass: boolean
}

/** Issue 16's bars on the combined scenario (and the base scenario's single-style share). */
export function scenarioBars(combined: ScenarioResult, base: ScenarioResult, margin = 0): ScenarioBar[] {
	const bar = (id: string, label: string, value: number, direction: 'min' | 'max', target: number): ScenarioBar => {
		const t = direction === 'min' ? target - margin : target + margin
		return {
			id,
			label,
			value,
			target: t,
			direction,
			pass: Number.isFinite(value) && (direction === 'min' ? value >= t : value <= t),
		}
	}
	return [
		bar('combined-quadrant', 'Combined: quadrant accuracy, unflagged', combined.quadrant.unflagged, 'min', 0.72),
		bar('combined-clear', 'Combined: clear-of-centre accuracy, unflagged', combined.clear.unflagged, 'min', 0.9),
		bar('combined-random-flagged', 'Combined: random responders flagged', combined.flagged.random, 'min', 0.8),
		bar(
			'combined-attentive-flagged',
			'Combined: attentive respondents flagged',
			combined.flagged.attentive,
			'max',
			0.03,
		),
		bar('base-single-style', 'Base: attentive headlined as a single style', base.singleStyle, 'min', 0.6),
	]
}

/** Issue 16 item 7's bars on the adaptive form's combined scenario: the same four as the full form,
 * and fewer axis statements than the full form asks, on average. */
export function adaptiveBars(combined: ScenarioResult, margin = 0): ScenarioBar[] {
	const bars = scenarioBars(combined, combined, margin)
		.filter((b) => b.id.startsWith('combined-'))
		.map((b) => ({ ...b, id: `adaptive-${b.id}`, label: b.label.replace('Combined:', 'Adaptive, combined:') }))
	const items = combined.axisItems
	return [
		...bars,
		{
			id: 'adaptive-axis-items',
			label: `Adaptive, combined: mean axis statements asked (below the full form's ${items.total})`,
			value: items.mean,
			target: items.total,
			direction: 'max',
			pass: Number.isFinite(items.mean) && items.mean < items.total,
		},
	]
}

export type FormComparison = {
	id: string
	respondents: number
	axes: Record<Axis, { meanFull: number; meanAdaptive: number; sdFull: number; sdAdaptive: number; r: number }>
	/** Same sign on both axes in the two forms. */
	sameQuadrant: number
}

/**
 * The full and the adaptive form on the same simulated attentive people giving the same answers:
 * whether an adaptive z means what a full-form z means (same centre, same unit). The norm decision
 * in docs/assessment.md §4c rests on these figures.
 */
export function compareForms(options: {
	id: string
	model: ScenarioModel
	respondents: number
	seed: number
}): FormComparison {
	const instrument = CURRENT_INSTRUMENT
	const norms = normsFor(instrument.version) ?? DEFAULT_NORMS
	const root = createRandom(options.seed)
	const params = drawItemParams(
		root.fork('items'),
		instrument,
		options.model.discrimination,
		options.model.crossLoadingSd,
	)
	const peopleRandom = root.fork('people')
	const main = root.fork('main')
	const timings = root.fork('adaptive-timings')
	const z: Record<'full' | 'adaptive', Record<Axis, number[]>> = {
		full: { assertiveness: [], responsiveness: [] },
		adaptive: { assertiveness: [], responsiveness: [] },
	}
	let same = 0
	for (let i = 0; i < options.respondents; i++) {
		const person = drawPerson(peopleRandom, { ...options.model, randomShare: 0 }, false)
		const sitting = take(main, instrument, params, person, options.model)
		const full = scoreAssessment({ instrument, norms, ...sitting })
		// Both forms scored in the full form's unit: does an adaptive z mean what a full z means?
		const short = scoreAssessment({
			instrument,
			norms,
			...toAdaptive(timings, instrument, sitting, person.secondsPerItem),
			form: 'adaptive',
		})
		for (const axis of AXES) {
			z.full[axis].push(full.axes[axis].z)
			z.adaptive[axis].push(short.axes[axis].z)
		}
		if (signStyle(full) === signStyle(short)) same++
	}
	const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length
	const sd = (v: number[]) => {
		const m = mean(v)
		return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1))
	}
	const axes = {} as FormComparison['axes']
	for (const axis of AXES) {
		const f = z.full[axis]
		const a = z.adaptive[axis]
		const mf = mean(f)
		const ma = mean(a)
		const cov = f.reduce((s, v, j) => s + (v - mf) * ((a[j] as number) - ma), 0) / (f.length - 1)
		axes[axis] = { meanFull: mf, meanAdaptive: ma, sdFull: sd(f), sdAdaptive: sd(a), r: cov / (sd(f) * sd(a)) }
	}
	return { id: options.id, respondents: options.respondents, axes, sameQuadrant: same / options.respondents }
}
