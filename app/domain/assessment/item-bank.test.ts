import { describe, expect, it } from 'vitest'
import {
	CURRENT_INSTRUMENT,
	INSTRUMENT_VERSION,
	LIKERT_LABELS,
	axisItems,
	getInstrument,
	stressItemsOf,
} from '#app/domain/assessment/item-bank.ts'
import { AXES, STRESS_REACTIONS, STYLES } from '#app/domain/style.ts'

const instrument = CURRENT_INSTRUMENT

describe('the style-v1 item bank', () => {
	it('is the current, versioned instrument', () => {
		expect(instrument.version).toBe(INSTRUMENT_VERSION)
		expect(getInstrument('style-v1')).toBe(instrument)
		expect(getInstrument('style-v0')).toBeUndefined()
		expect(getInstrument('toString')).toBeUndefined()
	})

	it('has unique ids across statements and vignettes', () => {
		const ids = [...instrument.likertItems.map((i) => i.id), ...instrument.vignettes.map((v) => v.id)]
		expect(new Set(ids).size).toBe(ids.length)
	})

	it.each(AXES)('has at least 10 %s items, 40–60%% of them reverse-keyed', (axis) => {
		const items = axisItems(instrument, axis)
		expect(items.length).toBeGreaterThanOrEqual(10)
		const reverse = items.filter((i) => i.keying === 'reverse').length / items.length
		expect(reverse).toBeGreaterThanOrEqual(0.4)
		expect(reverse).toBeLessThanOrEqual(0.6)
	})

	it('words reverse items as antonyms of a forward item on the same axis, never as negations', () => {
		const negation = /\b(not|don't|do not|doesn't|never|no|isn't|rarely|seldom|hardly)\b|n't\b/i
		for (const axis of AXES) {
			const items = axisItems(instrument, axis)
			for (const item of items.filter((i) => i.keying === 'reverse')) {
				const partner = items.find((i) => i.id === item.antonymOf)
				expect(partner?.keying, item.id).toBe('forward')
				expect(item.text, item.id).not.toMatch(negation)
			}
		}
	})

	it('has at least 3 stress items for each backup reaction', () => {
		for (const reaction of STRESS_REACTIONS)
			expect(stressItemsOf(instrument, reaction).length).toBeGreaterThanOrEqual(3)
	})

	it("has one instructed item that asks for 'Agree'", () => {
		const checks = instrument.likertItems.filter((i) => i.kind === 'instructed')
		expect(checks).toHaveLength(1)
		const [check] = checks
		if (check?.kind !== 'instructed') throw new Error('no instructed item')
		expect(check.text).toContain(LIKERT_LABELS[check.expected])
		expect(LIKERT_LABELS[check.expected]).toBe('Agree')
	})

	it('has at least two cue vignettes per style, each with an explanation of the cue', () => {
		expect(instrument.vignettes.length).toBeGreaterThanOrEqual(8)
		for (const style of STYLES) {
			expect(instrument.vignettes.filter((v) => v.answer === style).length).toBeGreaterThanOrEqual(2)
		}
		for (const v of instrument.vignettes) {
			expect(v.quote.length).toBeGreaterThan(10)
			expect(v.cue.length).toBeGreaterThan(40)
			// Ids end up in form fields, so they must not give the answer away.
			expect(v.id).not.toMatch(/director|energizer|harmonizer|analyst/i)
		}
	})

	it("uses only our own style names, not other vendors' trademarked labels", () => {
		const text = JSON.stringify(instrument)
		expect(text).not.toMatch(/\b(Driver|Amiable|Expressive|Analytical|Dominance|Steadiness|Conscientiousness|DISC)\b/)
	})
})
