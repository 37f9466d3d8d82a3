import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BLIND_RATING_FILE, KAPPA_BAR, blindRatingAgreement } from '#app/domain/assessment/cue-rating.ts'
import { CURRENT_INSTRUMENT } from '#app/domain/assessment/item-bank.ts'

describe('the cue key against a blind rating', () => {
	it('reports every disagreement and unrated vignette', () => {
		const ratings = Object.fromEntries(CURRENT_INSTRUMENT.vignettes.map((v) => [v.id, v.answer]))
		const [first, second] = CURRENT_INSTRUMENT.vignettes
		ratings[first!.id] = first!.answer === 'director' ? 'analyst' : 'director'
		delete ratings[second!.id]
		const r = blindRatingAgreement(CURRENT_INSTRUMENT, { instrumentVersion: CURRENT_INSTRUMENT.version, ratings })
		expect(r.missing).toEqual([second!.id])
		expect(r.disagreements).toHaveLength(1)
		expect(r.kappa).toBeLessThan(1)
		expect(() => blindRatingAgreement(CURRENT_INSTRUMENT, { instrumentVersion: 'style-v1', ratings })).toThrow()
	})

	// The independent rating is made by someone who saw only `scripts/cue-kappa.ts --sheet`. Until
	// that file is in the repository this test is skipped, and docs/assessment.md says κ is not yet known.
	it.skipIf(!existsSync(BLIND_RATING_FILE))(`reaches κ ≥ ${KAPPA_BAR} against ${BLIND_RATING_FILE}`, () => {
		const rating = JSON.parse(readFileSync(BLIND_RATING_FILE, 'utf8'))
		const r = blindRatingAgreement(CURRENT_INSTRUMENT, rating)
		expect(r.missing).toEqual([])
		expect(r.kappa).toBeGreaterThanOrEqual(KAPPA_BAR)
	})
})
