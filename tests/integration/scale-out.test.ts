import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { runLoad } from '../../scripts/load/driver.ts'
import { checkTarget, seedTarget } from '../../scripts/load/prepare.ts'
import { startApp, type AppProcess } from '../../scripts/load/server-process.ts'

// Two app processes on one PostgreSQL (its own database here, so that publishing a changed
// library touches no other test). Learners alternate between the instances request by request.
const url = process.env.DATABASE_URL
const apps: AppProcess[] = []
const scenariosDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-scale-scenarios-'))
const database = `attune_scale_${crypto.randomBytes(4).toString('hex')}`
const scaleUrl = url ? Object.assign(new URL(url), { pathname: `/${database}` }).href : ''

async function admin<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
	const sql = postgres(url!, { max: 1, onnotice: () => {} })
	try {
		return await work(sql)
	} finally {
		await sql.end()
	}
}

afterAll(async () => {
	await Promise.all(apps.map((a) => a.stop('SIGTERM')))
	fs.rmSync(scenariosDir, { recursive: true, force: true })
	if (url) await admin((sql) => sql.unsafe(`drop database if exists ${database} with (force)`))
})

async function signIn(base: string, email: string, password: string, address: string) {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': address,
		},
		body: new URLSearchParams({ email, password }),
	})
	await res.arrayBuffer()
	return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' }
}

const catalogue = async (base: string, cookie: string) =>
	(await fetch(`${base}/practice`, { headers: { cookie } })).text()

describe.skipIf(!url)('two app processes on one PostgreSQL', () => {
	it('sessions, play, the debrief, rate limits and library changes hold across both', async () => {
		await admin((sql) => sql.unsafe(`create database ${database}`))
		for (const f of fs.readdirSync('scenarios')) fs.copyFileSync(path.join('scenarios', f), path.join(scenariosDir, f))
		const seeded = await seedTarget({ databaseUrl: scaleUrl }, 4)
		const env = { SCENARIOS_DIR: scenariosDir }
		apps.push(...(await Promise.all([3153, 3154].map((port) => startApp({ port, databaseUrl: scaleUrl, env })))))
		const [a, b] = apps as [AppProcess, AppProcess]

		// Play: three learners, every request to the other instance than the one before.
		const result = await runLoad({
			baseUrls: [a.url, b.url],
			learners: seeded.learners.slice(0, 3),
			durationMs: 20_000,
			thinkMs: [20, 100],
			signInSpreadMs: 500,
			doubleClickRate: 0.2,
			secondTabRate: 0.2,
		})
		expect(result.errors).toEqual([])
		expect(result.attemptsFinished).toBeGreaterThan(0)
		expect(result.debriefsRead).toBe(result.attemptsFinished)
		expect(result.acknowledged.length).toBeGreaterThan(10)

		// Rate limits: failures are counted in the database, whichever instance answers.
		const target = seeded.learners[3]!
		for (let i = 0; i < 10; i++) {
			const reply = await signIn(i % 2 ? b.url : a.url, target.email, 'wrong password', '203.0.113.7')
			expect(reply.status).toBe(401)
		}
		expect((await signIn(a.url, target.email, 'wrong password', '203.0.113.7')).status).toBe(429)
		expect((await signIn(b.url, target.email, target.password, '203.0.113.7')).status).toBe(429)

		// A session started on one instance is valid on the other.
		const session = await signIn(a.url, target.email, target.password, '203.0.113.8')
		expect(session.status).toBe(302)
		expect(await catalogue(b.url, session.cookie)).toContain('A catch-up electricity bill')

		// A library change published by a third process reaches both instances at once (LISTEN/NOTIFY;
		// their fallback timer is minutes away).
		const file = path.join(scenariosDir, 'catch-up-bill.yaml')
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: The revised catch-up bill'))
		const published = await new Promise<number | null>((resolve) => {
			const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/scenarios-publish.ts'], {
				env: { ...process.env, DATABASE_URL: scaleUrl, SCENARIOS_DIR: scenariosDir },
				stdio: 'ignore',
			})
			child.on('exit', resolve)
		})
		expect(published).toBe(0)
		for (const app of [a, b]) {
			await expect
				.poll(() => catalogue(app.url, session.cookie), { timeout: 15_000, interval: 250 })
				.toContain('The revised catch-up bill')
		}

		await Promise.all(apps.map((app) => app.stop('SIGTERM')))
		const report = await checkTarget(
			{ databaseUrl: scaleUrl },
			{ organisationIds: seeded.organisationIds, acknowledged: result.acknowledged },
		)
		expect(report.problems).toEqual([])
		expect(report.decisions).toBe(result.acknowledged.length)
	}, 240_000)
})
