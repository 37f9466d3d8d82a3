import { describe, expect, it } from 'vitest'
import { buildAssessmentOrder } from '#app/domain/assessment/order.ts'
import { pageProgress } from '#app/domain/assessment/progress.ts'
import { CURRENT_INSTRUMENT } from '#app/domain/assessment/item-bank.ts'

describe('pageProgress', () => {
	const order = buildAssessmentOrder(1234)
	const total = CURRENT_INSTRUMENT.likertItems.length + CURRENT_INSTRUMENT.vignettes.length

	it('numbers questions across every page, Likert and cue reading alike', () => {
		const first = pageProgress(order, 0)
		expect(first.firstQuestion).toBe(1)
		expect(first.totalQuestions).toBe(total)
		const last = pageProgress(order, order.pages.length - 1)
		expect(last.lastQuestion).toBe(total)
		expect(last.isLastPage).toBe(true)
		expect(first.isLastPage).toBe(false)
	})

	it('continues where the previous page stopped', () => {
		for (let i = 1; i < order.pages.length; i++) {
			expect(pageProgress(order, i).firstQuestion).toBe(pageProgress(order, i - 1).lastQuestion + 1)
		}
	})
})
