import { CURRENT_INSTRUMENT, axisItems, type Instrument, type LikertItem } from '#app/domain/assessment/item-bank.ts'
import { createRandom, type Random } from '#app/domain/assessment/random.ts'

// Per-attempt item order. Only the seed is stored: the same seed and instrument version always
// rebuild the same pages, so a learner who resumes on another device sees the same order.

export const LIKERT_PAGE_SIZE = 8
export const CUE_PAGE_SIZE = 4
// Seeing a statement and its antonym side by side invites answering them "as a pair" and
// makes the consistency check meaningless, so pair members always land on different pages.
const MAX_ORDER_TRIES = 500

export type AssessmentPage = { kind: 'likert'; itemIds: string[] } | { kind: 'cues'; vignetteIds: string[] }

export type AssessmentOrder = {
	instrumentVersion: string
	seed: number
	pages: AssessmentPage[]
}

/** Splits a list into pages of about `targetSize`; page sizes differ by at most one. */
export function splitIntoPages<T>(items: readonly T[], targetSize: number): T[][] {
	if (items.length === 0) return []
	const pageCount = Math.max(1, Math.round(items.length / targetSize))
	const base = Math.floor(items.length / pageCount)
	const larger = items.length % pageCount
	const pages: T[][] = []
	let start = 0
	for (let p = 0; p < pageCount; p++) {
		const size = base + (p < larger ? 1 : 0)
		pages.push(items.slice(start, start + size))
		start += size
	}
	return pages
}

function interleaveAxes(random: Random, instrument: Instrument): LikertItem[] {
	const a = random.shuffle(axisItems(instrument, 'assertiveness'))
	const r = random.shuffle(axisItems(instrument, 'responsiveness'))
	const [first, second] = random.next() < 0.5 ? [a, r] : [r, a]
	const out: LikertItem[] = []
	for (let i = 0; i < Math.max(first.length, second.length); i++) {
		const x = first[i]
		const y = second[i]
		if (x) out.push(x)
		if (y) out.push(y)
	}
	return out
}

// Spreads `extra` evenly through `base` (each at a jittered evenly-spaced slot), keeping both
// lists' own order, so stress items never bunch together.
function spread(random: Random, base: LikertItem[], extra: LikertItem[]): LikertItem[] {
	const keyed = [
		...base.map((item, i) => ({ item, key: (i + 0.5) / base.length })),
		...extra.map((item, i) => ({ item, key: (i + random.uniform(0.2, 0.8)) / extra.length })),
	]
	return keyed.sort((p, q) => p.key - q.key).map((k) => k.item)
}

function pairsOnSamePage(pages: LikertItem[][]): number {
	let clashes = 0
	for (const page of pages) {
		const ids = new Set(page.map((item) => item.id))
		for (const item of page) if (item.kind === 'axis' && item.antonymOf && ids.has(item.antonymOf)) clashes++
	}
	return clashes
}

function likertPagesOnce(random: Random, instrument: Instrument): LikertItem[][] {
	const axes = interleaveAxes(random, instrument)
	const stress = random.shuffle(instrument.likertItems.filter((item) => item.kind === 'stress'))
	const sequence = spread(random, axes, stress)
	// The instructed item goes in the middle stretch: never on the first page (people are still
	// settling in) and never last (so it checks attention during the bulk of the answers).
	for (const check of instrument.likertItems.filter((item) => item.kind === 'instructed')) {
		const lo = Math.floor(sequence.length * 0.35)
		const hi = Math.floor(sequence.length * 0.7)
		sequence.splice(lo + random.int(hi - lo + 1), 0, check)
	}
	return splitIntoPages(sequence, LIKERT_PAGE_SIZE)
}

/** Seed → Likert pages: axes interleaved, stress items spread out, antonym pairs on different pages. */
export function orderLikertPages(seed: number, instrument: Instrument = CURRENT_INSTRUMENT): string[][] {
	const random = createRandom(seed).fork('likert-order')
	let best: LikertItem[][] = []
	let bestClashes = Number.POSITIVE_INFINITY
	for (let attempt = 0; attempt < MAX_ORDER_TRIES && bestClashes > 0; attempt++) {
		const pages = likertPagesOnce(random, instrument)
		const clashes = pairsOnSamePage(pages)
		if (clashes < bestClashes) {
			best = pages
			bestClashes = clashes
		}
	}
	return best.map((page) => page.map((item) => item.id))
}

/** The full page plan for one attempt: Likert pages first, then the cue-reading vignettes. */
export function buildAssessmentOrder(seed: number, instrument: Instrument = CURRENT_INSTRUMENT): AssessmentOrder {
	const likert = orderLikertPages(seed, instrument)
	const vignetteIds = createRandom(seed)
		.fork('cue-order')
		.shuffle(instrument.vignettes.map((v) => v.id))
	return {
		instrumentVersion: instrument.version,
		seed,
		pages: [
			...likert.map((itemIds): AssessmentPage => ({ kind: 'likert', itemIds })),
			...splitIntoPages(vignetteIds, CUE_PAGE_SIZE).map((ids): AssessmentPage => ({ kind: 'cues', vignetteIds: ids })),
		],
	}
}

/** Likert item ids page by page, in the order they were shown (what the long-string check runs over). */
export function likertPages(order: AssessmentOrder): string[][] {
	return order.pages.flatMap((page) => (page.kind === 'likert' ? [page.itemIds] : []))
}
