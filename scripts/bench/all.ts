// `npm run bench`: every benchmark, then one table, each figure beside its target and the
// baseline measured in the same run. It never fails on a time; a benchmark that could not run
// is shown as such. Expects a current build (`npm run build`), which the JavaScript figures read.
//   npm run bench                 everything (about 15–20 minutes on 2 cores)
//   BENCH_ONLY=step,js npm run bench   a subset, by the names below
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measurePages, readManifest } from '../js-budget.ts'

type Row = { figure: string; measured: string; target: string; baseline: string; meets?: boolean }
type Bench = {
	name: string
	title: string
	script?: string[]
	env?: Record<string, string>
	rows: (figures: Record<string, unknown>) => Row[]
}

const root = path.resolve(import.meta.dirname, '../..')
const ms = (n: unknown) => (typeof n === 'number' ? `${n.toFixed(1)} ms` : '—')
const num = (n: unknown, digits = 2) => (typeof n === 'number' ? n.toFixed(digits) : '—')
type Figures = Record<string, unknown>
const field = (f: Figures, ...keys: string[]): unknown =>
	keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Figures)[k] : undefined), f)

const benches: Bench[] = [
	{
		name: 'step',
		title: 'Step loop (PGlite)',
		script: ['scripts/bench/step-loop.ts', '400'],
		rows: (f) => [
			{
				figure: 'step loop ÷ trivial page (mean)',
				measured: `${num(f.ratioMean)}×`,
				target: '≤ 1.5×',
				baseline: `floor ${ms(f.floorMean)} mean`,
				meets: typeof f.ratioMean === 'number' && f.ratioMean <= 1.5,
			},
			{
				figure: 'step loop p99',
				measured: ms(f.stepP99),
				target: '< 50 ms',
				baseline: `floor p99 ${ms(f.floorP99)}`,
				meets: typeof f.stepP99 === 'number' && f.stepP99 < 50,
			},
		],
	},
	{
		name: 'load',
		title: 'Load knee (concurrent learners, step p99 < 200 ms)',
		script: ['scripts/load/bench.ts'],
		rows: (f) =>
			(['pglite', 'postgres'] as const).map((db) => {
				const knee = field(f, db, 'knee')
				return {
					figure: `load knee, ${db === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
					measured: typeof knee === 'number' ? `${knee} learners` : 'none under 200 ms',
					target: db === 'postgres' ? '≥ 300' : '(reported)',
					baseline: String(field(f, db, 'rungs') ?? '—'),
					meets: db === 'postgres' ? typeof knee === 'number' && knee >= 300 : undefined,
				}
			}),
	},
	{
		name: 'dashboard',
		title: 'Coach dashboard at 5,000 learners and 500,000 decisions',
		script: ['scripts/bench/coach-dashboard.ts'],
		rows: (f) =>
			(['pglite', 'postgres'] as const).flatMap((db) => [
				{
					figure: `coach dashboard p95, ${db === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
					measured: ms(field(f, db, 'dashboard', 'p95')),
					target: '< 100 ms',
					baseline: `trivial page p95 ${ms(field(f, db, 'floor', 'p95'))}`,
					meets: Number(field(f, db, 'dashboard', 'p95')) < 100,
				},
				{
					figure: `learner page p95, ${db === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
					measured: ms(field(f, db, 'learner', 'p95')),
					target: '< 100 ms',
					baseline: `trivial page p95 ${ms(field(f, db, 'floor', 'p95'))}`,
					meets: Number(field(f, db, 'learner', 'p95')) < 100,
				},
			]),
	},
	{
		name: 'js',
		title: 'JavaScript per learner page, gzipped',
		rows: () => {
			const build = path.join(root, 'build')
			const pages = measurePages(readManifest(build), path.join(build, 'client'))
			const learner = pages.filter((p) => p.learner)
			const largest = learner[0]
			const smallest = pages[pages.length - 1]
			return [
				{
					figure: 'largest learner page',
					measured: largest ? `${largest.kib.toFixed(1)} KiB (${largest.route})` : '—',
					target: '≤ 90 KiB',
					baseline: smallest ? `smallest page ${smallest.kib.toFixed(1)} KiB` : '—',
					meets: Boolean(largest && largest.kib <= 90),
				},
			]
		},
	},
	{
		name: 'cold',
		title: 'Cold start (npm start → first page)',
		script: ['scripts/bench/cold-start.ts'],
		rows: (f) => {
			const fresh = f.fresh as { seconds: number; phases: Array<[string, number]> } | undefined
			const again = f.again as { seconds: number } | undefined
			const largest = [...(fresh?.phases ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 3)
			return [
				{
					figure: 'cold start, fresh data folder',
					measured: fresh ? `${fresh.seconds.toFixed(2)} s` : '—',
					target: '< 5 s',
					baseline: again ? `second start ${again.seconds.toFixed(2)} s` : '—',
					meets: Boolean(fresh && fresh.seconds < 5),
				},
				{
					figure: '  largest parts',
					measured: largest.map(([name, t]) => `${name} ${Math.round(t)} ms`).join(', '),
					target: '',
					baseline: '',
				},
			]
		},
	},
	{
		name: 'check',
		title: 'Scenario check',
		script: ['scripts/bench/scenario-check.ts'],
		rows: (f) => [
			{
				figure: 'check the shipped library',
				measured: ms(f.libraryMs),
				target: '(reported)',
				baseline: `${String(f.libraryFiles ?? '—')} files`,
			},
			{
				figure: 'check a generated 1,000-node scenario',
				measured: ms(f.generatedMs),
				target: '< 500 ms',
				baseline: `rules alone ${ms(f.rulesMs)} (state search ${ms(f.searchMs)}); the rest is YAML parsing`,
				meets: typeof f.generatedMs === 'number' && f.generatedMs < 500,
			},
		],
	},
	{
		name: 'assessment',
		title: 'Assessment simulation study',
		script: ['scripts/bench/assessment-simulation.ts'],
		rows: (f) =>
			((f.bars as Array<{ label: string; value: number; target: number; direction: string; pass: boolean }>) ?? []).map(
				(bar) => ({
					figure: bar.label,
					measured: bar.value.toFixed(3),
					target: `${bar.direction === 'min' ? '≥' : '≤'} ${bar.target}`,
					baseline: '',
					meets: bar.pass,
				}),
			),
	},
]

function runScript(bench: Bench, logDir: string): Promise<Figures | undefined> {
	const jsonFile = path.join(logDir, `${bench.name}.json`)
	const logFile = path.join(logDir, `${bench.name}.log`)
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', ...bench.script!], {
			cwd: root,
			env: { ...process.env, ...bench.env, BENCH_JSON_FILE: jsonFile },
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		const log = fs.createWriteStream(logFile)
		child.stdout.pipe(log)
		child.stderr.pipe(log)
		child.on('exit', () => {
			log.end()
			resolve(fs.existsSync(jsonFile) ? (JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Figures) : undefined)
		})
	})
}

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim())
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-bench-'))
const started = performance.now()
const table: Array<Row & { section: string }> = []
for (const bench of benches.filter((b) => !only || only.includes(b.name))) {
	const t = performance.now()
	process.stdout.write(`running ${bench.title}… `)
	let rows: Row[]
	try {
		const figures = bench.script ? await runScript(bench, logDir) : {}
		rows = figures
			? bench.rows(figures)
			: [{ figure: bench.title, measured: 'did not run', target: '', baseline: `log: ${logDir}/${bench.name}.log` }]
	} catch (error) {
		rows = [{ figure: bench.title, measured: `failed: ${String(error)}`, target: '', baseline: '' }]
	}
	console.log(`${((performance.now() - t) / 1000).toFixed(0)} s`)
	for (const row of rows) table.push({ ...row, section: bench.title })
}

const widths = {
	figure: Math.max(6, ...table.map((r) => r.figure.length)),
	measured: Math.max(8, ...table.map((r) => r.measured.length)),
	target: Math.max(6, ...table.map((r) => r.target.length)),
}
const cpu = os.cpus()
console.log(
	`\nAttune benchmarks — ${new Date().toISOString().slice(0, 16)}Z, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ` +
		`${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}\n`,
)
console.log(
	`  ${'Figure'.padEnd(widths.figure)}  ${'Measured'.padEnd(widths.measured)}  ${'Target'.padEnd(widths.target)}  Baseline (same run)`,
)
let section = ''
for (const r of table) {
	if (r.section !== section) console.log(`${(section = r.section)}`)
	const mark = r.meets === undefined ? ' ' : r.meets ? '✓' : '✗'
	console.log(
		`${mark} ${r.figure.padEnd(widths.figure)}  ${r.measured.padEnd(widths.measured)}  ${r.target.padEnd(widths.target)}  ${r.baseline}`,
	)
}
console.log(`\nTotal ${((performance.now() - started) / 60_000).toFixed(1)} min. Logs: ${logDir}`)
