import { describe, expect, it } from 'vitest'
import { CURRENT_INSTRUMENT, type LikertValue } from '#app/domain/assessment/item-bank.ts'
import {
	buildPersonFitModel,
	interItemCorrelation,
	personFit,
	randomResponseIndex,
	scaleDistance,
} from '#app/domain/assessment/person-fit.ts'
import { RANDOM_INDEX_MAX } from '#app/domain/assessment/quality.ts'
import { createRandom } from '#app/domain/assessment/random.ts'

describe('person-fit (one-factor Mahalanobis distance)', () => {
	it('matches the textbook D² for a one-factor covariance', () => {
		// Σ = (1 − ρ)I + ρ11ᵀ for k = 2 and ρ = .5: Σ⁻¹ = [[4/3, −2/3], [−2/3, 4/3]].
		const z = [1, -1]
		expect(scaleDistance(z, 0.5)).toBeCloseTo((4 / 3) * 1 + (4 / 3) * 1 + 2 * (2 / 3), 10)
		expect(scaleDistance([1, 1], 0.5)).toBeCloseTo(4 / 3 + 4 / 3 - 4 / 3, 10)
	})

	it('inverts Spearman–Brown: k items at ρ give back α', () => {
		const rho = interItemCorrelation(0.9, 20)
		expect((20 * rho) / (1 + 19 * rho)).toBeCloseTo(0.9, 10)
	})

	it('scores a consistent pattern low and a random one high', () => {
		const model = buildPersonFitModel(
			CURRENT_INSTRUMENT,
			{
				assertiveness: { mean: 3, itemSd: 1.2, alpha: 0.83 },
				responsiveness: { mean: 3, itemSd: 1.2, alpha: 0.83 },
			},
			{ mean: 3, itemSd: 1.2, alpha: 0.7 },
		)
		const consistent: Record<string, LikertValue> = {}
		for (const item of CURRENT_INSTRUMENT.likertItems) {
			consistent[item.id] = item.kind === 'axis' ? (item.keying === 'forward' ? 4 : 2) : 3
		}
		const random = createRandom(11)
		const fits = Array.from({ length: 200 }, () => {
			const answers: Record<string, LikertValue> = {}
			for (const item of CURRENT_INSTRUMENT.likertItems) answers[item.id] = (1 + random.int(5)) as LikertValue
			return personFit(answers, model) as number
		}).sort((a, b) => a - b)
		expect(personFit(consistent, model)).toBeLessThan(0.5)
		expect(fits[100]).toBeGreaterThan(1.5)
	})

	it('the random-responding index prefers "random" for uniform answers and "attentive" for patterned ones', () => {
		const model = buildPersonFitModel(
			CURRENT_INSTRUMENT,
			{
				assertiveness: { mean: 3, itemSd: 1.2, alpha: 0.83 },
				responsiveness: { mean: 3, itemSd: 1.2, alpha: 0.83 },
			},
			{ mean: 3, itemSd: 1.2, alpha: 0.7 },
		)
		const random = createRandom(12)
		const uniform = Array.from({ length: 200 }, () => {
			const answers: Record<string, LikertValue> = {}
			for (const item of CURRENT_INSTRUMENT.likertItems) answers[item.id] = (1 + random.int(5)) as LikertValue
			return randomResponseIndex(answers, model) as number
		}).sort((a, b) => a - b)
		// At least 80% of uniform patterns are above the flag threshold.
		expect(uniform[40]).toBeGreaterThan(RANDOM_INDEX_MAX)
		// A clear "tells, task" person, one step of noise on every fourth statement.
		const patterned: Record<string, LikertValue> = {}
		CURRENT_INSTRUMENT.likertItems.forEach((item, i) => {
			const keyed = item.kind === 'axis' ? (item.axis === 'assertiveness' ? 4 : 2) : 3
			const noisy = i % 4 === 0 ? keyed + (i % 8 === 0 ? 1 : -1) : keyed
			const reverse = (item.kind === 'axis' || item.kind === 'stress') && item.keying === 'reverse'
			patterned[item.id] = (reverse ? 6 - noisy : noisy) as LikertValue
		})
		expect(randomResponseIndex(patterned, model)).toBeLessThan(-0.3)
		// All-same answers fit the attentive reference (a person with a strong acquiescence): the
		// long-string check catches those, not this index.
		const same = Object.fromEntries(CURRENT_INSTRUMENT.likertItems.map((item) => [item.id, 4 as LikertValue]))
		expect(randomResponseIndex(same, model)).toBeLessThan(0)
		expect(randomResponseIndex({}, model)).toBeNull()
	})
})
