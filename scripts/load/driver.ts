// A load driver: N simulated learners practise at once over HTTP, each with its own cookies
// and forwarded address, through the real shipped scenarios: sign-in (staggered, timed apart),
// the catalogue, a role-play to its ending with think time between replies, the debrief,
// double-clicks (one step POSTed twice at once) and a second tab (a concurrent GET, and a
// concurrent POST of another reply on the same step).
//
// Every decision the server acknowledged (a 302 back to the turn without `notice=stale`) is
// kept, so that a consistency check can prove afterwards that none was lost or doubled.
import { setMaxListeners } from 'node:events'
import { Agent, request } from 'undici'
import * as hdr from 'hdr-histogram-js'

export type Learner = { email: string; password: string }

export type LoadOptions = {
	// One or more app instances; a learner alternates between them request by request.
	baseUrls: string[]
	learners: Learner[]
	// How long everyone practises once all have signed in (a learner finishes the step in hand).
	durationMs: number
	// Think time between replies: uniform in [min, max] ms.
	thinkMs?: [number, number]
	// Sign-ins are spread evenly over this window (Argon2 is meant to be slow).
	signInSpreadMs?: number
	doubleClickRate?: number
	secondTabRate?: number
	// Stop every learner at once (SIGTERM tests): pending requests still finish or fail.
	signal?: AbortSignal
	// Called once everyone has signed in, just before the timed practice starts.
	onPractiseStart?: () => Promise<void> | void
	// Called after each acknowledged decision and each finished attempt.
	onProgress?: (progress: { acknowledged: number; attemptsFinished: number; debriefsRead: number }) => void
}

export type Acknowledged = { email: string; attemptId: string; step: number; choiceId: string }

export type Summary = { count: number; p50: number; p99: number; max: number; mean: number }

export type LoadResult = {
	learners: number
	durationMs: number
	steps: Summary
	signIns: Summary
	stepsPerSecond: number
	acknowledged: Acknowledged[]
	attemptsFinished: number
	debriefsRead: number
	doubleClicks: number
	secondTabPosts: number
	// Requests that failed in a way a learner would notice (5xx, a refused connection, a wrong page).
	errors: string[]
	statusCounts: Record<string, number>
}

const histogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000 })

function summarise(h: hdr.Histogram): Summary {
	const ms = (us: number) => Math.round(us / 10) / 100
	return {
		count: h.totalCount,
		p50: ms(h.getValueAtPercentile(50)),
		p99: ms(h.getValueAtPercentile(99)),
		max: ms(h.maxValue),
		mean: ms(h.mean),
	}
}

const sleep = (ms: number, signal?: AbortSignal) =>
	new Promise<void>((resolve) => {
		if (signal?.aborted) return resolve()
		const onAbort = () => (clearTimeout(timer), resolve())
		const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms)
		signal?.addEventListener('abort', onAbort, { once: true })
	})

type Reply = { status: number; location: string | undefined; body: string }

class StopLearner extends Error {}

class Session {
	private cookies = new Map<string, string>()
	private turn = 0
	constructor(
		private readonly run: Run,
		readonly learner: Learner,
		private readonly address: string,
	) {}

	private base(): string {
		const urls = this.run.options.baseUrls
		return urls[this.turn++ % urls.length]!
	}

	async send(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Reply> {
		const base = this.base()
		const headers: Record<string, string> = { 'x-forwarded-for': this.address, 'user-agent': 'attune-load' }
		if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		if (form) {
			headers.origin = base
			headers['content-type'] = 'application/x-www-form-urlencoded'
		}
		let res
		try {
			res = await request(`${base}${path}`, {
				method,
				headers,
				body: form ? new URLSearchParams(form).toString() : undefined,
				dispatcher: this.run.agent,
				headersTimeout: 60_000,
				bodyTimeout: 60_000,
			})
		} catch (error) {
			this.run.count(`network:${(error as { code?: string }).code ?? 'error'}`)
			if (this.run.options.signal?.aborted) throw new StopLearner()
			throw new Error(`${method} ${path}: ${(error as Error).message}`)
		}
		const body = await res.body.text()
		this.run.count(String(res.statusCode))
		const set = res.headers['set-cookie']
		for (const line of Array.isArray(set) ? set : set ? [set] : []) {
			const [pair] = line.split(';')
			const eq = pair!.indexOf('=')
			if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim())
		}
		const location = res.headers.location
		if (res.statusCode >= 500) throw new Error(`${method} ${path}: ${res.statusCode}`)
		return { status: res.statusCode, location: Array.isArray(location) ? location[0] : location, body }
	}
}

