import { describe, expect, it } from 'vitest'
import {
	CURRENT_INSTRUMENT,
	INSTRUMENT_VERSION,
	LIKERT_LABELS,
	MIN_SCORED_PAIRS,
	axisItems,
	getInstrument,
	isRoleBound,
	type Instrument,
	type LikertItem,
	stressItemsOf,
} from '#app/domain/assessment/item-bank.ts'
import { SIMULATION_MODEL } from '#app/domain/assessment/simulation.ts'
import { AXES, STRESS_REACTIONS, STYLES } from '#app/domain/style.ts'

const instrument = CURRENT_INSTRUMENT

describe('the current (style-v3) item bank', () => {
	it('is the current, versioned instrument', () => {
		expect(instrument.version).toBe(INSTRUMENT_VERSION)
		expect(getInstrument('style-v3')).toBe(instrument)
		expect(getInstrument('style-v2')?.version).toBe('style-v2')
		// Older results keep the version they were scored with, so it stays readable.
		expect(getInstrument('style-v1')?.version).toBe('style-v1')
		expect(getInstrument('style-v0')).toBeUndefined()
		expect(getInstrument('toString')).toBeUndefined()
	})

	it('offers "doesn\'t apply" on whole antonym pairs only, and every axis keeps enough pairs when all of them apply not', () => {
		const byId = new Map(instrument.likertItems.map((i) => [i.id, i]))
		for (const item of instrument.likertItems) {
			if (item.kind !== 'axis' || !item.antonymOf) continue
			expect(isRoleBound(item), item.id).toBe(isRoleBound(byId.get(item.antonymOf) as LikertItem))
		}
		for (const axis of AXES) {
			const pairs = axisItems(instrument, axis).filter((i) => i.antonymOf)
			expect(pairs.filter((i) => !isRoleBound(i)).length).toBeGreaterThanOrEqual(MIN_SCORED_PAIRS)
			expect(pairs.some((i) => isRoleBound(i))).toBe(true)
		}
		for (const reaction of STRESS_REACTIONS) {
			expect(stressItemsOf(instrument, reaction).filter((i) => !isRoleBound(i)).length).toBeGreaterThanOrEqual(3)
		}
		// Only the offer changed: style-v3 has style-v2's statements word for word.
		const v2 = getInstrument('style-v2') as Instrument
		expect(instrument.likertItems.map((i) => [i.id, i.text])).toEqual(v2.likertItems.map((i) => [i.id, i.text]))
		expect(v2.likertItems.some(isRoleBound)).toBe(false)
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

	it('has more than one instructed item, each naming the answer it asks for', () => {
		const checks = instrument.likertItems.filter((i) => i.kind === 'instructed')
		expect(checks.length).toBeGreaterThanOrEqual(2)
		for (const check of checks) {
			if (check.kind !== 'instructed') throw new Error('not an instructed item')
			expect(check.text).toContain(`'${LIKERT_LABELS[check.expected]}'`)
		}
		expect(new Set(checks.map((c) => c.kind === 'instructed' && c.expected)).size).toBe(checks.length)
	})

	it('words no statement, forward or reverse, with a negation (negations are misread)', () => {
		const negation = /\b(not|don't|do not|doesn't|never|no|isn't|rarely|seldom|hardly)\b|n't\b/i
		for (const item of instrument.likertItems.filter((i) => i.kind === 'axis')) {
			expect(item.text, item.id).not.toMatch(negation)
		}
	})

	it('has at least 6 stress items per reaction, at least one reverse-keyed', () => {
		for (const reaction of STRESS_REACTIONS) {
			const items = stressItemsOf(instrument, reaction)
			expect(items.length).toBeGreaterThanOrEqual(6)
			expect(items.some((i) => i.keying === 'reverse')).toBe(true)
		}
	})

	it('rewrote the double-barrelled and off-construct statements of style-v1', () => {
		const v1 = getInstrument('style-v1')
		for (const id of ['re-02f', 're-06r', 're-09f', 're-09r', 'as-08f', 'as-10r', 'st-withdraw-1', 'st-withdraw-3']) {
			const now = instrument.likertItems.find((i) => i.id === id)?.text
			expect(now, id).toBeDefined()
			expect(now, id).not.toBe(v1?.likertItems.find((i) => i.id === id)?.text)
			// One idea per statement: no "and"/"or" joining two behaviours.
			expect(now, id).not.toMatch(/\b(and|or)\b/)
		}
	})

	it("has 22 cue vignettes with no surface giveaway, within the 12-minute median at the project's timings", () => {
		expect(instrument.vignettes).toHaveLength(22)
		for (const style of STYLES) {
			const own = instrument.vignettes.filter((v) => v.answer === style)
			expect(own.length).toBeGreaterThanOrEqual(5)
			expect(new Set(own.map((v) => v.channel)).size, style).toBeGreaterThanOrEqual(3)
		}
		for (const v of instrument.vignettes) {
			// The old giveaways: "!!", apologies, numbered questions; contractions mark a chatty register.
			expect(v.quote, v.id).not.toMatch(/!|sorry|\b\d+\.\s|[’']/i)
			expect(v.setting, v.id).not.toMatch(/director|head|senior|boss/i)
		}
		const settings = new Map<string, Set<string>>()
		for (const v of instrument.vignettes) settings.set(v.setting, (settings.get(v.setting) ?? new Set()).add(v.answer))
		expect([...settings.values()].filter((styles) => styles.size === 1).length).toBeLessThanOrEqual(2)
		const m = SIMULATION_MODEL
		const statements = instrument.likertItems.length
		const seconds = statements * m.secondsPerItem.median + instrument.vignettes.length * m.secondsPerVignette
		expect(seconds / 60).toBeLessThanOrEqual(12)
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
