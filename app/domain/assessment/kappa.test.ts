import { describe, expect, it } from 'vitest'
import { cohensKappa } from '#app/domain/assessment/kappa.ts'

describe("Cohen's κ", () => {
	it('matches a worked example', () => {
		// 50 items: both yes 20, a yes/b no 5, a no/b yes 10, both no 15 → po = .70, pe = .50, κ = .40.
		const a = [...Array(20).fill('y'), ...Array(5).fill('y'), ...Array(10).fill('n'), ...Array(15).fill('n')]
		const b = [...Array(20).fill('y'), ...Array(5).fill('n'), ...Array(10).fill('y'), ...Array(15).fill('n')]
		const r = cohensKappa(a, b)
		expect(r.observed).toBeCloseTo(0.7, 10)
		expect(r.expected).toBeCloseTo(0.5, 10)
		expect(r.kappa).toBeCloseTo(0.4, 10)
	})

	it('is 1 for perfect agreement and about 0 for agreement at chance', () => {
		expect(cohensKappa(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd']).kappa).toBe(1)
		expect(cohensKappa(['a', 'a', 'b', 'b'], ['a', 'b', 'a', 'b']).kappa).toBeCloseTo(0, 10)
		expect(() => cohensKappa(['a'], [])).toThrow()
	})
})
