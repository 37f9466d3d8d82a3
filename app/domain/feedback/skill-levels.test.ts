import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
	EARLY_DAYS_ATTEMPTS,
	isEarlyDays,
	LEVEL_WEIGHT,
	levelFromScores,
	levelTrend,
	nextLevel,
	type SkillLevel,
} from '#app/domain/feedback/skill-levels.ts'

const scores = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 })

describe('skill levels', () => {
	it('a stored rollup updated one ending at a time equals the recomputation from every attempt', () => {
		fc.assert(
			fc.property(scores, fc.integer({ min: 0, max: 40 }), (all, cut) => {
				// The stored row after the first `cut` attempts, then updated by each later ending.
				let stored: SkillLevel | null = levelFromScores(all.slice(0, cut))
				for (const s of all.slice(cut)) stored = nextLevel(stored, s)
				expect(stored).toEqual(levelFromScores(all))
			}),
		)
	})

	it('weighs recent attempts more: the weighting is documented and exact', () => {
		expect(levelFromScores([0, 0, 1])!.level).toBeCloseTo(LEVEL_WEIGHT)
		expect(levelFromScores([1, 0, 0, 0])!.level).toBeCloseTo((1 - LEVEL_WEIGHT) ** 3)
		expect(levelFromScores([1, 0, 0, 0])!.level).toBeLessThan(levelFromScores([0, 0, 0, 1])!.level)
		expect(levelTrend([1, 0])).toEqual([1, 1 - LEVEL_WEIGHT])
	})

	it('stays within the range of the scores and counts attempts', () => {
		fc.assert(
			fc.property(
				scores.filter((s) => s.length > 0),
				(all) => {
					const l = levelFromScores(all)!
					expect(l.attempts).toBe(all.length)
					expect(l.level).toBeGreaterThanOrEqual(Math.min(...all) - 1e-12)
					expect(l.level).toBeLessThanOrEqual(Math.max(...all) + 1e-12)
				},
			),
		)
	})

	it('is "early days" until enough attempts', () => {
		expect(isEarlyDays(null)).toBe(true)
		expect(isEarlyDays(levelFromScores(new Array(EARLY_DAYS_ATTEMPTS - 1).fill(1)))).toBe(true)
		expect(isEarlyDays(levelFromScores(new Array(EARLY_DAYS_ATTEMPTS).fill(1)))).toBe(false)
	})
})
