import { describe, expect, it } from 'vitest'
import { CURRENT_INSTRUMENT } from '#app/domain/assessment/item-bank.ts'
import { DEFAULT_NORMS } from '#app/domain/assessment/norms.ts'
import { runSimulation, simulationBars } from '#app/domain/assessment/simulation.ts'

describe('simulation study (3,000 respondents, seeded)', () => {
	// A different seed from the benchmark's, so the bars are shown to hold beyond one draw.
	const result = runSimulation({ respondents: 3_000, seed: 7 })

	it.each(simulationBars(result).map((bar) => [bar.label, bar] as const))('meets the bar: %s', (_label, bar) => {
		if (bar.direction === 'min') expect(bar.value).toBeGreaterThanOrEqual(bar.target)
		else expect(bar.value).toBeLessThanOrEqual(bar.target)
	})

	it('recovers the true positions (the scores track θ, and a retest agrees more often than chance)', () => {
		expect(result.validity.assertiveness).toBeGreaterThan(0.9)
		expect(result.validity.responsiveness).toBeGreaterThan(0.9)
		expect(result.retest.quadrantAgreement).toBeGreaterThan(0.6)
		expect(result.straightLiners).toBe(300)
	})

	it('derives norms close to the shipped defaults', () => {
		expect(result.derivedNorms).not.toBeNull()
		for (const axis of ['assertiveness', 'responsiveness'] as const) {
			expect(Math.abs((result.derivedNorms?.axes[axis].observedMean ?? 0) - 3)).toBeLessThan(0.2)
		}
	})
})

describe('runSimulation', () => {
	it('is deterministic for a seed', () => {
		expect(runSimulation({ respondents: 150, seed: 3 })).toEqual(runSimulation({ respondents: 150, seed: 3 }))
		expect(runSimulation({ respondents: 150, seed: 3 }).quadrantAccuracy).not.toBe(
			runSimulation({ respondents: 150, seed: 4 }).quadrantAccuracy,
		)
	})

	it('fails the bars for an instrument too short to be reliable', () => {
		// The bars can fail: one antonym pair per axis cannot place people well.
		const short = {
			...CURRENT_INSTRUMENT,
			version: 'test-short',
			likertItems: CURRENT_INSTRUMENT.likertItems.filter((i) => i.kind !== 'axis' || i.id.includes('-01')),
		}
		const norms = { ...DEFAULT_NORMS, instrumentVersion: 'test-short' }
		const bars = simulationBars(runSimulation({ respondents: 1_000, seed: 1, instrument: short, norms }))
		expect(bars.find((b) => b.id === 'quadrant-accuracy')?.pass).toBe(false)
		expect(bars.find((b) => b.id === 'alpha-assertiveness')?.pass).toBe(false)
	})
})
