import { describe, expect, it } from 'vitest'
import { craftedRedirectTargets, leavesSite } from '#tests/support/redirect-targets.ts'
import { PASSWORD_MAX, loginSchema, safeRedirect, signupSchema } from '#app/domain/accounts/forms.ts'

describe('signupSchema', () => {
	const valid = { organisationName: 'Acme', name: 'Ada', email: ' Ada@Example.COM ', password: 'correct horse' }

	it('normalises the email', () => {
		expect(signupSchema.parse(valid).email).toBe('ada@example.com')
	})

	it('accepts a 64-character passphrase unchanged (never truncated)', () => {
		const password = 'x'.repeat(63) + 'y'
		expect(signupSchema.parse({ ...valid, password }).password).toBe(password)
	})

	it('explains what is wrong with each field', () => {
		const result = signupSchema.safeParse({ organisationName: 'A', name: '', email: 'nope', password: 'short' })
		expect(result.success).toBe(false)
		const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]))
		expect(messages.organisationName).toMatch(/at least 2/)
		expect(messages.email).toMatch(/valid email/)
		expect(messages.password).toMatch(/at least 8/)
	})

	it('refuses absurdly long passwords', () => {
		expect(loginSchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(PASSWORD_MAX + 1) }).success).toBe(false)
	})
})

describe('safeRedirect', () => {
	it('keeps same-site paths and drops everything else', () => {
		expect(safeRedirect('/members?x=1')).toBe('/members?x=1')
		expect(safeRedirect('//evil.example')).toBe('/home')
		expect(safeRedirect('https://evil.example')).toBe('/home')
		expect(safeRedirect('/\\evil.example')).toBe('/home')
		expect(safeRedirect(undefined)).toBe('/home')
	})

	it.each(craftedRedirectTargets)('never leaves the site, nor returns a header-breaking byte: %j', (target) => {
		const location = safeRedirect(target)
		expect(leavesSite(location, 'https://attune.example')).toBe(false)
		expect(location).toMatch(/^\/(?![/\\])[\x21-\x7E]*$/)
	})

	it('keeps an ordinary target with its query and hash, normalised', () => {
		expect(safeRedirect('/play/abc?step=2#now')).toBe('/play/abc?step=2#now')
		expect(safeRedirect('/teams/../members')).toBe('/members')
		expect(safeRedirect('/ẹ')).toBe('/%E1%BA%B9')
	})
})
