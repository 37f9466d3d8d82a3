// The Attune HTTP server: one process owns the database (PGlite folder or a
// Postgres pool), applies migrations and the demo seed, then serves Remix.
//   tsx scripts/server.ts          production build (rebuilt first when stale)
//   tsx scripts/server.ts --dev    Vite dev server with HMR
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { createRequestHandler as createRemixHandler, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { DatabaseLockedError, openDatabase, setDatabase } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { demoSignInText, seedDemo } from '#app/services/demo-seed.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { pruneExpired } from '#app/data/maintenance.server.ts'
import { publishScenarioLibrary, refreshScenarioLibrary } from '#app/services/scenario-library.server.ts'
import { LIBRARY_CHANNEL } from '#app/data/scenario-library.server.ts'
import { formatProblem } from '#app/domain/scenario/problems.ts'
import { checkRequestOrigin } from '#app/security/origin-check.ts'
import { bodyLimitFor } from '#app/security/body-limit.ts'
import { cookiesAreSecure, EnvError, parseEnv } from '#app/utils/env.server.ts'
import { logError } from '#app/utils/log-error.server.ts'
import { isDraining, setDraining } from '#app/utils/lifecycle.server.ts'

declare global {
	// eslint-disable-next-line @typescript-eslint/no-namespace
	namespace Express {
		interface Locals {
			cspNonce: string
			bodyTooLarge?: boolean
		}
	}
}

const started = performance.now()
// Where start-up time goes (printed at start, read by `npm run bench:cold-start`).
// performance.now() counts from process start, so `started` is the time spent loading modules.
const phases: Array<[string, number]> = [['node + imports', started]]
let phaseStart = started
function phase(name: string) {
	const now = performance.now()
	phases.push([name, now - phaseStart])
	phaseStart = now
}
const dev = process.argv.includes('--dev')
const root = path.resolve(import.meta.dirname, '..')

let buildChild: ReturnType<typeof spawn> | undefined
function fail(message: string): never {
	buildChild?.kill()
	console.error(`\n✖ ${message}\n`)
	process.exit(1)
}

// The Remix bundle reads process.env itself, so the mode must be set there, not just here.
process.env.NODE_ENV ??= dev ? 'development' : 'production'
let env: ReturnType<typeof parseEnv>
try {
	env = parseEnv(process.env)
} catch (error) {
	if (error instanceof EnvError) fail(error.message)
	throw error
}

function newestMtime(target: string): number {
	if (!fs.existsSync(target)) return 0
	const stat = fs.statSync(target)
	if (!stat.isDirectory()) return stat.mtimeMs
	let newest = stat.mtimeMs
	for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
	return newest
}

const serverBuildPath = path.join(root, 'build/server/index.js')

// `npm start` on a fresh clone must work without a separate build step, but a
// rebuild on every start would waste seconds; rebuild only when sources changed.
// The build runs in a child process while this one opens and migrates the database.
function buildIfStale(): Promise<void> {
	const built = newestMtime(serverBuildPath)
	const sources = Math.max(
		...['app', 'public', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(path.join(root, p))),
	)
	if (built > sources) return Promise.resolve()
	console.log('Building the app…')
	const child = (buildChild = spawn(
		process.execPath,
		[path.join(root, 'node_modules/@remix-run/dev/dist/cli.js'), 'vite:build'],
		{
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, NODE_ENV: 'production' },
		},
	))
	return new Promise((resolve) => {
		child.on('exit', (code) => (code === 0 ? resolve() : fail('The build failed (see above).')))
	})
}

// Start-up problems stop at once with one line naming the setting to change, not a trace.
function checkDataDir(dataDir: string) {
	const dir = path.resolve(dataDir)
	for (let p = dir; ; p = path.dirname(p)) {
		if (fs.existsSync(p)) {
			if (!fs.statSync(p).isDirectory()) {
				fail(`DATA_DIR must be a folder, but ${p} is a file. Set DATA_DIR to a folder (it is created if missing).`)
			}
			return
		}
		if (path.dirname(p) === p) return
	}
}

function portIsFree(port: number, host: string): Promise<NodeJS.ErrnoException | null> {
	return new Promise((resolve) => {
		const probe = net.createServer()
		probe.once('error', (error: NodeJS.ErrnoException) => resolve(error))
		probe.listen(port, host, () => probe.close(() => resolve(null)))
	})
}

function portProblem(error: NodeJS.ErrnoException): string {
	return error.code === 'EADDRINUSE'
		? `Port ${env.PORT} is already in use on ${env.HOST}. Stop the program using it, or set PORT to a free port.`
		: `Cannot listen on ${env.HOST}:${env.PORT} (${error.code ?? error.message}). Check the HOST and PORT settings.`
}

