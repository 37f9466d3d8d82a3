import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '#app/utils/env.server.ts'

describe('parseEnv', () => {
	it('defaults to the embedded database in ./.data', () => {
		const env = parseEnv({})
		expect(env.DATABASE_URL).toBeUndefined()
		expect(env.DATA_DIR).toBe('./.data')
		expect(env.PORT).toBe(3000)
	})

	it('treats an empty DATABASE_URL as unset', () => {
		expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
	})

	it('names the variable when a value is wrong', () => {
		expect(() => parseEnv({ PORT: 'eighty' })).toThrow(EnvError)
		expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/)
		expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/)
		expect(() => parseEnv({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/)
	})

	it('accepts a postgres URL and boolean words', () => {
		const env = parseEnv({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', SEED_DEMO: 'no' })
		expect(env.DATABASE_URL).toBe('postgres://u@127.0.0.1:5432/db')
		expect(env.SEED_DEMO).toBe(false)
	})

	it('takes a signing secret of at least 32 characters', () => {
		expect(parseEnv({ SESSION_SECRET: 's'.repeat(32) }).SESSION_SECRET).toBe('s'.repeat(32))
		expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: must be at least 32 characters/)
	})

	it('validates PUBLIC_URL (the xAPI IRI base) and drops a trailing slash', () => {
		expect(parseEnv({}).PUBLIC_URL).toBe('http://localhost:3000')
		expect(parseEnv({ PUBLIC_URL: 'https://attune.example.org/' }).PUBLIC_URL).toBe('https://attune.example.org')
		expect(() => parseEnv({ PUBLIC_URL: 'attune.example.org' })).toThrow(/PUBLIC_URL/)
		expect(() => parseEnv({ PUBLIC_URL: 'ftp://attune.example.org' })).toThrow(/PUBLIC_URL: must be an http/)
	})
})
