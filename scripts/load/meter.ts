// Where a load rung's time went, for the knee's evidence: CPU used by the app process, by the
// PostgreSQL server's processes and by the load driver itself (each as a share of one core), and
// the statements' own execution time from pg_stat_statements when the extension is loaded.
import fs from 'node:fs'

const TICKS_PER_SECOND = 100 // Linux's USER_HZ, as /proc reports it

export type Usage = { appCpu: number; databaseCpu: number | null; driverCpu: number; statementSeconds: number | null }

function cpuSecondsOf(pid: number): number {
	try {
		// Fields after the command name: state is field 3, utime 14 and stime 15 (1-based).
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
		return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
	} catch {
		return 0
	}
}

// The postmaster and every backend it forked (a PostgreSQL of our own, so nothing else is counted).
function postgresCpuSeconds(postmasterPid: number): number {
	let total = cpuSecondsOf(postmasterPid)
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
			if (ppid === postmasterPid) total += cpuSecondsOf(Number(entry))
		} catch {
			// The process ended while we looked.
		}
	}
	return total
}

type StatementClient = { unsafe: (q: string) => Promise<Array<Record<string, unknown>>>; end: () => Promise<void> }

export type Meter = {
	start: () => Promise<void>
	stop: (seconds: number) => Promise<Usage>
	topStatements: (n: number) => Promise<string[]>
	close: () => Promise<void>
}

export async function createMeter(options: {
	appPid: number
	postmasterPid?: number
	databaseUrl?: string
}): Promise<Meter> {
	let client: StatementClient | undefined
	if (options.databaseUrl) {
		const { default: postgres } = await import('postgres')
		const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} })
		try {
			await sql.unsafe('create extension if not exists pg_stat_statements')
			await sql.unsafe('select pg_stat_statements_reset()')
			client = sql as unknown as StatementClient
		} catch {
			// Not preloaded on this server: the rung reports CPU only.
			await sql.end()
		}
	}
	const statementSeconds = async () => {
		if (!client) return null
		const [row] = await client.unsafe(
			`select coalesce(sum(total_exec_time), 0)::float8 / 1000 as s from pg_stat_statements`,
		)
		return Number(row?.s ?? 0)
	}
	let before = { app: 0, database: 0, driver: 0, statements: 0 as number | null }
	const driverSeconds = () => {
		const u = process.cpuUsage()
		return (u.user + u.system) / 1e6
	}
	return {
		start: async () => {
			before = {
				app: cpuSecondsOf(options.appPid),
				database: options.postmasterPid ? postgresCpuSeconds(options.postmasterPid) : 0,
				driver: driverSeconds(),
				statements: await statementSeconds(),
			}
		},
		stop: async (seconds) => {
			const statements = await statementSeconds()
			return {
				appCpu: (cpuSecondsOf(options.appPid) - before.app) / seconds,
				databaseCpu: options.postmasterPid
					? (postgresCpuSeconds(options.postmasterPid) - before.database) / seconds
					: null,
				driverCpu: (driverSeconds() - before.driver) / seconds,
				statementSeconds: statements !== null && before.statements !== null ? statements - before.statements : null,
			}
		},
		topStatements: async (n) => {
			if (!client) return []
			const rows = await client.unsafe(
				`select calls, total_exec_time::float8 as total, mean_exec_time::float8 as mean, regexp_replace(query, '\\s+', ' ', 'g') as query
				 from pg_stat_statements order by total_exec_time desc limit ${Number(n)}`,
			)
			return rows.map(
				(r) =>
					`${Number(r.total).toFixed(0).padStart(7)} ms total  ${Number(r.mean).toFixed(2).padStart(6)} ms mean  ${String(r.calls).padStart(7)} calls  ${String(r.query).slice(0, 110)}`,
			)
		},
		close: async () => {
			await client?.end()
		},
	}
}

export function postmasterPidOf(dataDir: string): number | undefined {
	try {
		return Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]) || undefined
	} catch {
		return undefined
	}
}

export function formatUsage(u: Usage): string {
	const pct = (x: number) => `${Math.round(x * 100)}%`
	return [
		`app CPU ${pct(u.appCpu)}`,
		u.databaseCpu === null ? null : `PostgreSQL CPU ${pct(u.databaseCpu)}`,
		`driver CPU ${pct(u.driverCpu)}`,
		u.statementSeconds === null ? null : `statements ${u.statementSeconds.toFixed(2)} s`,
	]
		.filter(Boolean)
		.join(' · ')
}
