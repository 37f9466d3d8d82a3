import { execFileSync } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { startApp, type AppProcess } from '../../scripts/load/server-process.ts'

// PostgreSQL stopped under a running app, then started again: the app reports itself not ready
// while the database is away, and serves again without a restart. A cluster of its own (port
// 54345), since stopping the suite's shared one would fail the other tests.
const port = '54345'
const env = { ...process.env, ATTUNE_TEST_PG_PORT: port }
const state = `${process.env.TMPDIR ?? '/tmp'}/attune-test-pg-${port}`
const pgBin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'], {
	encoding: 'utf8',
}).trim()
const asPostgres = (args: string[]) =>
	process.getuid?.() === 0
		? execFileSync('runuser', ['-u', 'postgres', '--', ...args])
		: execFileSync(args[0]!, args.slice(1))
const pgCtl = (...args: string[]) => asPostgres([`${pgBin}/pg_ctl`, '-D', `${state}/data`, '-w', '-t', '30', ...args])

let app: AppProcess | undefined
let started = false
afterAll(async () => {
	await app?.stop('SIGKILL')
	if (started) execFileSync('bash', ['scripts/test-postgres.sh', 'stop'], { env })
})

describe.skipIf(!process.env.DATABASE_URL)('faults: PostgreSQL goes away and comes back', () => {
	it('reports not ready while the database is away, and recovers without a restart', async () => {
		const url = execFileSync('bash', ['scripts/test-postgres.sh', 'start'], { env, encoding: 'utf8' }).trim()
		started = true
		app = await startApp({ port: 3158, databaseUrl: url })
		expect((await fetch(`${app.url}/readyz`)).status).toBe(200)

		pgCtl('stop', '-m', 'fast')
		const down = await fetch(`${app.url}/readyz`)
		expect(down.status).toBe(503)
		expect(await down.json()).toMatchObject({ ready: false, database: 'unreachable' })
		// A page that needs the database answers a clear 503, not a hang, a crash or a 500.
		const page = await fetch(`${app.url}/login`, {
			method: 'POST',
			headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'someone@example.test', password: 'whatever passphrase' }),
		})
		expect(page.status).toBe(503)
		expect(page.headers.get('retry-after')).toBe('10')
		expect(await page.text()).toContain('cannot reach its database')
		expect(app.child.exitCode).toBeNull()

		pgCtl(
			'start',
			'-l',
			`${state}/data/server.log`,
			'-o',
			`-c listen_addresses=127.0.0.1 -p ${port} -k ${state} -c fsync=off`,
		)
		await expect
			.poll(async () => (await fetch(`${app!.url}/readyz`)).status, { timeout: 30_000, interval: 500 })
			.toBe(200)
		const again = await fetch(`${app.url}/login`)
		expect(again.status).toBe(200)
		expect((await app.stop('SIGTERM')).code).toBe(0)
		app = undefined
	}, 120_000)
})
