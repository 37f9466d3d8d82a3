import { describe, expect, it } from 'vitest'
import { signValue, verifySignedValue } from '#app/utils/crypto.server.ts'

const secret = 'x'.repeat(40)

describe('signed values', () => {
	it('reads back what it signed', () => {
		const token = signValue('preview', { p: ['a', 'b'] }, secret)
		expect(verifySignedValue('preview', token, secret)).toEqual({ p: ['a', 'b'] })
	})

	it('refuses a changed body, a changed signature, another purpose or another secret', () => {
		const token = signValue('preview', { p: ['a'] }, secret)
		const [body, sig] = token.split('.') as [string, string]
		const forgedBody = Buffer.from(JSON.stringify({ p: ['b'] })).toString('base64url')
		expect(verifySignedValue('preview', `${forgedBody}.${sig}`, secret)).toBeUndefined()
		expect(verifySignedValue('preview', `${body}.${sig.slice(0, -2)}AA`, secret)).toBeUndefined()
		expect(verifySignedValue('other', token, secret)).toBeUndefined()
		expect(verifySignedValue('preview', token, 'y'.repeat(40))).toBeUndefined()
		expect(verifySignedValue('preview', 'garbage', secret)).toBeUndefined()
		expect(verifySignedValue('preview', `${token}.x`, secret)).toBeUndefined()
	})
})
