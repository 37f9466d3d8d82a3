import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runLoad } from '../../scripts/load/driver.ts'
import { checkTarget, seedTarget, type LoadTarget } from '../../scripts/load/prepare.ts'
import { startApp, type AppProcess } from '../../scripts/load/server-process.ts'

// SIGKILL in the middle of load (no drain, no clean close), then a restart on the same data:
// every acknowledged decision is there, and nothing is half-written (each attempt's snapshot is
// what its decisions produce; a completed attempt has its debrief). On the PGlite folder, or on
// the PostgreSQL of DATABASE_URL.
let app: AppProcess | undefined
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-crash-'))
afterAll(async () => {
	await app?.stop('SIGKILL')
	fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('faults: SIGKILL under load, then restart', () => {
	it('loses nothing acknowledged and leaves nothing half-written', async () => {
		const target: LoadTarget = process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir }
		const where = 'dataDir' in target ? { dataDir } : { databaseUrl: target.databaseUrl }
		const seeded = await seedTarget(target, 20)
		app = await startApp({ port: 3156, ...where })

		const stop = new AbortController()
		let enough: () => void = () => {}
		const progressed = new Promise<void>((resolve) => (enough = resolve))
		const loading = runLoad({
			baseUrls: [app.url],
			learners: seeded.learners,
			durationMs: 60_000,
			thinkMs: [0, 50],
			signInSpreadMs: 1_000,
			signal: stop.signal,
			onProgress: (p) => {
				if (p.acknowledged >= 60 && p.attemptsFinished >= 1) enough()
			},
		})
		await Promise.race([progressed, new Promise((r) => setTimeout(r, 60_000))])
		const killed = app
		stop.abort()
		await killed.stop('SIGKILL')
		app = undefined
		const result = await loading
		expect(result.errors).toEqual([])
		expect(result.acknowledged.length).toBeGreaterThan(0)

		// The restart recovers the folder (the stale lock, PGlite's WAL) and serves again.
		app = await startApp({ port: 3156, ...where })
		expect((await fetch(`${app.url}/readyz`)).status).toBe(200)
		const { code } = await app.stop('SIGTERM')
		app = undefined
		expect(code).toBe(0)

		const report = await checkTarget(target, {
			organisationIds: seeded.organisationIds,
			acknowledged: result.acknowledged,
		})
		expect(report.problems).toEqual([])
		// A decision committed just before the kill may have lost its answer: never fewer, maybe more.
		expect(report.decisions).toBeGreaterThanOrEqual(result.acknowledged.length)
	}, 240_000)
})
