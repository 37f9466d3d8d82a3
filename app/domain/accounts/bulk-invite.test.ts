import { describe, expect, it } from 'vitest'
import { BULK_INVITE_MAX, parseEmailList } from '#app/domain/accounts/bulk-invite.ts'

describe('parseEmailList', () => {
	it('reads one address per line, lower-cased, with commas, semicolons and display names', () => {
		const { emails, problems } = parseEmailList(
			'Ada@Example.com\n\n  bo@example.com, cy@example.com;\nDee Doe <dee@example.com>\r\n',
		)
		expect(problems).toEqual([])
		expect(emails).toEqual(['ada@example.com', 'bo@example.com', 'cy@example.com', 'dee@example.com'])
	})

	it('reports every bad line and every repeat with its line number', () => {
		const { emails, problems } = parseEmailList('ok@example.com\nnot an email\nOK@example.com\n@nope')
		expect(emails).toEqual(['ok@example.com'])
		expect(problems).toEqual([
			{ line: 2, text: 'not an email', message: 'is not a valid email address' },
			{ line: 3, text: 'ok@example.com', message: 'is already on line 1' },
			{ line: 4, text: '@nope', message: 'is not a valid email address' },
		])
	})

	it('refuses an empty list and a list over the limit', () => {
		expect(parseEmailList('  \n ').problems).toEqual([
			{ line: 1, text: '', message: 'Paste at least one email address' },
		])
		const many = Array.from({ length: BULK_INVITE_MAX + 1 }, (_, i) => `p${i}@example.com`).join('\n')
		expect(parseEmailList(many).problems.map((p) => p.message)).toEqual([
			`At most ${BULK_INVITE_MAX} addresses at a time`,
		])
	})
})
