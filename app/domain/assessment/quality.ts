import type { LikertAnswers, PageTiming } from '#app/domain/assessment/answers.ts'
import { LIKERT_LABELS, type AxisItem, type Instrument } from '#app/domain/assessment/item-bank.ts'
import type { QualityFlag, QualityMetrics } from '#app/domain/assessment/result.ts'
import { personFit, randomResponseIndex, type PersonFitModel } from '#app/domain/assessment/person-fit.ts'

// Response-quality checks. A flag never blocks scoring: the report says what we noticed and
// offers a retake. Thresholds were set with the simulation study (docs/assessment.md) so that
// attentive respondents are almost never flagged.

/** Same answer this many times in a row, in the order shown. */
export const LONGSTRING_MIN_RUN = 10
/** Pages answered with one identical answer throughout (page-by-page straight-lining). */
export const LONGSTRING_MIN_UNIFORM_PAGES = 2
/** Median seconds per statement below which nobody can have read them. */
export const SPEEDING_SECONDS_PER_ITEM = 2
/** Share of antonym pairs where someone agreed with both (or disagreed with both). */
export const INCONSISTENT_MIN_SHARE = 0.5
/** Person-fit (Mahalanobis D² per item): kept as a metric for the admin and the docs, no longer a
 * flag. At 1.7 it caught 58–68% of random responders in the combined scenario; the random-responding
 * index below catches 80–89% at the same false-alarm rate (docs/assessment.md §3). */
export const PERSON_FIT_MAX = 1.7
/** Random-responding index (nats per item, uniform random vs the best attentive pattern) above which
 * a result is flagged. Slightly below 0 because the attentive reference is nominal: weak real items
 * make attentive answers a little more spread out than it expects. Set with the harder simulation
 * study (3 seeds) so that ≤ 3% of attentive respondents are flagged with weak items. */
export const RANDOM_INDEX_MAX = -0.04
/** The same index on the adaptive form's shorter pattern (fewer axis statements, so a noisier mean
 * per item): calibrated on the adaptive combined scenario, 3 seeds (docs/assessment.md §4c). */
export const RANDOM_INDEX_MAX_ADAPTIVE = -0.04

/** Longest run of identical consecutive values. */
export function longestRun(values: readonly number[]): number {
	let best = 0
	let run = 0
	let previous: number | undefined
	for (const v of values) {
		run = v === previous ? run + 1 : 1
		previous = v
		if (run > best) best = run
	}
	return best
}

/** Median time per item, giving every item its page's average; null without timings. */
export function medianSecondsPerItem(timings: readonly PageTiming[]): number | null {
	const perItem = timings
		.filter((t) => t.itemCount > 0)
		.map((t) => ({ seconds: t.durationMs / 1000 / t.itemCount, count: t.itemCount }))
		.sort((a, b) => a.seconds - b.seconds)
	const total = perItem.reduce((s, p) => s + p.count, 0)
	if (total === 0) return null
	// Weighted median over items: average the two middle items when the count is even.
	const at = (index: number): number => {
		let seen = 0
		for (const p of perItem) {
			seen += p.count
			if (index < seen) return p.seconds
		}
		return perItem[perItem.length - 1]?.seconds ?? 0
	}
	return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2
}

export type ContradictionReport = {
	pairs: number
	contradictory: { forward: AxisItem; reverse: AxisItem }[]
}

/** Antonym pairs the person agreed with both sides of, or disagreed with both sides of. */
export function contradictoryPairs(answers: Readonly<LikertAnswers>, instrument: Instrument): ContradictionReport {
	const byId = new Map(instrument.likertItems.map((item) => [item.id, item]))
	let pairs = 0
	const contradictory: ContradictionReport['contradictory'] = []
	for (const item of instrument.likertItems) {
		if (item.kind !== 'axis' || !item.antonymOf) continue
		const forward = byId.get(item.antonymOf)
		if (!forward || forward.kind !== 'axis') continue
		const a = answers[forward.id]
		const b = answers[item.id]
		if (a === undefined || b === undefined) continue
		pairs++
		if ((a >= 4 && b >= 4) || (a <= 2 && b <= 2)) contradictory.push({ forward, reverse: item })
	}
	return { pairs, contradictory }
}

