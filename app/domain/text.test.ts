import { describe, expect, it } from 'vitest'
import { hasForbiddenCharacters, text } from '#app/domain/text.ts'

const name = text({ required: 'Enter a name', min: 2, max: 10 })
const notes = text({ required: 'Write a note', max: 100, multiline: true })

function firstError(schema: typeof name, value: unknown): string | undefined {
	const result = schema.safeParse(value)
	return result.success ? undefined : result.error.issues[0]?.message
}

describe('text()', () => {
	it('accepts ordinary text, accents, emoji (surrogate pairs) and trims it', () => {
		expect(name.parse('  Zoë 🙂 ')).toBe('Zoë 🙂')
		expect(notes.parse('line one\n\tline two')).toBe('line one\n\tline two')
	})

	it.each([
		['NUL', 'ab\u0000cd'],
		['bell', 'ab\u0007cd'],
		['escape', 'ab\u001Bcd'],
		['DEL', 'ab\u007Fcd'],
		['U+FFFE', 'ab\uFFFEcd'],
		['U+FFFF', 'ab\uFFFFcd'],
		['lone high surrogate', 'ab\uD83Dcd'],
		['lone low surrogate', 'ab\uDE42cd'],
		['tab in a single-line field', 'ab\tcd'],
		['newline in a single-line field', 'ab\ncd'],
	])('refuses %s with a message', (_label, value) => {
		expect(firstError(name, value)).toMatch(/control characters/)
	})

	it('keeps tab and newline only in multi-line fields, still refusing NUL there', () => {
		expect(notes.safeParse('a\u0000b').success).toBe(false)
		expect(notes.safeParse('a\r\nb').success).toBe(true)
	})

	it('says what is wrong with the length and with a missing value', () => {
		expect(firstError(name, undefined)).toBe('Enter a name')
		expect(firstError(name, '   ')).toBe('Enter a name')
		expect(firstError(name, 'a')).toMatch(/at least 2/)
		expect(firstError(name, 'abcdefghijk')).toMatch(/at most 10/)
	})

	it('hasForbiddenCharacters agrees with the schema', () => {
		expect(hasForbiddenCharacters('plain')).toBe(false)
		expect(hasForbiddenCharacters('x\u0000')).toBe(true)
		expect(hasForbiddenCharacters('x\n', true)).toBe(false)
	})
})
