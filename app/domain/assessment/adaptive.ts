import type { LikertAnswers, LikertResponses } from '#app/domain/assessment/answers.ts'
import {
	CURRENT_INSTRUMENT,
	LIKERT_MIDPOINT,
	NOT_APPLICABLE,
	axisItems,
	type AxisItem,
	type Instrument,
	type LikertItem,
} from '#app/domain/assessment/item-bank.ts'
import { rekey } from '#app/domain/assessment/keying.ts'
import { DEFAULT_NORMS, normsFor, type Norms } from '#app/domain/assessment/norms.ts'
import { personFitModelFor, randomResponseIndex } from '#app/domain/assessment/person-fit.ts'
import {
	CUE_PAGE_SIZE,
	splitIntoPages,
	type AssessmentOrder,
	type AssessmentPage,
} from '#app/domain/assessment/order.ts'
import { createRandom, type Random } from '#app/domain/assessment/random.ts'
import { AXES, type Axis } from '#app/domain/style.ts'

// The adaptive short form (issue 16 item 7, ADR 0009). An axis stops being asked once enough
// antonym pairs are answered and its position is clearly away from the midpoint; stress and cue
// pages are always complete. The pages are a pure function of the attempt's stored seed and the
// answers so far, so a resumed attempt (any device) rebuilds exactly the pages it showed.

export type { AssessmentForm } from '#app/domain/assessment/forms.ts'

export const ADAPTIVE_RULE = {
	/** New antonym pairs started per axis on each page; a pair's second statement comes on the next page,
	 * so a statement and its antonym are never side by side. */
	pairsPerPage: 2,
	/** Complete, applicable pairs ("doesn't apply" pairs do not count) before an axis may stop (issue 16). */
	minPairs: 4,
	/** "Clearly away from the midpoint": the midpoint lies outside z ± STOP_Z × SE on that axis, with the
	 * SE of the items answered so far (the same model as the report's region). Tuned by simulation
	 * (docs/assessment.md §4c). */
	stopZ: 1.64,
	/** Statements per page when no axis statement is left; and at least this many stress or check
	 * statements ride along on a page with axis statements, so the stress items do not bunch at the end. */
	pageTarget: 8,
	minOtherPerPage: 2,
	/** Where the two attention checks go in the stress-and-check queue: after the first page's share
	 * (never on the first page) and early enough that they are never on the last page. */
	checkSlots: { from: 4, to: 11 },
	/** An axis stops only while its answered pairs hang together: at most this share of them
	 * contradictory (agreeing, or disagreeing, with both statements). Random answering contradicts in
	 * about a third of pairs, so a careless pattern is asked in full, where the quality checks see
	 * enough of it to catch it; attentive answers almost never contradict (docs/assessment.md §4c). */
	maxContradictoryShare: 0.25,
	/** ... and only while the answers so far look attentive: the random-responding index over every
	 * statement answered so far is at most this (the quality check flags above −0.04; a stricter gate keeps more careless patterns on the long path). */
	randomIndexGate: -0.25,
} as const

/**
 * Standard error of an axis z-score from `asked` of the axis's `total` statements. z is in units of the
 * full form's norm SD, so the error variance of a mean of k statements is (1 − α)·K/k of that unit.
 * With every statement asked it is sqrt(1 − α), the full form's SE.
 */
export function axisStandardError(alpha: number, asked: number, total: number): number {
	return Math.sqrt((1 - alpha) * (total / Math.max(1, asked)))
}

type Pair = { first: string; second: string }

export type AxisProgress = {
	/** Complete pairs with both statements applicable. */
	pairs: number
	/** z and SE over those pairs (null before any). */
	z: number | null
	se: number | null
	/** Stopped early: no new pairs are started. */
	stopped: boolean
	/** Statements of this axis asked so far (including the current page). */
	asked: number
}

export type AdaptivePlan = {
	/** Likert pages: every answered page, then the current one (when the Likert part is not finished). */
	likertPages: string[][]
	/** True once no Likert statement is left to ask. */
	finished: boolean
	axes: Record<Axis, AxisProgress>
	/** Most Likert statements still to come after the pages above (for an honest "up to" count). */
	maxRemaining: number
}

function pairsOf(instrument: Instrument, axis: Axis): { forward: AxisItem; reverse: AxisItem }[] {
	const items = axisItems(instrument, axis)
	const byId = new Map(items.map((i) => [i.id, i]))
	return items.flatMap((reverse) => {
		const forward = reverse.antonymOf ? byId.get(reverse.antonymOf) : undefined
		return forward ? [{ forward, reverse }] : []
	})
}