export type QualityInput = {
	answers: Readonly<LikertAnswers>
	/** Likert item ids page by page, in the order they were shown. */
	likertPages: readonly (readonly string[])[]
	pageTimings: readonly PageTiming[]
	instrument: Instrument
	/** The reference pattern for the person-fit index; without it the index is not computed. */
	personFitModel?: PersonFitModel
	/** The adaptive form is checked on the statements actually asked, with its own thresholds. */
	form?: 'full' | 'adaptive'
}

export function assessQuality(input: QualityInput): { flags: QualityFlag[]; metrics: QualityMetrics } {
	const { answers, instrument } = input
	const flags: QualityFlag[] = []

	const answered = (ids: readonly string[]) =>
		ids.map((id) => answers[id]).filter((v): v is NonNullable<typeof v> => v !== undefined)
	const run = longestRun(answered(input.likertPages.flat()))
	const uniformPages = input.likertPages.filter((page) => {
		const values = answered(page)
		return values.length >= 2 && values.length === page.length && longestRun(values) === values.length
	}).length
	if (run >= LONGSTRING_MIN_RUN) {
		flags.push({
			kind: 'longstring',
			message: `You gave the same answer to ${run} statements in a row. If you were hurrying, a retake will give a truer picture.`,
		})
	} else if (uniformPages >= LONGSTRING_MIN_UNIFORM_PAGES) {
		flags.push({
			kind: 'longstring',
			message: `You gave one and the same answer to every statement on ${uniformPages} pages. If you were hurrying, a retake will give a truer picture.`,
		})
	}

	const seconds = medianSecondsPerItem(input.pageTimings)
	if (seconds !== null && seconds < SPEEDING_SECONDS_PER_ITEM) {
		flags.push({
			kind: 'speeding',
			message: `You answered in about ${seconds.toFixed(1)} seconds per question, faster than most people can read them.`,
		})
	}

	const contradictions = contradictoryPairs(answers, instrument)
	if (
		contradictions.pairs > 0 &&
		contradictions.contradictory.length >= contradictions.pairs * INCONSISTENT_MIN_SHARE
	) {
		const example = contradictions.contradictory[0]
		flags.push({
			kind: 'inconsistent',
			message:
				`You agreed (or disagreed) with both statements in ${contradictions.contradictory.length} of ${contradictions.pairs} pairs of opposite statements` +
				(example ? `, for example “${example.forward.text}” and “${example.reverse.text}”.` : '.'),
		})
	}

	let checkPassed: boolean | null = null
	for (const item of instrument.likertItems) {
		if (item.kind !== 'instructed') continue
		const given = answers[item.id]
		if (given === undefined) continue
		checkPassed = (checkPassed ?? true) && given === item.expected
		if (given !== item.expected) {
			flags.push({
				kind: 'failed_check',
				message: `The statement asking you to choose '${LIKERT_LABELS[item.expected]}' was answered '${LIKERT_LABELS[given]}'.`,
			})
		}
	}

	const fit = input.personFitModel ? personFit(answers, input.personFitModel) : null
	const randomIndex = input.personFitModel ? randomResponseIndex(answers, input.personFitModel) : null
	const randomMax = input.form === 'adaptive' ? RANDOM_INDEX_MAX_ADAPTIVE : RANDOM_INDEX_MAX
	if (randomIndex !== null && randomIndex > randomMax) {
		flags.push({
			kind: 'person_fit',
			message:
				'Your answers hang together less than anyone’s who reads each statement closely: statements that mean much the same got quite different answers. If you were distracted, a retake will give a truer picture.',
		})
	}

	return {
		flags,
		metrics: {
			personFit: fit,
			randomIndex,
			longestRun: run,
			uniformPages,
			medianSecondsPerItem: seconds,
			contradictoryPairs: contradictions.contradictory.length,
			pairs: contradictions.pairs,
			checkPassed,
		},
	}
}
