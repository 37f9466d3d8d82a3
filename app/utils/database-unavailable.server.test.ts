import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from '#app/utils/database-unavailable.server.ts'

describe('isDatabaseUnavailable', () => {
	it('recognises lost connections, wrapped or not', () => {
		expect(isDatabaseUnavailable(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true)
		const driver = Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' })
		expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: driver }))).toBe(true)
		expect(isDatabaseUnavailable(Object.assign(new Error('shutting down'), { code: '57P01' }))).toBe(true)
		expect(isDatabaseUnavailable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true)
	})

	it('leaves query faults and everything else to the 500 path', () => {
		expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false)
		expect(isDatabaseUnavailable(new Error('boom'))).toBe(false)
		expect(isDatabaseUnavailable(undefined)).toBe(false)
		expect(isDatabaseUnavailable(new Response(null, { status: 404 }))).toBe(false)
	})
})
