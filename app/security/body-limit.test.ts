import { describe, expect, it } from 'vitest'
import { BODY_LIMITS, bodyLimitFor, readCapped } from '#app/security/body-limit.ts'

// A body of unknown length that counts how much of it was pulled.
function countingBody(chunks: number, chunkSize: number) {
	let pulled = 0
	const stream = new ReadableStream<Uint8Array>(
		{
			pull(controller) {
				if (pulled >= chunks * chunkSize) return controller.close()
				pulled += chunkSize
				controller.enqueue(new Uint8Array(chunkSize).fill(97))
			},
		},
		{ highWaterMark: 0 },
	)
	return { stream, pulled: () => pulled }
}

describe('readCapped', () => {
	it('stops reading at the cap: 300 MB offered, one chunk past 16 KiB read', async () => {
		const body = countingBody(300 * 1024, 1024)
		const result = await readCapped(body.stream, BODY_LIMITS.auth)
		expect(result.ok).toBe(false)
		expect(body.pulled()).toBeLessThanOrEqual(BODY_LIMITS.auth + 1024)
	})

	it('returns a body under the cap whole', async () => {
		const body = countingBody(4, 1024)
		const result = await readCapped(body.stream, BODY_LIMITS.auth)
		expect(result.ok && result.bytes.byteLength).toBe(4096)
	})
})

describe('bodyLimitFor', () => {
	it('gives sign-in, sign-up and invitations the small cap and everything else the default', () => {
		expect(bodyLimitFor('/login')).toBe(BODY_LIMITS.auth)
		expect(bodyLimitFor('/signup')).toBe(BODY_LIMITS.auth)
		expect(bodyLimitFor('/invitations/abc_DEF-123')).toBe(BODY_LIMITS.auth)
		expect(bodyLimitFor('/teams')).toBe(BODY_LIMITS.default)
		expect(bodyLimitFor('/login/../teams')).toBe(BODY_LIMITS.default)
	})
})
