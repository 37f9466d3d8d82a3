import { describe, expect, it } from 'vitest'
import { checkRequestOrigin } from '#app/security/origin-check.ts'

const expectedOrigin = 'http://localhost:3000'

describe('checkRequestOrigin', () => {
	it('lets reads through whatever their origin', () => {
		expect(
			checkRequestOrigin({ method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site', expectedOrigin }),
		).toEqual({ ok: true })
	})

	it('refuses a POST from another site', () => {
		const verdict = checkRequestOrigin({
			method: 'POST',
			origin: 'https://evil.example',
			secFetchSite: undefined,
			expectedOrigin,
		})
		expect(verdict.ok).toBe(false)
	})

	it('refuses cross-site and same-site fetch metadata even with a matching origin', () => {
		for (const site of ['cross-site', 'same-site']) {
			expect(
				checkRequestOrigin({ method: 'POST', origin: expectedOrigin, secFetchSite: site, expectedOrigin }).ok,
			).toBe(false)
		}
	})

	it('refuses the opaque "null" origin sent by sandboxed frames', () => {
		expect(checkRequestOrigin({ method: 'DELETE', origin: 'null', secFetchSite: undefined, expectedOrigin }).ok).toBe(
			false,
		)
	})

	it('accepts a same-origin form post', () => {
		expect(
			checkRequestOrigin({ method: 'POST', origin: expectedOrigin, secFetchSite: 'same-origin', expectedOrigin }),
		).toEqual({ ok: true })
	})
})
