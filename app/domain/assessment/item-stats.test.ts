import { describe, expect, it } from 'vitest'
import type { LikertAnswers } from '#app/domain/assessment/answers.ts'
import { CURRENT_INSTRUMENT, axisItems, type LikertValue } from '#app/domain/assessment/item-bank.ts'
import { MIN_RESPONSES_FOR_STATS, cronbachAlpha, itemStatistics } from '#app/domain/assessment/item-stats.ts'
import { deriveNorms } from '#app/domain/assessment/norms.ts'
import { createRandom } from '#app/domain/assessment/random.ts'

const instrument = CURRENT_INSTRUMENT

describe('cronbachAlpha', () => {
	it('matches a hand-computed value', () => {
		const matrix = [
			[1, 2, 2],
			[2, 3, 3],
			[3, 3, 4],
			[4, 5, 5],
		]
		expect(cronbachAlpha(matrix)).toBeCloseTo(0.982456, 5)
	})

	it('is undefined without spread or with fewer than two items', () => {
		expect(
			cronbachAlpha([
				[3, 3],
				[3, 3],
			]),
		).toBeNull()
		expect(cronbachAlpha([[1], [2]])).toBeNull()
		expect(cronbachAlpha([])).toBeNull()
	})
})

/** Respondents whose answers follow a personal level on each axis, plus noise. */
function population(n: number, noise: number, seed: number): LikertAnswers[] {
	const random = createRandom(seed)
	const clamp = (v: number) => Math.min(5, Math.max(1, Math.round(v))) as LikertValue
	return Array.from({ length: n }, () => {
		const level = { assertiveness: random.normal(), responsiveness: random.normal() }
		const out: LikertAnswers = {}
		for (const item of instrument.likertItems) {
			if (item.kind !== 'axis') continue
			const sign = item.keying === 'forward' ? 1 : -1
			out[item.id] = clamp(3 + sign * level[item.axis] + random.normal() * noise)
		}
		return out
	})
}

describe('itemStatistics', () => {
	it('re-keys reverse items so that every item correlates positively with the rest of its axis', () => {
		const stats = itemStatistics(population(300, 0.8, 1), instrument)
		for (const axis of ['assertiveness', 'responsiveness'] as const) {
			const s = stats.axes[axis]
			expect(s.n).toBe(300)
			expect(s.enough).toBe(true)
			expect(s.alpha).toBeGreaterThan(0.8)
			expect(s.items).toHaveLength(axisItems(instrument, axis).length)
			for (const item of s.items) expect(item.correctedItemTotal).toBeGreaterThan(0.3)
		}
	})

	it('reports raw item means, so a reverse item people disagree with has a low mean', () => {
		// Everyone tells (forward 5) and so rejects the "asks" antonyms (reverse 1).
		const responses = Array.from({ length: 10 }, (_, i) => {
			const out: LikertAnswers = {}
			for (const item of axisItems(instrument, 'assertiveness'))
				out[item.id] = item.keying === 'forward' ? 5 : i % 2 === 0 ? 1 : 2
			return out
		})
		const items = itemStatistics(responses, instrument).axes.assertiveness.items
		expect(items.find((i) => i.id === 'as-01f')?.mean).toBe(5)
		expect(items.find((i) => i.id === 'as-01r')?.mean).toBe(1.5)
	})

	it('reports lower reliability when answers are noisier', () => {
		const tidy = itemStatistics(population(300, 0.5, 2), instrument).axes.assertiveness.alpha ?? 0
		const noisy = itemStatistics(population(300, 2, 2), instrument).axes.assertiveness.alpha ?? 1
		expect(noisy).toBeLessThan(tidy - 0.1)
	})

	it('skips incomplete responses and says when there are too few', () => {
		const responses = population(20, 1, 3)
		responses.push({ 'as-01f': 5 })
		const stats = itemStatistics(responses, instrument)
		expect(stats.responses).toBe(21)
		expect(stats.axes.assertiveness.n).toBe(20)
		expect(stats.axes.assertiveness.enough).toBe(20 >= MIN_RESPONSES_FOR_STATS)
	})
})

describe('deriveNorms', () => {
	it('builds per-organisation norms from enough responses', () => {
		const derived = deriveNorms({ id: 'acme', source: 'Acme, 2025', responses: population(400, 0.8, 4), instrument })
		if (!derived.ok) throw new Error(derived.reason)
		expect(derived.norms.sampleSize).toBe(400)
		expect(derived.norms.instrumentVersion).toBe(instrument.version)
		expect(derived.norms.axes.assertiveness.observedMean).toBeCloseTo(3, 0)
		expect(derived.norms.axes.assertiveness.sd).toBeGreaterThan(0.5)
	})

	it('refuses with a reason when there are too few responses', () => {
		const derived = deriveNorms({ id: 'tiny', source: 'x', responses: population(10, 1, 5), instrument })
		expect(derived).toEqual({
			ok: false,
			reason: `Norms need at least ${MIN_RESPONSES_FOR_STATS} complete responses; there are 10.`,
		})
	})
})