function turnOf(html: string): { step: string; choices: string[] } | undefined {
	const step = /name="step" value="(\d+)"/.exec(html)?.[1]
	const choices = [...html.matchAll(/name="choice" value="([^"]+)"/g)].map((m) => m[1]!)
	return step !== undefined && choices.length ? { step, choices } : undefined
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!

class Run {
	readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: null, pipelining: 0 })
	readonly steps = histogram()
	readonly signIns = histogram()
	readonly acknowledged: Acknowledged[] = []
	readonly errors: string[] = []
	readonly statusCounts: Record<string, number> = {}
	attemptsFinished = 0
	debriefsRead = 0
	doubleClicks = 0
	secondTabPosts = 0
	constructor(readonly options: LoadOptions) {}
	count(key: string) {
		this.statusCounts[key] = (this.statusCounts[key] ?? 0) + 1
	}
	progress() {
		this.options.onProgress?.({
			acknowledged: this.acknowledged.length,
			attemptsFinished: this.attemptsFinished,
			debriefsRead: this.debriefsRead,
		})
	}
	get stopped() {
		return this.options.signal?.aborted ?? false
	}
}

// A 302 to the turn acknowledges the decision; `notice=stale` says another request got there first.
function acknowledgedBy(reply: Reply, attemptId: string): boolean {
	if (reply.status !== 302 || !reply.location?.startsWith(`/play/${attemptId}`)) {
		throw new Error(`choose on ${attemptId}: expected a 302 to the turn, got ${reply.status} ${reply.location ?? ''}`)
	}
	return !reply.location.includes('notice=stale')
}

async function practise(run: Run, session: Session, deadline: number) {
	const { options } = run
	const [thinkMin, thinkMax] = options.thinkMs ?? [3_000, 7_000]
	const think = () => sleep(thinkMin + Math.random() * (thinkMax - thinkMin), options.signal)
	while (Date.now() < deadline && !run.stopped) {
		const catalogue = await session.send('GET', '/practice')
		const slugs = [...new Set([...catalogue.body.matchAll(/href="\/practice\/([a-z0-9-]+)"/g)].map((m) => m[1]!))]
		if (catalogue.status !== 200 || !slugs.length) throw new Error(`catalogue: ${catalogue.status}, no scenarios`)
		const started = await session.send('POST', `/practice/${pick(slugs)}`, { intent: 'start' })
		const attemptId = /^\/play\/([0-9a-f-]{36})/.exec(started.location ?? '')?.[1]
		if (started.status !== 302 || !attemptId) throw new Error(`start: ${started.status} ${started.location ?? ''}`)
		let page = await session.send('GET', `/play/${attemptId}`)
		for (;;) {
			const turn = turnOf(page.body)
			if (!turn) break
			await think()
			if (run.stopped || Date.now() > deadline) return
			const choiceId = pick(turn.choices)
			const form = { intent: 'choose', step: turn.step, choice: choiceId }
			const t0 = performance.now()
			const roll = Math.random()
			const post = (choice: string) => ({
				choice,
				reply: session.send('POST', `/play/${attemptId}`, { ...form, choice }),
			})
			let posts: Array<{ choice: string; reply: Promise<Reply> }>
			let alongside: Promise<unknown> = Promise.resolve()
			if (roll < (options.doubleClickRate ?? 0.1)) {
				run.doubleClicks++
				posts = [post(choiceId), post(choiceId)]
			} else if (roll < (options.doubleClickRate ?? 0.1) + (options.secondTabRate ?? 0.1)) {
				// A second tab reads the turn and posts its own reply on the same step at the same moment.
				run.secondTabPosts++
				posts = [post(choiceId), post(pick(turn.choices))]
				alongside = session.send('GET', `/play/${attemptId}`)
			} else {
				posts = [post(choiceId)]
			}
			// Every reply that arrived counts, even when a request beside it failed (a server shutting
			// down mid-double-click): otherwise a decision the server acknowledged would go unrecorded.
			const settled = await Promise.allSettled([...posts.map((p) => p.reply), alongside])
			const acked = posts.filter((_, i) => {
				const s = settled[i]!
				return s.status === 'fulfilled' && acknowledgedBy(s.value as Reply, attemptId)
			})
			if (acked.length > 1) throw new Error(`step ${turn.step} was acknowledged ${acked.length} times`)
			if (acked.length === 1) {
				run.acknowledged.push({
					email: session.learner.email,
					attemptId,
					step: Number(turn.step) + 1,
					choiceId: acked[0]!.choice,
				})
				run.progress()
			}
			const failed = settled.find((s) => s.status === 'rejected')
			if (failed) throw (failed as PromiseRejectedResult).reason
			page = await session.send('GET', `/play/${attemptId}`)
			if (page.status !== 200) throw new Error(`turn: ${page.status}`)
			run.steps.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)))
		}
		if (run.stopped) return
		run.attemptsFinished++
		run.progress()
		const debrief = await session.send('GET', `/play/${attemptId}/debrief`)
		if (debrief.status !== 200) throw new Error(`debrief of ${attemptId}: ${debrief.status}`)
		run.debriefsRead++
		run.progress()
		await think()
	}
}

