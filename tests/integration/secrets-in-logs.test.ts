import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { handleError } from '#app/entry.server.tsx'
import { action as signupAction } from '#app/routes/signup.tsx'
import { formRequest, settle, testContext, uniqueEmail } from '#tests/support/requests.ts'

const PASSWORD = 'correct horse battery staple 42'

afterEach(async () => {
	vi.restoreAllMocks()
	await getDb().execute(sql`drop trigger if exists explode_on_insert on users`)
})

describe('secrets never reach the server log (item 7)', () => {
	it('logs a database error during sign-up without the Argon2 hash or the password', async () => {
		// Force a database error on the user insert, after the hash was computed.
		await getDb().execute(sql`
			create or replace function explode() returns trigger language plpgsql as $$
			begin raise exception 'forced failure for the log test'; end $$`)
		await getDb().execute(sql`
			create trigger explode_on_insert before insert on users for each row execute function explode()`)
		const logged: string[] = []
		vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
			logged.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a))).join(' '))
		})
		const request = formRequest('/signup', {
			organisationName: 'Loggers',
			name: 'Lou',
			email: uniqueEmail(),
			password: PASSWORD,
		})
		let thrown: unknown
		try {
			await settle(signupAction({ request, params: {}, context: testContext() }))
		} catch (error) {
			thrown = error
		}
		expect(thrown).toBeDefined()
		// The error as drizzle raised it does carry the hash: that is what must not be logged.
		expect(String((thrown as Error).message)).toMatch(/\$argon2id\$/)
		handleError(thrown, { request: new Request('http://attune.test/signup', { method: 'POST' }) })
		const log = logged.join('\n')
		expect(log).toMatch(/Failed query: insert into "users"/)
		expect(log).toMatch(/forced failure/)
		expect(log).not.toMatch(/argon2/)
		expect(log).not.toContain(PASSWORD)
	})
})
