// The learner's step loop (POST a choice → 302 → GET the next turn) against the
// framework's floor measured on the same server in the same run: the same two
// round trips to a trivial server-rendered page (the signed-out landing page).
// The ending step (which also writes the debrief and rollups), the debrief page and the
// progress page are timed and reported on their own.
//   npx tsx scripts/bench/step-loop.ts [iterations]
// Needs a build (`npm run build`). Prints numbers; never fails on a time.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { reportFigures } from './report.ts'

const iterations = Number(process.argv[2] ?? 400)
const port = Number(process.env.BENCH_PORT ?? 3950)
const base = `http://localhost:${port}`
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-bench-'))
// BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server while it runs.
const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []
const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'scripts/server.ts'], {
	env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '' },
	stdio: 'ignore',
})

async function waitForServer() {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return
		} catch {
			// starting
		}
		await new Promise((r) => setTimeout(r, 100))
	}
	throw new Error('server did not start')
}

const origin = { Origin: base }
let cookie = ''
async function request(url: string, init: RequestInit = {}) {
	const res = await fetch(`${base}${url}`, {
		...init,
		redirect: 'manual',
		headers: { ...(init.headers as Record<string, string>), Cookie: cookie },
	})
	const set = res.headers.get('set-cookie')
	if (set) cookie = set.split(';')[0] ?? cookie
	return res
}
const form = (fields: Record<string, string>) => ({
	method: 'POST',
	headers: { ...origin, 'Content-Type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(fields).toString(),
})

async function startAttempt(): Promise<string> {
	const res = await request('/practice/catch-up-bill', form({ intent: 'start' }))
	const location = res.headers.get('location')
	if (res.status !== 302 || !location) throw new Error(`start failed: ${res.status}`)
	return location
}

function stats(samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b)
	const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
	const mean = samples.reduce((a, b) => a + b, 0) / samples.length
	return { mean, p50: q(0.5), p95: q(0.95), p99: q(0.99) }
}

try {
	await waitForServer()
	// The floor: two sequential GETs of a trivial server-rendered page, no session.
	const floor: number[] = []
	for (let i = 0; i < iterations + 50; i++) {
		const t = performance.now()
		await (await fetch(`${base}/`)).text()
		await (await fetch(`${base}/`)).text()
		if (i >= 50) floor.push(performance.now() - t)
	}

	const login = await request('/login', form({ email: 'lena@northwind.test', password: 'northwind-demo' }))
	if (login.status !== 302) throw new Error(`sign-in failed: ${login.status}`)
	let playUrl = await startAttempt()
	let html = await (await request(playUrl)).text()
	const loop: number[] = []
	const posts: number[] = []
	const gets: number[] = []
	const endingPosts: number[] = []
	const debriefGets: number[] = []
	const progressGets: number[] = []
	for (let i = 0; i < iterations + 50; i++) {
		const step = /name="step" value="(\d+)"/.exec(html)?.[1]
		const choice = /name="choice" value="([^"]+)"/.exec(html)?.[1]
		if (!step || !choice) {
			playUrl = await startAttempt()
			html = await (await request(playUrl)).text()
			i--
			continue
		}
		const t = performance.now()
		const posted = await request(playUrl, form({ intent: 'choose', step, choice }))
		await posted.arrayBuffer()
		const t2 = performance.now()
		html = await (await request(posted.headers.get('location') ?? playUrl)).text()
		const t3 = performance.now()
		// A POST that reached an ending also wrote the debrief and rollups (ADR 0004): kept apart.
		const ended = !/name="step" value="/.test(html)
		if (ended) {
			endingPosts.push(t2 - t)
			let t4 = performance.now()
			await (await request(`${playUrl}/debrief`)).text()
			debriefGets.push(performance.now() - t4)
			t4 = performance.now()
			await (await request('/progress')).text()
			progressGets.push(performance.now() - t4)
		}
		if (i >= 50 && !ended) {
			loop.push(t3 - t)
			posts.push(t2 - t)
			gets.push(t3 - t2)
		}
	}

	const f = stats(floor)
	const s = stats(loop)
	const fmt = (n: number) => n.toFixed(2).padStart(7)
	console.log(`Step loop vs framework floor, ${iterations} sequential iterations each (after 50 warm-up), ms`)
	console.log(`                                   mean      p50      p95      p99`)
	console.log(`  floor: GET / + GET /         ${fmt(f.mean)}  ${fmt(f.p50)}  ${fmt(f.p95)}  ${fmt(f.p99)}`)
	console.log(`  step:  POST choice + GET turn ${fmt(s.mean)}  ${fmt(s.p50)}  ${fmt(s.p95)}  ${fmt(s.p99)}`)
	console.log(
		`    of which POST + 302          ${fmt(stats(posts).mean)}  ${fmt(stats(posts).p50)}  ${fmt(stats(posts).p95)}  ${fmt(stats(posts).p99)}`,
	)
	console.log(
		`    of which GET next turn       ${fmt(stats(gets).mean)}  ${fmt(stats(gets).p50)}  ${fmt(stats(gets).p95)}  ${fmt(stats(gets).p99)}`,
	)
	const row = (label: string, xs: number[]) => {
		if (!xs.length) return console.log(`  ${label} (none)`)
		const x = stats(xs)
		console.log(`  ${label}${fmt(x.mean)}  ${fmt(x.p50)}  ${fmt(x.p95)}  ${fmt(x.p99)}   (n=${xs.length})`)
	}
	row('ending step: POST + 302      ', endingPosts)
	row('debrief page: GET            ', debriefGets)
	row('progress page: GET           ', progressGets)
	console.log(`  ratio step/floor (mean): ${(s.mean / f.mean).toFixed(2)}×   (target ≤ 1.5×)`)
	console.log(`  ratio step/floor (p99):  ${(s.p99 / f.p99).toFixed(2)}×`)
	console.log(`  step loop p99: ${s.p99.toFixed(1)} ms   (target < 50 ms locally)`)
	reportFigures({ floorMean: f.mean, floorP99: f.p99, stepMean: s.mean, stepP99: s.p99, ratioMean: s.mean / f.mean })
} finally {
	server.kill('SIGTERM')
	await new Promise((r) => server.once('exit', r))
	fs.rmSync(dataDir, { recursive: true, force: true })
}