function axisQueues(random: Random, instrument: Instrument): Record<Axis, Pair[]> {
	const out = {} as Record<Axis, Pair[]>
	for (const axis of AXES) {
		out[axis] = random.shuffle(pairsOf(instrument, axis)).map((p) =>
			// Which side comes first is drawn per pair, so keying does not run in a pattern.
			random.next() < 0.5
				? { first: p.forward.id, second: p.reverse.id }
				: { first: p.reverse.id, second: p.forward.id },
		)
	}
	return out
}

// Stress statements shuffled, the attention checks at seeded slots in the middle of the queue.
function otherQueue(random: Random, instrument: Instrument): string[] {
	const queue = random.shuffle(instrument.likertItems.filter((i) => i.kind === 'stress')).map((i) => i.id)
	const { from, to } = ADAPTIVE_RULE.checkSlots
	const checks = instrument.likertItems.filter((i) => i.kind === 'instructed')
	const slots = random.shuffle(Array.from({ length: to - from + 1 }, (_, i) => from + i)).slice(0, checks.length)
	slots.sort((a, b) => a - b)
	checks.forEach((check, i) => queue.splice(Math.min(slots[i] ?? from, queue.length), 0, check.id))
	return queue
}

// Places the stress/check statements at evenly spaced slots among the axis statements.
function mergePage(axisIds: string[], otherIds: string[]): string[] {
	const keyed = [
		...axisIds.map((id, i) => ({ id, key: (i + 0.5) / axisIds.length })),
		...otherIds.map((id, i) => ({ id, key: (i + 0.25) / otherIds.length })),
	]
	return keyed.sort((a, b) => a.key - b.key).map((k) => k.id)
}

function axisState(
	answers: Readonly<LikertResponses>,
	byId: Map<string, LikertItem>,
	complete: readonly Pair[],
	norms: Norms,
	axis: Axis,
	total: number,
): { pairs: number; z: number | null; se: number | null; contradictory: number } {
	let sum = 0
	let items = 0
	let contradictory = 0
	for (const pair of complete) {
		const a = answers[pair.first]
		const b = answers[pair.second]
		if (a === undefined || b === undefined || a === NOT_APPLICABLE || b === NOT_APPLICABLE) continue
		sum += rekey(byId.get(pair.first) as AxisItem, a) + rekey(byId.get(pair.second) as AxisItem, b)
		items += 2
		if ((a >= 4 && b >= 4) || (a <= 2 && b <= 2)) contradictory++
	}
	if (items === 0) return { pairs: 0, z: null, se: null, contradictory }
	const norm = norms.axes[axis]
	return {
		pairs: items / 2,
		z: (sum / items - LIKERT_MIDPOINT) / norm.sd,
		se: axisStandardError(norm.alpha, items, total),
		contradictory,
	}
}

/**
 * The adaptive form's Likert pages so far, from the seed and the answers given. Replays the pages
 * one by one: a page whose statements are all answered counts as done and the stopping rule runs on
 * it; the first page with an unanswered statement is the current page. With answers to every
 * statement (the simulation), it runs to the end and shows which statements would have been asked.
 * The stopping rule uses the instrument's shipped norms, never an organisation's, so the pages of an
 * attempt cannot change under it.
 */
