// The load benchmark: N simulated learners (50, 100, 200, 400, 800), each thinking ~5 s between
// replies, against one app process on PGlite and on PostgreSQL. Per rung it prints throughput
// and the step's p50/p99 (POST the reply + GET the next turn; sign-ins are left out), and the
// knee: the largest N whose step p99 stays under 200 ms. After each database it checks the
// data (every acknowledged decision stored once, in order; every snapshot replays).
//   npm run bench:load
// Settings (env): LOAD_RUNGS=50,100,200,400,800  LOAD_RUNG_SECONDS=60  LOAD_THINK_MS=3000,7000
//   LOAD_DATABASES=pglite,postgres  LOAD_PG_URL=postgres://… (else a throw-away cluster on
//   LOAD_PG_PORT, default 54349; 54345 is the outage test's)
//   LOAD_PORT=3152  LOAD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (profile the server)
// Needs a build (`npm run build`). Prints numbers; never fails on a time.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { runLoad } from './driver.ts'
import { checkTarget, seedTarget, type LoadTarget } from './prepare.ts'
import { createMeter, formatUsage, postmasterPidOf, type Usage } from './meter.ts'
import { startApp } from './server-process.ts'
import { reportFigures } from '../bench/report.ts'

export const KNEE_P99_MS = 200
// Sign-ins are left out of the step figures, so they only need to be far enough apart that Argon2
// does not queue on a quiet machine: one every 20 ms (its median is ~25 ms there).
const SIGN_IN_SPACING_MS = 20

export type Rung = {
	learners: number
	stepsPerSecond: number
	p50: number
	p99: number
	steps: number
	errors: number
	usage?: Usage
}

export type LoadBenchmark = {
	database: 'pglite' | 'postgres'
	rungs: Rung[]
	// Rungs left out because an earlier one already missed the limit by more than twice.
	skipped: number[]
	// Largest N whose step p99 < 200 ms; 0 when even the first rung misses.
	knee: number
	consistencyProblems: string[]
}

export type LoadBenchmarkOptions = {
	rungs?: number[]
	rungSeconds?: number
	thinkMs?: [number, number]
	databases?: Array<'pglite' | 'postgres'>
	postgresUrl?: string
	port?: number
	nodeArgs?: string[]
	log?: (line: string) => void
}

export function kneeOf(rungs: Rung[]): number {
	return Math.max(0, ...rungs.filter((r) => r.p99 < KNEE_P99_MS && r.errors === 0).map((r) => r.learners))
}

const root = path.resolve(import.meta.dirname, '../..')

// Durable like a real server (the test cluster runs with fsync off), with pg_stat_statements
// loaded so that each rung can say how much of its time the statements took.
function throwAwayPostgres(pgPort = process.env.LOAD_PG_PORT ?? '54349'): {
	url: string
	stop: () => void
	postmasterPid?: number
} {
	const script = path.join(root, 'scripts/test-postgres.sh')
	const env = {
		...process.env,
		ATTUNE_TEST_PG_PORT: pgPort,
		ATTUNE_TEST_PG_OPTS: '-c fsync=on -c shared_preload_libraries=pg_stat_statements',
	}
	const url = execFileSync('bash', [script, 'start'], { env, encoding: 'utf8' }).trim()
	const postmasterPid = postmasterPidOf(path.join(process.env.TMPDIR ?? '/tmp', `attune-test-pg-${pgPort}`, 'data'))
	return { url, stop: () => execFileSync('bash', [script, 'stop'], { env }), postmasterPid }
}

async function benchOne(
	database: 'pglite' | 'postgres',
	target: LoadTarget,
	options: Required<Omit<LoadBenchmarkOptions, 'postgresUrl' | 'databases'>>,
	postmasterPid?: number,
): Promise<LoadBenchmark> {
	const log = options.log
	const most = Math.max(...options.rungs)
	log(`${database}: seeding ${most} learners through the real services…`)
	const seeded = await seedTarget(target, most)
	const app = await startApp({
		port: options.port,
		nodeArgs: options.nodeArgs,
		...('dataDir' in target ? { dataDir: target.dataDir } : { databaseUrl: target.databaseUrl }),
	})
	const meter = await createMeter({
		appPid: app.child.pid!,
		postmasterPid,
		databaseUrl: 'databaseUrl' in target ? target.databaseUrl : undefined,
	})
	const rungs: Rung[] = []
	const acknowledged = []
	try {
		for (const learners of options.rungs) {
			const result = await runLoad({
				onPractiseStart: () => meter.start(),
				baseUrls: [app.url],
				learners: seeded.learners.slice(0, learners),
				durationMs: options.rungSeconds * 1000,
				thinkMs: options.thinkMs,
				signInSpreadMs: learners * SIGN_IN_SPACING_MS,
			})
			acknowledged.push(...result.acknowledged)
			const rung = {
				learners,
				stepsPerSecond: result.stepsPerSecond,
				p50: result.steps.p50,
				p99: result.steps.p99,
				steps: result.steps.count,
				errors: result.errors.length,
				usage: await meter.stop(result.durationMs / 1000),
			}
			rungs.push(rung)
			log(
				`${database}: N=${learners}  ${rung.stepsPerSecond} steps/s  p50 ${rung.p50} ms  p99 ${rung.p99} ms` +
					`  (${rung.steps} steps, ${rung.errors} errors, sign-in p50 ${result.signIns.p50} ms)`,
			)
			log(`    ${formatUsage(rung.usage)} (of one core; the machine has ${os.cpus().length})`)
			for (const e of result.errors.slice(0, 3)) log(`    ${e}`)
			// A rung at more than twice the limit settles the knee, and every rung above it only
			// queues (doubling N past that point has always been far worse): stop climbing.
			if (rung.p99 > 2 * KNEE_P99_MS) break
		}
		const top = await meter.topStatements(6)
		if (top.length)
			log(
				`${database}: the statements that took the most time (pg_stat_statements, all rungs):\n    ${top.join('\n    ')}`,
			)
	} finally {
		await meter.close()
		await app.stop('SIGTERM')
	}
	const report = await checkTarget(target, { organisationIds: seeded.organisationIds, acknowledged })
	log(
		`${database}: consistency: ${report.attempts} attempts, ${report.decisions} decisions, ` +
			`${report.acknowledged} acknowledged (${report.unacknowledged.length} more whose answer was cut at the end), ` +
			`${report.problems.length} problems`,
	)
	const skipped = options.rungs.filter((n) => !rungs.some((r) => r.learners === n))
	if (skipped.length) log(`${database}: not run: N=${skipped.join(', ')} (past the knee)`)
	return { database, rungs, skipped, knee: kneeOf(rungs), consistencyProblems: report.problems }
}

