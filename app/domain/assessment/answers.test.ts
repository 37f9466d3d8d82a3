import { describe, expect, it } from 'vitest'
import { getInstrument, type Instrument } from '#app/domain/assessment/item-bank.ts'
import { cueAnswersSchema, likertAnswersSchema, pageTimingSchema } from '#app/domain/assessment/answers.ts'
import { CURRENT_INSTRUMENT } from '#app/domain/assessment/item-bank.ts'

const instrument = CURRENT_INSTRUMENT
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]))

describe('likertAnswersSchema', () => {
	it('accepts form strings and numbers and returns numbers', () => {
		expect(likertAnswersSchema(instrument).parse({ 'as-01f': '4', 're-03r': 2 })).toEqual({ 'as-01f': 4, 're-03r': 2 })
	})

	it('rejects unknown statement ids, naming them', () => {
		const m = messages(likertAnswersSchema(instrument).safeParse({ 'as-01f': 3, 'as-99f': 3 }))
		expect(m['as-99f']).toMatch(/"as-99f" is not a question/)
		expect(m['as-01f']).toBeUndefined()
	})

	it('rejects values outside 1..5 and non-numbers with a clear message', () => {
		const m = messages(
			likertAnswersSchema(instrument).safeParse({ 'as-01f': 6, 'as-02f': 0, 'as-03f': '3.5', 'as-04f': 'yes' }),
		)
		expect(m['as-01f']).toBe('Answers go from 1 (strongly disagree) to 5 (strongly agree)')
		// 0 is "doesn't apply", offered on role-bound statements only (as-02f is not one).
		expect(m['as-02f']).toMatch(/offered only on statements about a customer-facing role/)
		expect(m['as-03f']).toMatch(/Choose an answer/)
		expect(m['as-04f']).toMatch(/Choose an answer/)
	})

	it('for a page, requires every statement on it and nothing else', () => {
		const schema = likertAnswersSchema(instrument, { page: ['as-01f', 're-01f'] })
		expect(schema.safeParse({ 'as-01f': 3, 're-01f': 5 }).success).toBe(true)
		const m = messages(schema.safeParse({ 'as-01f': 3, 'as-02f': 2 }))
		expect(m['re-01f']).toBe('Choose an answer for this statement')
		expect(m['as-02f']).toMatch(/not a question on this page/)
	})

	it('for scoring, requires every statement of the instrument', () => {
		const all = Object.fromEntries(instrument.likertItems.map((i) => [i.id, 3]))
		expect(likertAnswersSchema(instrument, 'complete').safeParse(all).success).toBe(true)
		const { 'st-withdraw-2': _dropped, ...missingOne } = all
		expect(messages(likertAnswersSchema(instrument, 'complete').safeParse(missingOne))).toEqual({
			'st-withdraw-2': 'Choose an answer for this statement',
		})
	})

	it('rejects something that is not a set of answers', () => {
		expect(likertAnswersSchema(instrument).safeParse(['3']).success).toBe(false)
		expect(likertAnswersSchema(instrument).safeParse(null).success).toBe(false)
	})
})

describe('cueAnswersSchema', () => {
	it('accepts one of the four styles for a known vignette', () => {
		expect(cueAnswersSchema(instrument).parse({ 'cue3-14': 'director' })).toEqual({ 'cue3-14': 'director' })
	})

	it('rejects unknown styles and vignettes with a clear message', () => {
		const m = messages(cueAnswersSchema(instrument).safeParse({ 'cue3-14': 'driver', 'cue-99': 'analyst' }))
		expect(m['cue3-14']).toBe('Choose one of Director, Energizer, Harmonizer, Analyst')
		expect(m['cue-99']).toMatch(/not a question/)
	})
})

describe('pageTimingSchema', () => {
	it('takes whole milliseconds and at least one item', () => {
		expect(pageTimingSchema.safeParse({ itemCount: 8, durationMs: 40_000 }).success).toBe(true)
		expect(pageTimingSchema.safeParse({ itemCount: 0, durationMs: 40_000 }).success).toBe(false)
		expect(pageTimingSchema.safeParse({ itemCount: 8, durationMs: -1 }).success).toBe(false)
	})

	it('accepts "doesn\'t apply" (0) on a role-bound statement of style-v3 only', () => {
		const v3 = getInstrument('style-v3') as Instrument
		expect(v3.likertItems.find((i) => i.id === 'as-03f')).toMatchObject({ roleBound: true })
		expect(likertAnswersSchema(v3).safeParse({ 'as-03f': '0', 'st-give-in-1': 0 }).data).toEqual({
			'as-03f': 0,
			'st-give-in-1': 0,
		})
		expect(likertAnswersSchema(v3).safeParse({ 'as-01f': 0 }).success).toBe(false)
		// style-v2 had no such option, even on the same statement.
		expect(likertAnswersSchema(getInstrument('style-v2') as Instrument).safeParse({ 'as-03f': 0 }).success).toBe(false)
	})
})
