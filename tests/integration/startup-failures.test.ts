import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Each case must stop at once with one line naming the setting to change, not a stack trace.
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
	const started = Date.now()
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
			env: { ...process.env, SEED_DEMO: 'false', DATABASE_URL: '', ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		let output = ''
		child.stdout.on('data', (d) => (output += d))
		child.stderr.on('data', (d) => (output += d))
		const timer = setTimeout(() => child.kill(), 45_000)
		child.on('exit', (code) => {
			clearTimeout(timer)
			resolve({ code, output: output.trim(), ms: Date.now() - started })
		})
	})
}

describe('start-up failures (item 6)', () => {
	it('names DATA_DIR when it points at a file', async () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'attune-start-')), 'not-a-folder')
		fs.writeFileSync(file, 'x')
		const result = await startServer({ DATA_DIR: file, PORT: '3001' })
		expect(result.code).toBe(1)
		expect(result.output.split('\n')).toHaveLength(1)
		expect(result.output).toMatch(/DATA_DIR must be a folder/)
		expect(result.output).not.toMatch(/ENOTDIR|\n\s+at /)
	}, 60_000)

	it('names PORT when the port is in use, without waiting for the rest of start-up', async () => {
		const holder = net.createServer()
		await new Promise<void>((resolve) => holder.listen(3001, '0.0.0.0', resolve))
		try {
			const result = await startServer({
				DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'attune-start-')),
				PORT: '3001',
			})
			expect(result.code).toBe(1)
			expect(result.output).toMatch(/^✖ Port 3001 is already in use.*set PORT/)
			expect(result.output.split('\n')).toHaveLength(1)
		} finally {
			holder.close()
		}
	}, 60_000)

	it('names DATABASE_URL when the database cannot be reached, without the password or a stack', async () => {
		const result = await startServer({
			DATABASE_URL: 'postgres://someone:hunter2secret@127.0.0.1:1/attune',
			PORT: '3001',
		})
		expect(result.code).toBe(1)
		expect(result.output).toMatch(/^✖ Cannot use the PostgreSQL database in DATABASE_URL \(127\.0\.0\.1:1\/attune\)/m) // after "Building the app…" when sources changed
		expect(result.output).not.toMatch(/hunter2secret|Failed query|\n\s+at /)
	}, 60_000)
})
