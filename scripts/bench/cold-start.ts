// How long `npm start` takes to serve the sign-in page on a fresh data folder
// (migrations + demo seed included), and on a second start of the same folder.
//   npx tsx scripts/bench/cold-start.ts
// Prints numbers; it never fails on a time. Run `npm run build` first to leave the
// build out, or delete build/ to include it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const port = Number(process.env.BENCH_PORT ?? 3900)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-cold-'))

async function timeToFirstPage(): Promise<number> {
	const started = performance.now()
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
		env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
		stdio: 'ignore',
	})
	try {
		for (;;) {
			try {
				const res = await fetch(`http://localhost:${port}/login`)
				if (res.status === 200) return (performance.now() - started) / 1000
			} catch {
				// not listening yet
			}
			if (performance.now() - started > 60_000) throw new Error('no answer within 60 s')
			await new Promise((r) => setTimeout(r, 50))
		}
	} finally {
		child.kill('SIGTERM')
		await new Promise((r) => child.once('exit', r))
	}
}

const fresh = await timeToFirstPage()
const again = await timeToFirstPage()
fs.rmSync(dataDir, { recursive: true, force: true })
console.log('npm start → first /login response')
console.log(`  fresh data folder (migrate + seed): ${fresh.toFixed(2)} s   (target < 10 s)`)
console.log(`  same folder, second start:          ${again.toFixed(2)} s`)
