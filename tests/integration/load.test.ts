import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runLoad, type LoadResult } from '../../scripts/load/driver.ts'
import { checkTarget, seedTarget, type LoadTarget } from '../../scripts/load/prepare.ts'
import { startApp, type AppProcess } from '../../scripts/load/server-process.ts'

// 50 learners at once through the real scenarios over HTTP, on the database this run uses
// (a PGlite folder, or the PostgreSQL of DATABASE_URL). Asserts correctness, never speed.
// It ends with SIGTERM while learners are mid-step: the server drains (requests in flight
// finish), exits 0, and every decision it acknowledged, before or during the drain, is stored.
const LEARNERS = 50

let app: AppProcess | undefined
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-load-'))
afterAll(async () => {
	await app?.stop('SIGKILL')
	fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('load: 50 learners, then SIGTERM under load', () => {
	it('records every acknowledged decision exactly once, in order, and every snapshot replays', async () => {
		const target: LoadTarget = process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir }
		const seeded = await seedTarget(target, LEARNERS)
		app = await startApp({ port: 3150, ...('dataDir' in target ? { dataDir } : { databaseUrl: target.databaseUrl }) })

		const stop = new AbortController()
		let enough: () => void = () => {}
		const progressed = new Promise<void>((resolve) => (enough = resolve))
		const loading: Promise<LoadResult> = runLoad({
			baseUrls: [app.url],
			learners: seeded.learners,
			durationMs: 60_000,
			thinkMs: [200, 800],
			signInSpreadMs: 3_000,
			doubleClickRate: 0.15,
			secondTabRate: 0.15,
			signal: stop.signal,
			onProgress: (p) => {
				if (p.acknowledged >= 150 && p.debriefsRead >= 3) enough()
			},
		})
		// Let everyone get going (the machine may be busy), then stop the server while steps are in flight.
		await Promise.race([progressed, new Promise((r) => setTimeout(r, 80_000))])
		const runningApp = app
		const exited = runningApp.stop('SIGTERM')
		stop.abort()
		const result = await loading
		const { code } = await exited
		app = undefined

		expect(code, runningApp.output()).toBe(0)
		expect(runningApp.output()).toMatch(/SIGTERM received: finishing the requests in flight/)
		expect(result.errors).toEqual([])
		expect(result.steps.count).toBeGreaterThan(50)
		expect(result.attemptsFinished).toBeGreaterThan(0)
		expect(result.debriefsRead).toBeGreaterThan(0) // the last ones may be cut by the SIGTERM
		expect(result.doubleClicks).toBeGreaterThan(0)
		expect(result.secondTabPosts).toBeGreaterThan(0)
		expect(result.statusCounts['500'] ?? 0).toBe(0)

		const report = await checkTarget(target, {
			organisationIds: seeded.organisationIds,
			acknowledged: result.acknowledged,
		})
		expect(report.problems).toEqual([])
		// Double-clicks and second tabs never add a decision: the database holds the acknowledged ones,
		// plus at most the reply each learner had in flight when the server stopped and whose answer
		// never arrived (always its attempt's last decision).
		expect(report.unacknowledged.filter((d) => !d.last)).toEqual([])
		expect(new Set(report.unacknowledged.map((d) => d.attemptId)).size).toBe(report.unacknowledged.length)
		expect(report.unacknowledged.length).toBeLessThanOrEqual(LEARNERS)
		expect(report.decisions).toBe(result.acknowledged.length + report.unacknowledged.length)
		expect(report.completed).toBeGreaterThanOrEqual(result.attemptsFinished)
	}, 240_000)
})
