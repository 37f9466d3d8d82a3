// Starts the real server (scripts/server.ts) as a child process for load, fault and
// scale-out runs, and waits until it says it is ready.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

export type AppProcess = {
	url: string
	child: ChildProcess
	output: () => string
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
	stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export type AppProcessOptions = {
	port: number
	// A PostgreSQL URL, or a PGlite data folder.
	databaseUrl?: string
	dataDir?: string
	env?: Record<string, string>
	nodeArgs?: string[]
	timeoutMs?: number
}

export async function startApp(options: AppProcessOptions): Promise<AppProcess> {
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'scripts/server.ts'], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(options.port),
			HOST: '127.0.0.1',
			DATABASE_URL: options.databaseUrl ?? '',
			DATA_DIR: options.dataDir ?? '',
			SEED_DEMO: 'false',
			TRUST_PROXY: 'true',
			COOKIE_SECURE: 'false',
			...options.env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout!.on('data', (d) => (output += d))
	child.stderr!.on('data', (d) => (output += d))
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal })),
	)
	const url = `http://127.0.0.1:${options.port}`
	const deadline = Date.now() + (options.timeoutMs ?? 120_000)
	let gone = false
	void exited.then(() => (gone = true))
	for (;;) {
		if (gone) throw new Error(`the server exited while starting:\n${output}`)
		if (Date.now() > deadline) {
			child.kill('SIGKILL')
			throw new Error(`the server did not start in time:\n${output}`)
		}
		try {
			if ((await fetch(`${url}/readyz`)).ok) break
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100))
	}
	return {
		url,
		child,
		output: () => output,
		exited,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal)
			return exited
		},
	}
}