async function signIn(run: Run, learner: Learner, index: number, startAt: number): Promise<Session | undefined> {
	const spread = run.options.signInSpreadMs ?? Math.min(60_000, run.options.learners.length * 50)
	await sleep(startAt + (spread * index) / run.options.learners.length - Date.now(), run.options.signal)
	if (run.stopped) return undefined
	const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`
	const session = new Session(run, learner, address)
	try {
		const t0 = performance.now()
		const reply = await session.send('POST', '/login', { email: learner.email, password: learner.password })
		if (reply.status !== 302) throw new Error(`sign-in of ${learner.email}: ${reply.status}`)
		run.signIns.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)))
		return session
	} catch (error) {
		if (!(error instanceof StopLearner)) run.errors.push((error as Error).message)
		return undefined
	}
}

async function practiseUntil(run: Run, session: Session, deadline: number) {
	// Learners start out of step with each other, as people do.
	const [, thinkMax] = run.options.thinkMs ?? [3_000, 7_000]
	await sleep(Math.random() * thinkMax, run.options.signal)
	try {
		await practise(run, session, deadline)
	} catch (error) {
		if (!(error instanceof StopLearner)) run.errors.push((error as Error).message)
	}
}

// Sign-ins first (staggered, timed apart), then everyone practises at once for durationMs:
// the step figures never include Argon2's work.
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
	if (options.signal) setMaxListeners(0, options.signal)
	const run = new Run(options)
	const startAt = Date.now()
	const sessions = await Promise.all(options.learners.map((l, i) => signIn(run, l, i, startAt)))
	await options.onPractiseStart?.()
	const practiseStart = performance.now()
	const deadline = Date.now() + options.durationMs
	await Promise.all(sessions.map((s) => (s ? practiseUntil(run, s, deadline) : undefined)))
	const elapsed = performance.now() - practiseStart
	await run.agent.close()
	return {
		learners: options.learners.length,
		durationMs: Math.round(elapsed),
		steps: summarise(run.steps),
		signIns: summarise(run.signIns),
		stepsPerSecond: Math.round((run.steps.totalCount / (elapsed / 1000)) * 10) / 10,
		acknowledged: run.acknowledged,
		attemptsFinished: run.attemptsFinished,
		debriefsRead: run.debriefsRead,
		doubleClicks: run.doubleClicks,
		secondTabPosts: run.secondTabPosts,
		errors: run.errors,
		statusCounts: run.statusCounts,
	}
}
