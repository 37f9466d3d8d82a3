// The coach dashboard and the coach's learner page at scale (issue 13, Performance): one organisation
// of 5,000 learners, 200 teams and 500,000 decisions (scripts/bench/coaching-data.ts), on PGlite and on
// PostgreSQL. Prints each page's server time (p50, p95) beside a trivial page measured in the same run,
// and the plans of the heaviest statements one page view runs. Target: p95 under 100 ms.
//   npx tsx scripts/bench/coach-dashboard.ts      (needs `npm run build`)
// Settings (env): BENCH_LEARNERS=5000 BENCH_TEAMS=200 BENCH_DECISIONS=500000 BENCH_ROUNDS=100
//   BENCH_DATABASES=pglite,postgres  BENCH_PG_URL=postgres://… (else a throw-away cluster on :54346)
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { openDatabase, setDatabase, type DatabaseHandle } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { teamMembers } from '#db/schema.ts'
import { publishScenarioLibrary, refreshScenarioLibrary } from '#app/services/scenario-library.server.ts'
import { loadBuiltApp } from '#tests/support/built-app.ts'
import { sessionCookieFor } from '#tests/support/factories.ts'
import { generateCoachingData } from './coaching-data.ts'
import { reportFigures } from './report.ts'

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const size = {
	learners: env('BENCH_LEARNERS', 5000),
	teams: env('BENCH_TEAMS', 200),
	decisions: env('BENCH_DECISIONS', 500_000),
}
const rounds = env('BENCH_ROUNDS', 100)
const root = path.resolve(import.meta.dirname, '../..')

type Stats = { p50: number; p95: number; mean: number }
function stats(xs: number[]): Stats {
	const s = [...xs].sort((a, b) => a - b)
	const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
	return { p50: at(0.5), p95: at(0.95), mean: xs.reduce((a, b) => a + b, 0) / xs.length }
}

let captured: Array<{ query: string; params: unknown[] }> | undefined

async function benchOne(database: 'pglite' | 'postgres', url?: string) {
	const dataDir = database === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'attune-dash-')) : undefined
	const logQuery = (query: string, params: unknown[]) => captured?.push({ query, params })
	const handle: DatabaseHandle = await openDatabase(
		database === 'pglite' ? { kind: 'pglite', dataDir: dataDir!, logQuery } : { kind: 'postgres', url: url!, logQuery },
	)
	try {
		setDatabase(handle)
		await migrateDatabase(handle)
		const published = await publishScenarioLibrary(path.join(root, 'scenarios'))
		if (!published.ok) throw new Error(published.message)
		const library = await refreshScenarioLibrary()
		let t = performance.now()
		const data = await generateCoachingData(handle.db, library.scenarios, size)
		const generateSeconds = (performance.now() - t) / 1000
		console.log(
			`${database}: generated ${data.counts.decisions} decisions, ${data.counts.attempts} attempts for ` +
				`${data.learnerIds.length} learners in ${generateSeconds.toFixed(0)} s`,
		)
		if (database === 'postgres') await handle.db.execute('analyze')

		const teamId = data.teamIds[0]!
		const coachId = data.coachIds[0]! // coaches team 0 (round-robin in the generator)
		const [member] = await handle.db
			.select({ userId: teamMembers.userId })
			.from(teamMembers)
			.where(and(eq(teamMembers.organisationId, data.organisationId), eq(teamMembers.teamId, teamId)))
			.limit(1)
		const cookie = await sessionCookieFor(coachId, data.organisationId)
		const app = await loadBuiltApp()
		const pages = {
			floor: '/',
			dashboard: `/teams/${teamId}/dashboard`,
			learner: `/coach/learners/${member!.userId}`,
		}
		const times: Record<keyof typeof pages, number[]> = { floor: [], dashboard: [], learner: [] }
		for (let round = -10; round < rounds; round++) {
			for (const [name, url] of Object.entries(pages) as Array<[keyof typeof pages, string]>) {
				t = performance.now()
				// The floor is the landing page as the framework serves it, signed out (as in the step-loop bench).
				const res = await app.fetch(url, name === 'floor' ? {} : { cookie })
				await res.text()
				if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
				if (round >= 0) times[name].push(performance.now() - t)
			}
		}
		// The statements of one view of each page, and the plans of the slowest.
		const plans: string[] = []
		for (const name of ['dashboard', 'learner'] as const) {
			captured = []
			await (await app.fetch(pages[name], { cookie })).text()
			const statements = captured
			captured = undefined
			const timed: Array<{ query: string; ms: number; plan: string }> = []
			for (const s of statements.filter((x) => /^\s*select/i.test(x.query))) {
				const rows = await explain(handle, s.query, s.params)
				const plan = rows.join('\n')
				const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0)
				timed.push({ query: s.query, ms, plan })
			}
			timed.sort((a, b) => b.ms - a.ms)
			plans.push(`── ${database}, ${name}: ${statements.length} statements; the slowest:`)
			for (const q of timed.slice(0, 2)) plans.push(`${q.query.slice(0, 400)}\n${q.plan}`)
		}
		return {
			generateSeconds,
			floor: stats(times.floor),
			dashboard: stats(times.dashboard),
			learner: stats(times.learner),
			plans,
		}
	} finally {
		setDatabase(undefined)
		await handle.close()
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
	}
}

async function explain(handle: DatabaseHandle, query: string, params: unknown[]): Promise<string[]> {
	const client = (handle.db as unknown as { $client: unknown }).$client as {
		query?: (q: string, p: unknown[]) => Promise<{ rows: Array<Record<string, string>> }>
		unsafe?: (q: string, p: unknown[]) => Promise<Array<Record<string, string>>>
	}
	const sqlText = `explain (analyze, costs off) ${query}`
	const rows = client.unsafe
		? await client.unsafe(sqlText, params as never[])
		: (await client.query!(sqlText, params)).rows
	// Long id lists make plans unreadable: keep each line short.
	return rows.map((r) => {
		const line = Object.values(r)[0] ?? ''
		return line.length > 160 ? `${line.slice(0, 157)}…` : line
	})
}

function throwAwayPostgres() {
	const script = path.join(root, 'scripts/test-postgres.sh')
	const pgEnv = { ...process.env, ATTUNE_TEST_PG_PORT: '54346' }
	const url = execFileSync('bash', [script, 'start'], { env: pgEnv, encoding: 'utf8' }).trim()
	return { url, stop: () => execFileSync('bash', [script, 'stop'], { env: pgEnv }) }
}

const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',') as Array<'pglite' | 'postgres'>
const results: Record<string, unknown> = {}
const fmt = (s: Stats) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`
for (const database of databases) {
	const pg = database === 'postgres' ? (process.env.BENCH_PG_URL ? null : throwAwayPostgres()) : null
	try {
		const r = await benchOne(database, pg?.url ?? process.env.BENCH_PG_URL)
		results[database] = { floor: r.floor, dashboard: r.dashboard, learner: r.learner }
		console.log(
			`\n${database} (${size.learners} learners, ${size.teams} teams, ${size.decisions} decisions; ${rounds} rounds)`,
		)
		console.log(`  trivial page (GET /)       ${fmt(r.floor)}`)
		console.log(`  coach dashboard (one team) ${fmt(r.dashboard)}   (target p95 < 100 ms)`)
		console.log(`  coach's learner page       ${fmt(r.learner)}   (target p95 < 100 ms)`)
		console.log(`\n${r.plans.join('\n\n')}\n`)
	} finally {
		pg?.stop()
	}
}
reportFigures(results)