export function planAdaptive(
	seed: number,
	answers: Readonly<LikertResponses>,
	instrument: Instrument = CURRENT_INSTRUMENT,
	norms: Norms = normsFor(instrument.version) ?? DEFAULT_NORMS,
): AdaptivePlan {
	const rule = ADAPTIVE_RULE
	const random = createRandom(seed).fork('adaptive-order')
	const queues = axisQueues(random, instrument)
	const others = otherQueue(random, instrument)
	const axisOrder: Axis[] =
		random.next() < 0.5 ? ['assertiveness', 'responsiveness'] : ['responsiveness', 'assertiveness']
	const byId = new Map(instrument.likertItems.map((i) => [i.id, i]))
	const total = Object.fromEntries(AXES.map((a) => [a, queues[a].length * 2])) as Record<Axis, number>

	const started = { assertiveness: 0, responsiveness: 0 } as Record<Axis, number>
	const pending = { assertiveness: [], responsiveness: [] } as Record<Axis, Pair[]>
	const axes = Object.fromEntries(
		AXES.map((a) => [a, { pairs: 0, z: null, se: null, stopped: false, asked: 0 } satisfies AxisProgress]),
	) as Record<Axis, AxisProgress>
	let otherAt = 0
	const pages: string[][] = []
	const answered = (ids: readonly string[]) => ids.every((id) => answers[id] !== undefined)

	const maxRemaining = () => {
		let n = others.length - otherAt
		for (const axis of AXES) {
			n += pending[axis].length
			if (!axes[axis].stopped) n += (queues[axis].length - started[axis]) * 2
		}
		return n
	}
	const done = (finished: boolean) => ({ likertPages: pages, finished, axes, maxRemaining: maxRemaining() })

	for (;;) {
		// This page's axis statements: second halves of the pairs begun on the last page, then new pairs.
		const firsts = {} as Record<Axis, Pair[]>
		const perAxis: string[][] = []
		for (const axis of axisOrder) {
			firsts[axis] = axes[axis].stopped ? [] : queues[axis].slice(started[axis], started[axis] + rule.pairsPerPage)
			perAxis.push([...pending[axis].map((p) => p.second), ...firsts[axis].map((p) => p.first)])
		}
		const axisIds: string[] = []
		for (let i = 0; i < Math.max(...perAxis.map((l) => l.length)); i++) {
			for (const list of perAxis) if (list[i] !== undefined) axisIds.push(list[i] as string)
		}
		if (axisIds.length === 0) {
			// Only stress and check statements are left: pages of about eight.
			for (const page of splitIntoPages(others.slice(otherAt), rule.pageTarget)) {
				pages.push(page)
				otherAt += page.length
				if (!answered(page)) return done(false)
			}
			return done(true)
		}
		const take = Math.max(rule.minOtherPerPage, rule.pageTarget - axisIds.length)
		const otherIds = others.slice(otherAt, otherAt + take)
		const page = mergePage(axisIds, otherIds)
		pages.push(page)
		otherAt += otherIds.length
		for (const axis of AXES) {
			started[axis] += firsts[axis].length
			axes[axis].asked += pending[axis].length + firsts[axis].length
		}
		if (!answered(page)) {
			// Pairs begun on the current page are still open, so maxRemaining counts their partners.
			for (const axis of AXES) pending[axis] = firsts[axis]
			return done(false)
		}
		const soFar: LikertAnswers = {}
		for (const id of pages.flat()) {
			const v = answers[id]
			if (v !== undefined && v !== NOT_APPLICABLE) soFar[id] = v
		}
		const randomIndex = randomResponseIndex(soFar, personFitModelFor(instrument, norms))
		const looksAttentive = randomIndex === null || randomIndex <= rule.randomIndexGate
		for (const axis of AXES) {
			pending[axis] = firsts[axis]
			const complete = queues[axis].slice(0, started[axis] - pending[axis].length)
			const { contradictory, ...state } = axisState(answers, byId, complete, norms, axis, total[axis])
			Object.assign(axes[axis], state)
			if (
				!axes[axis].stopped &&
				looksAttentive &&
				contradictory <= rule.maxContradictoryShare * state.pairs &&
				state.z !== null &&
				state.se !== null &&
				state.pairs >= rule.minPairs &&
				Math.abs(state.z) > rule.stopZ * state.se
			) {
				axes[axis].stopped = true
			}
		}
	}
}

/** The adaptive page plan as an AssessmentOrder: the Likert pages so far, and the cue pages once
 * the Likert part is finished (the cue order is the full form's, from the same seed). */
export function adaptiveOrder(
	seed: number,
	answers: Readonly<LikertResponses>,
	instrument: Instrument = CURRENT_INSTRUMENT,
): { order: AssessmentOrder; plan: AdaptivePlan } {
	const plan = planAdaptive(seed, answers, instrument)
	const likert = plan.likertPages.map((itemIds): AssessmentPage => ({ kind: 'likert', itemIds }))
	const cues = plan.finished
		? splitIntoPages(
				createRandom(seed)
					.fork('cue-order')
					.shuffle(instrument.vignettes.map((v) => v.id)),
				CUE_PAGE_SIZE,
			).map((vignetteIds): AssessmentPage => ({ kind: 'cues', vignetteIds }))
		: []
	return { order: { instrumentVersion: instrument.version, seed, pages: [...likert, ...cues] }, plan }
}

/** Axis statements asked in an order (what a stored adaptive result records). */
export function axisItemsAsked(order: AssessmentOrder, instrument: Instrument): number {
	const axisIds = new Set(instrument.likertItems.filter((i) => i.kind === 'axis').map((i) => i.id))
	return order.pages.reduce(
		(n, p) => n + (p.kind === 'likert' ? p.itemIds.filter((id) => axisIds.has(id)).length : 0),
		0,
	)
}