function rootMessage(error: unknown): string {
	let e = error as { cause?: unknown; message?: unknown; code?: unknown } | undefined
	while (e && typeof e === 'object' && e.cause && typeof e.cause === 'object') e = e.cause as typeof e
	const code = typeof e?.code === 'string' ? `${e.code}: ` : ''
	return `${code}${typeof e?.message === 'string' ? e.message.split('\n')[0] : String(error)}`
}

if (!env.DATABASE_URL) checkDataDir(env.DATA_DIR)
const portError = await portIsFree(env.PORT, env.HOST)
if (portError) fail(portProblem(portError))

const building = dev ? Promise.resolve() : buildIfStale()

let database: Awaited<ReturnType<typeof openDatabase>>
try {
	database = await openDatabase(
		env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: env.DATA_DIR },
	)
	setDatabase(database)
	phase('database open')
	await migrateDatabase(database)
	phase('migrations')
} catch (error) {
	if (error instanceof DatabaseLockedError) fail(error.message)
	if (env.DATABASE_URL) {
		const where = (() => {
			try {
				const url = new URL(env.DATABASE_URL)
				return `${url.hostname}:${url.port || 5432}${url.pathname}`
			} catch {
				return 'an unreadable URL'
			}
		})()
		fail(
			`Cannot use the PostgreSQL database in DATABASE_URL (${where}): ${rootMessage(error)}. ` +
				'Check that the server runs and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.',
		)
	}
	fail(`Cannot open the embedded database in DATA_DIR (${path.resolve(env.DATA_DIR)}): ${rootMessage(error)}.`)
}
const seeded = env.SEED_DEMO ? await seedDemo(database.db) : null
phase('demo seed')
// DESIGN §7: start-up publishes the scenario files (strict check, new versions stored), then
// reads the catalogue from the database; other instances pick it up on their next refresh.
const published = await publishScenarioLibrary()
if (!published.ok) fail(published.message)
phase('library check + publish')
const library = await refreshScenarioLibrary()
// Other instances' publishes arrive by LISTEN/NOTIFY on PostgreSQL; the slow timer is the fallback.
const reloadLibrary = () => void refreshScenarioLibrary().catch(logError)
let libraryListening = false
await database.listen?.(LIBRARY_CHANNEL, reloadLibrary, () => {
	// Runs again after a reconnection, when a notification may have been missed.
	if (libraryListening) reloadLibrary()
	libraryListening = true
})
const libraryTimer = setInterval(reloadLibrary, 5 * 60_000)
libraryTimer.unref()
for (const file of library.broken) {
	console.warn(`⚠ Scenario file ${file.file} has problems and is not offered (the others work):`)
	for (const problem of file.problems) console.warn(`    ${formatProblem(problem)}`)
}
await pruneExpired(new Date())
phase('catalogue + housekeeping')
const pruneTimer = setInterval(() => void pruneExpired(new Date()).catch(logError), 60 * 60_000)
pruneTimer.unref()

const viteDevServer = dev
	? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))
	: undefined

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', env.TRUST_PROXY)
// While draining, each answer closes its connection, so keep-alive clients reconnect elsewhere.
app.use((_req, res, next) => {
	if (isDraining()) res.set('Connection', 'close')
	next()
})
app.use(compression())

// A declared body over the cap is never read (readFormData caps bodies of unknown length).
// The request still goes through Remix, without its body, so the form answers the 413 in the
// app's own page: as the form's error on sign-in, sign-up and invitations.
app.use((req, res, next) => {
	if (Number(req.get('content-length') ?? 0) <= bodyLimitFor(req.path)) return next()
	// Node would otherwise read the unread body to the end to discard it (req._dump).
	;(req as unknown as { _consuming: boolean })._consuming = true
	res.locals.bodyTooLarge = true
	res.set('Connection', 'close')
	next()
})

app.use((_req, res, next) => {
	res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
	next()
})

