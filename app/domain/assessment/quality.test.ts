import { describe, expect, it } from 'vitest'
import type { LikertAnswers, PageTiming } from '#app/domain/assessment/answers.ts'
import { CURRENT_INSTRUMENT, type LikertValue } from '#app/domain/assessment/item-bank.ts'
import { buildAssessmentOrder, likertPages } from '#app/domain/assessment/order.ts'
import { assessQuality, longestRun, medianSecondsPerItem } from '#app/domain/assessment/quality.ts'

const instrument = CURRENT_INSTRUMENT
const pages = likertPages(buildAssessmentOrder(4242))
const calmTimings: PageTiming[] = pages.map((p) => ({ itemCount: p.length, durationMs: p.length * 5_000 }))

/** A plausible attentive Director: agrees with "tells"/"task" statements, with natural variation. */
function attentive(): LikertAnswers {
	const out: LikertAnswers = {}
	instrument.likertItems.forEach((item, i) => {
		const wobble = i % 3 === 0 ? 1 : 0
		if (item.kind === 'instructed') out[item.id] = item.expected
		else if (item.kind === 'stress') out[item.id] = ((i % 4) + 1) as LikertValue
		else if (item.axis === 'assertiveness')
			out[item.id] = (item.keying === 'forward' ? 4 + wobble : 2 - wobble) as LikertValue
		else out[item.id] = (item.keying === 'forward' ? 2 : 3 + wobble) as LikertValue
	})
	return out
}

const kinds = (answers: LikertAnswers, timings = calmTimings) =>
	assessQuality({ answers, likertPages: pages, pageTimings: timings, instrument }).flags.map((f) => f.kind)

describe('longestRun', () => {
	it('finds the longest stretch of identical answers', () => {
		expect(longestRun([])).toBe(0)
		expect(longestRun([3])).toBe(1)
		expect(longestRun([1, 1, 2, 2, 2, 1])).toBe(3)
	})
})

describe('medianSecondsPerItem', () => {
	it('gives each item its page average and takes the median over items', () => {
		const timings = [
			{ itemCount: 8, durationMs: 8_000 },
			{ itemCount: 1, durationMs: 100_000 },
			{ itemCount: 2, durationMs: 2_000 },
		]
		expect(medianSecondsPerItem(timings)).toBe(1)
		expect(
			medianSecondsPerItem([
				{ itemCount: 2, durationMs: 2_000 },
				{ itemCount: 2, durationMs: 10_000 },
			]),
		).toBe(3)
		expect(medianSecondsPerItem([])).toBeNull()
	})
})

describe('assessQuality', () => {
	it('does not flag an attentive respondent', () => {
		const { flags, metrics } = assessQuality({
			answers: attentive(),
			likertPages: pages,
			pageTimings: calmTimings,
			instrument,
		})
		expect(flags).toEqual([])
		expect(metrics).toMatchObject({ checkPassed: true, medianSecondsPerItem: 5, uniformPages: 0, pairs: 28 })
	})

	it('flags straight-lining on all 3s as a long run and a failed check, not as inconsistency', () => {
		const all3 = Object.fromEntries(instrument.likertItems.map((i) => [i.id, 3])) as LikertAnswers
		const result = assessQuality({ answers: all3, likertPages: pages, pageTimings: calmTimings, instrument })
		expect(result.flags.map((f) => f.kind)).toEqual(['longstring', 'failed_check', 'failed_check'])
		expect(result.flags[0]?.message).toMatch(/same answer to \d+ statements in a row/)
		expect(result.flags[1]?.message).toBe(
			"The statement asking you to choose 'Agree' was answered 'Neither agree nor disagree'.",
		)
	})

	it('flags page-by-page straight-lining even when the value changes between pages', () => {
		const answers: LikertAnswers = {}
		pages.forEach((page, p) => {
			for (const id of page) answers[id] = p % 2 === 0 ? 2 : 4
		})
		const result = assessQuality({ answers, likertPages: pages, pageTimings: calmTimings, instrument })
		expect(result.metrics.longestRun).toBeLessThan(10)
		expect(result.flags.find((f) => f.kind === 'longstring')?.message).toMatch(/every statement on \d+ pages/)
	})

	it('flags agreeing with both statements of many opposite pairs, quoting an example', () => {
		const answers = attentive()
		for (const item of instrument.likertItems)
			if (item.kind === 'axis') answers[item.id] = item.id.endsWith('f') ? 4 : 5
		const flag = assessQuality({ answers, likertPages: pages, pageTimings: calmTimings, instrument }).flags.find(
			(f) => f.kind === 'inconsistent',
		)
		expect(flag?.message).toMatch(/both statements in 28 of 28 pairs/)
		expect(flag?.message).toContain('“In meetings, I put my view forward early.”')
	})

	it('flags speeding from server page timings', () => {
		const fast = pages.map((p) => ({ itemCount: p.length, durationMs: p.length * 1_200 }))
		expect(kinds(attentive(), fast)).toEqual(['speeding'])
		const justOk = pages.map((p) => ({ itemCount: p.length, durationMs: p.length * 2_100 }))
		expect(kinds(attentive(), justOk)).toEqual([])
	})

	it('flags a failed instructed item', () => {
		expect(kinds({ ...attentive(), 'check-agree': 5 })).toEqual(['failed_check'])
	})
})