export async function runLoadBenchmark(input: LoadBenchmarkOptions = {}): Promise<LoadBenchmark[]> {
	const options = {
		rungs: input.rungs ?? [50, 100, 200, 400, 800],
		rungSeconds: input.rungSeconds ?? 60,
		thinkMs: input.thinkMs ?? ([3_000, 7_000] as [number, number]),
		port: input.port ?? 3152,
		nodeArgs: input.nodeArgs ?? [],
		log: input.log ?? (() => {}),
	}
	const results: LoadBenchmark[] = []
	for (const database of input.databases ?? ['pglite', 'postgres']) {
		if (database === 'pglite') {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-load-bench-'))
			try {
				results.push(await benchOne(database, { dataDir }, options))
			} finally {
				fs.rmSync(dataDir, { recursive: true, force: true })
			}
		} else {
			const pg = input.postgresUrl ? { url: input.postgresUrl, stop: () => {} } : throwAwayPostgres()
			try {
				results.push(
					await benchOne(
						database,
						{ databaseUrl: pg.url },
						options,
						'postmasterPid' in pg ? pg.postmasterPid : undefined,
					),
				)
			} finally {
				pg.stop()
			}
		}
	}
	return results
}

export function formatLoadBenchmark(results: LoadBenchmark[]): string {
	const lines = ['Load: simulated learners thinking between replies; step = POST reply + GET next turn (ms)']
	lines.push('  database      N   steps/s      p50      p99   errors')
	for (const r of results) {
		for (const g of r.rungs) {
			lines.push(
				`  ${r.database.padEnd(9)}${String(g.learners).padStart(6)}${g.stepsPerSecond.toFixed(1).padStart(10)}` +
					`${g.p50.toFixed(1).padStart(9)}${g.p99.toFixed(1).padStart(9)}${String(g.errors).padStart(9)}`,
			)
		}
		for (const n of r.skipped) lines.push(`  ${r.database.padEnd(9)}${String(n).padStart(6)}   not run (past the knee)`)
	}
	for (const r of results) {
		lines.push(
			`  knee on ${r.database}: ${r.knee} learners (largest N with step p99 < ${KNEE_P99_MS} ms)` +
				`; consistency problems: ${r.consistencyProblems.length}`,
		)
	}
	return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const list = (v: string | undefined) =>
		v
			?.split(',')
			.map((x) => x.trim())
			.filter(Boolean)
	const think = list(process.env.LOAD_THINK_MS)?.map(Number)
	const results = await runLoadBenchmark({
		rungs: list(process.env.LOAD_RUNGS)?.map(Number),
		rungSeconds: process.env.LOAD_RUNG_SECONDS ? Number(process.env.LOAD_RUNG_SECONDS) : undefined,
		thinkMs: think && think.length === 2 ? [think[0]!, think[1]!] : undefined,
		databases: list(process.env.LOAD_DATABASES) as Array<'pglite' | 'postgres'> | undefined,
		postgresUrl: process.env.LOAD_PG_URL || undefined,
		port: process.env.LOAD_PORT ? Number(process.env.LOAD_PORT) : undefined,
		nodeArgs: process.env.LOAD_NODE_ARGS?.split(' ').filter(Boolean),
		log: (line) => console.log(line),
	})
	console.log(`\n${formatLoadBenchmark(results)}`)
	for (const r of results) for (const p of r.consistencyProblems.slice(0, 10)) console.log(`  ✖ ${r.database}: ${p}`)
	reportFigures(
		Object.fromEntries(
			results.map((r) => [
				r.database,
				{
					knee: r.knee,
					rungs: [
						...r.rungs.map((g) => `${g.learners}: p99 ${Math.round(g.p99)} ms`),
						...r.skipped.map((n) => `${n}: not run`),
					].join(', '),
					consistencyProblems: r.consistencyProblems.length,
				},
			]),
		),
	)
}
