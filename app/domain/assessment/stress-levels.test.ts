import { describe, expect, it } from 'vitest'
import { leadingReaction, stressLevels } from '#app/domain/assessment/stress-levels.ts'

const result = (scores: { take_over: number; push_harder: number; give_in: number; withdraw: number }) => ({
	instrumentVersion: 'style-v2',
	stress: { scores, elevated: [], primary: null },
})

describe('stressLevels', () => {
	it('gives each reaction a score, a standard error, an 80% band and a level', () => {
		const levels = stressLevels(result({ take_over: 4.5, push_harder: 3.2, give_in: 1.5, withdraw: 2.6 }))
		expect(levels.take_over).toMatchObject({ score: 4.5, level: 'elevated' })
		expect(levels.take_over.se).toBeCloseTo(0.77 * Math.sqrt(1 - 0.78), 10)
		expect(levels.take_over.band.low).toBeCloseTo(4.5 - 1.28 * levels.take_over.se, 10)
		expect(levels.push_harder.level).toBe('typical')
		expect(levels.give_in.level).toBe('low')
		// 2.6 disagrees, but its band reaches the midpoint: not clearly low.
		expect(levels.withdraw.level).toBe('typical')
	})

	it('uses the reliability of the version the result was scored with', () => {
		const v1 = stressLevels({
			...result({ take_over: 3.6, push_harder: 3, give_in: 3, withdraw: 3 }),
			instrumentVersion: 'style-v1',
		})
		const v2 = stressLevels(result({ take_over: 3.6, push_harder: 3, give_in: 3, withdraw: 3 }))
		expect(v1.take_over.se).toBeGreaterThan(v2.take_over.se)
		// 3.6 with v1's wider band reaches below the midpoint; with v2's it does not.
		expect(v1.take_over.level).toBe('typical')
		expect(v2.take_over.level).toBe('elevated')
	})
})

describe('leadingReaction', () => {
	it('names a reaction only when it leads the next beyond their joint error', () => {
		expect(leadingReaction(stressLevels(result({ take_over: 4.8, push_harder: 3, give_in: 2, withdraw: 2 })))).toBe(
			'take_over',
		)
		expect(
			leadingReaction(stressLevels(result({ take_over: 4.2, push_harder: 4, give_in: 2, withdraw: 2 }))),
		).toBeNull()
		expect(
			leadingReaction(stressLevels(result({ take_over: 3.2, push_harder: 2, give_in: 2, withdraw: 2 }))),
		).toBeNull()
	})
})
