import { describe, expect, it } from 'vitest'
import { CURRENT_INSTRUMENT, findLikertItem } from '#app/domain/assessment/item-bank.ts'
import { LIKERT_PAGE_SIZE, buildAssessmentOrder, likertPages, splitIntoPages } from '#app/domain/assessment/order.ts'

const instrument = CURRENT_INSTRUMENT
const seeds = [0, 1, 2, 99, 123456, 2147483647]

describe('splitIntoPages', () => {
	it('makes pages of about the target size that differ by at most one', () => {
		const pages = splitIntoPages(
			Array.from({ length: 53 }, (_, i) => i),
			8,
		)
		expect(pages.map((p) => p.length)).toEqual([8, 8, 8, 8, 7, 7, 7])
		expect(pages.flat()).toEqual(Array.from({ length: 53 }, (_, i) => i))
		expect(splitIntoPages([], 8)).toEqual([])
		expect(splitIntoPages([1, 2, 3], 8)).toEqual([[1, 2, 3]])
	})
})

describe('buildAssessmentOrder', () => {
	it('rebuilds exactly the same pages from the same stored seed', () => {
		expect(buildAssessmentOrder(2024)).toEqual(buildAssessmentOrder(2024))
		expect(buildAssessmentOrder(2024).pages).not.toEqual(buildAssessmentOrder(2025).pages)
	})

	it.each(seeds)('shows every statement and vignette exactly once (seed %i)', (seed) => {
		const order = buildAssessmentOrder(seed)
		const shown = likertPages(order).flat()
		expect([...shown].sort()).toEqual(instrument.likertItems.map((i) => i.id).sort())
		const vignettes = order.pages.flatMap((p) => (p.kind === 'cues' ? p.vignetteIds : []))
		expect([...vignettes].sort()).toEqual(instrument.vignettes.map((v) => v.id).sort())
		expect(order.instrumentVersion).toBe(instrument.version)
		expect(order.seed).toBe(seed)
	})

	it.each(seeds)('interleaves the two axes (seed %i)', (seed) => {
		const axes = likertPages(buildAssessmentOrder(seed))
			.flat()
			.map((id) => findLikertItem(instrument, id))
			.flatMap((item) => (item?.kind === 'axis' ? [item.axis] : []))
		for (let i = 1; i < axes.length; i++) expect(axes[i]).not.toBe(axes[i - 1])
	})

	it.each(seeds)('uses pages of about 8 and keeps antonym pairs on different pages (seed %i)', (seed) => {
		const pages = likertPages(buildAssessmentOrder(seed))
		for (const page of pages) {
			expect(page.length).toBeGreaterThanOrEqual(LIKERT_PAGE_SIZE - 1)
			expect(page.length).toBeLessThanOrEqual(LIKERT_PAGE_SIZE + 1)
			for (const id of page) {
				const item = findLikertItem(instrument, id)
				if (item?.kind === 'axis' && item.antonymOf)
					expect(page, `${id} with ${item.antonymOf}`).not.toContain(item.antonymOf)
			}
		}
	})

	it.each(seeds)('never puts the attention check on the first or last page (seed %i)', (seed) => {
		const pages = likertPages(buildAssessmentOrder(seed))
		const at = pages.findIndex((p) => p.includes('check-agree'))
		expect(at).toBeGreaterThan(0)
		expect(at).toBeLessThan(pages.length - 1)
	})

	it('spreads stress items rather than bunching them', () => {
		const shown = likertPages(buildAssessmentOrder(77)).flat()
		const stressAt = shown.flatMap((id, i) => (findLikertItem(instrument, id)?.kind === 'stress' ? [i] : []))
		const maxGap = Math.max(...stressAt.slice(1).map((p, i) => p - (stressAt[i] as number)))
		expect(Math.min(...stressAt)).toBeLessThan(8)
		expect(maxGap).toBeLessThanOrEqual(8)
	})

	it('puts the cue-reading vignettes after the statements, in pages of at most 4', () => {
		const order = buildAssessmentOrder(5)
		const kinds = order.pages.map((p) => p.kind)
		expect(kinds.indexOf('cues')).toBe(kinds.lastIndexOf('likert') + 1)
		const cuePages = order.pages.flatMap((p) => (p.kind === 'cues' ? [p.vignetteIds] : []))
		for (const ids of cuePages) expect(ids.length).toBeLessThanOrEqual(4)
		expect(cuePages.flat().sort()).toEqual(CURRENT_INSTRUMENT.vignettes.map((v) => v.id).sort())
	})
})
