// How long `npm start` takes to serve the sign-in page on a fresh data folder (migrations +
// demo seed included), and on a second start of the same folder, with the server's own
// breakdown of where the time went (its "Start-up:" line) and the first render after it.
//   npx tsx scripts/bench/cold-start.ts
// Prints numbers; it never fails on a time. Run `npm run build` first to leave the
// build out, or delete build/ to include it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { reportFigures } from './report.ts'

const port = Number(process.env.BENCH_PORT ?? 3900)

export type ColdStart = { seconds: number; phases: Array<[string, number]>; firstRenderMs: number }

async function timeToFirstPage(dataDir: string): Promise<ColdStart> {
	const started = performance.now()
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
		env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
		stdio: ['ignore', 'pipe', 'ignore'],
	})
	let out = ''
	let readyAt: number | undefined
	child.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString()
		if (readyAt === undefined && out.includes('Attune is ready')) readyAt = performance.now()
	})
	try {
		for (;;) {
			try {
				const res = await fetch(`http://localhost:${port}/login`)
				if (res.status === 200) {
					const done = performance.now()
					await new Promise((r) => setTimeout(r, 50))
					const line = out.split('\n').find((l) => l.startsWith('Start-up: ')) ?? ''
					const phases = line
						.slice('Start-up: '.length)
						.split(' · ')
						.map((part): [string, number] => {
							const m = /^(.*) (\d+) ms$/.exec(part)
							return m ? [m[1] ?? '', Number(m[2])] : [part, NaN]
						})
						.filter(([name]) => name)
					return { seconds: (done - started) / 1000, phases, firstRenderMs: done - (readyAt ?? done) }
				}
			} catch {
				// not listening yet
			}
			if (performance.now() - started > 60_000) throw new Error('no answer within 60 s')
			await new Promise((r) => setTimeout(r, 25))
		}
	} finally {
		child.kill('SIGTERM')
		await new Promise((r) => child.once('exit', r))
	}
}

export async function measureColdStart(): Promise<{ fresh: ColdStart; again: ColdStart }> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-cold-'))
	try {
		const fresh = await timeToFirstPage(dataDir)
		const again = await timeToFirstPage(dataDir)
		return { fresh, again }
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true })
	}
}

function describe(label: string, run: ColdStart) {
	console.log(`  ${label}: ${run.seconds.toFixed(2)} s`)
	for (const [name, ms] of run.phases) console.log(`      ${name.padEnd(28)} ${String(ms).padStart(6)} ms`)
	console.log(`      ${'first render (/login)'.padEnd(28)} ${String(Math.round(run.firstRenderMs)).padStart(6)} ms`)
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cold-start.ts')) {
	const { fresh, again } = await measureColdStart()
	console.log('npm start → first /login response (target < 5 s on a fresh folder)')
	describe('fresh data folder (migrate + seed)', fresh)
	describe('same folder, second start', again)
	reportFigures({ fresh, again })
}