const secure = cookiesAreSecure(env)
app.use(
	helmet({
		referrerPolicy: { policy: 'same-origin' },
		strictTransportSecurity: secure ? undefined : false,
		crossOriginEmbedderPolicy: false,
		contentSecurityPolicy: {
			useDefaults: false,
			directives: {
				'default-src': ["'self'"],
				'base-uri': ["'self'"],
				'object-src': ["'none'"],
				'frame-ancestors': ["'none'"],
				'form-action': ["'self'"],
				'img-src': ["'self'", 'data:'],
				'font-src': ["'self'"],
				// Vite injects styles and opens a websocket in development only.
				'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
				'connect-src': dev ? ["'self'", 'ws:'] : ["'self'"],
				'script-src': [
					"'strict-dynamic'",
					"'self'",
					(_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
				],
				'upgrade-insecure-requests': secure ? [] : null,
			},
		},
	}),
)

// Test-only: the end-to-end sign-in fixture, mounted only when Playwright hands over its one-run secret.
if (process.env.ATTUNE_E2E_FIXTURE_TOKEN) {
	const { mountE2eSignIn } = await import('#tests/support/e2e-sign-in.server.ts')
	mountE2eSignIn(app, process.env.ATTUNE_E2E_FIXTURE_TOKEN)
	console.warn('⚠ End-to-end test fixtures are mounted (ATTUNE_E2E_FIXTURE_TOKEN is set): never do this in production.')
}

// CSRF: every state-changing request must come from our own pages.
app.use((req, res, next) => {
	const expectedOrigin = `${req.protocol}://${req.get('host') ?? ''}`
	const verdict = checkRequestOrigin({
		method: req.method,
		origin: req.get('origin'),
		secFetchSite: req.get('sec-fetch-site'),
		expectedOrigin,
	})
	if (verdict.ok) return next()
	void recordAudit({
		type: 'cross_origin_refused',
		ip: req.ip ?? null,
		detail: { path: req.path, method: req.method, origin: req.get('origin') ?? null },
	}).catch(logError)
	res.status(403).type('text/plain').send(`403 Forbidden: ${verdict.reason}`)
})

if (viteDevServer) {
	app.use(viteDevServer.middlewares)
} else {
	app.use('/assets', express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }))
	app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
}

// Every page may carry personal data: never let a shared cache keep one.
app.use((_req, res, next) => {
	res.setHeader('Cache-Control', 'no-store')
	next()
})

phase('server set-up')
await building
phase('waiting for the build')
const build = viteDevServer
	? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
	: ((await import(pathToFileURL(serverBuildPath).href)) as ServerBuild)

const getLoadContext = (req: express.Request, res: express.Response) => ({
	cspNonce: res.locals.cspNonce,
	clientIp: req.ip ?? null,
})
const mode = dev ? 'development' : 'production'
const remixHandler = createRequestHandler({ build, mode, getLoadContext })
phase('app bundle load')
const bodylessHandler = createRemixHandler(build, mode)

app.all('*', (req, res, next) => {
	if (!res.locals.bodyTooLarge) return void remixHandler(req, res, next)
	// The headers (with the declared Content-Length) but never the body: readFormData sees
	// the length and answers 413 before reading anything.
	const headers = new Headers()
	for (const [name, value] of Object.entries(req.headers)) {
		for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v)
	}
	const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
	bodylessHandler(new Request(url, { method: req.method, headers }), getLoadContext(req, res))
		.then(async (response) => {
			res.status(response.status)
			for (const [name, value] of response.headers) if (name !== 'connection') res.append(name, value)
			res.send(Buffer.from(await response.arrayBuffer()))
		})
		.catch(next)
})

app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
	logError(error)
	if (res.headersSent) return
	res.status(500).type('text/plain').send('500 Internal Server Error. The details are in the server log.')
})

const server = app.listen(env.PORT, env.HOST, () => {
	const seconds = ((performance.now() - started) / 1000).toFixed(1)
	const where = database.kind === 'pglite' ? `embedded PGlite in ${path.resolve(env.DATA_DIR)}` : 'PostgreSQL'
	console.log(`\nAttune is ready on http://localhost:${env.PORT} (${where}; started in ${seconds}s)`)
	console.log(`Start-up: ${phases.map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(' · ')}`)
	console.log(`Scenario library: ${library.scenarios.length} scenarios, ${library.broken.length} broken files`)
	if (seeded) console.log(`\n${demoSignInText()}\n`)
})

// Lingering close: when the server closes a connection whose request body it did not read
// (a 413), it sends its answer and FIN, stops reading, and resets the socket only a moment
// later. Closing at once would reset it while the client is still sending, and the client
// could lose the 413 it was about to read.
server.on('connection', (socket) => {
	socket.destroySoon = function lingeringClose(this: typeof socket) {
		this.pause()
		this.end()
		setTimeout(() => this.destroy(), 2000).unref()
	}
})

// The port was free at start; something may have taken it while the app was starting.
server.on('error', (error: NodeJS.ErrnoException) => fail(portProblem(error)))

// Graceful drain: stop accepting connections, let the requests in flight finish (each one's
// transaction commits or rolls back as a whole), then close the database and exit 0.
const DRAIN_TIMEOUT_MS = 25_000
let closing = false
async function shutdown(signal: string) {
	if (closing) return
	closing = true
	setDraining(true)
	console.log(`\n${signal} received: finishing the requests in flight, then closing the database…`)
	const closed = new Promise<void>((resolve) => server.close(() => resolve()))
	server.closeIdleConnections()
	// A client that keeps a connection open without sending anything must not hold the exit.
	const idleSweep = setInterval(() => server.closeIdleConnections(), 250)
	const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS)
	await closed
	clearInterval(idleSweep)
	clearTimeout(deadline)
	await viteDevServer?.close()
	await database.close()
	process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
