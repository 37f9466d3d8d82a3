import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatabaseLockedError, openDatabase } from '#db/client.server.ts'

// The lock guards the embedded database's folder; it does not depend on DATABASE_URL.
describe('embedded database folder', () => {
	it('is locked while open, so a second process cannot corrupt it', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-lock-'))
		const first = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'nested', 'data') })
		try {
			fs.writeFileSync(path.join(dir, 'nested', 'data', 'attune.lock'), String(process.ppid))
			await expect(openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'nested', 'data') })).rejects.toThrow(
				DatabaseLockedError,
			)
		} finally {
			fs.writeFileSync(path.join(dir, 'nested', 'data', 'attune.lock'), String(process.pid))
			await first.close()
		}
		expect(fs.existsSync(path.join(dir, 'nested', 'data', 'attune.lock'))).toBe(false)
		fs.rmSync(dir, { recursive: true, force: true })
	}, 30_000)

	it('takes over a stale lock left by a process that no longer exists', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-lock-'))
		fs.writeFileSync(path.join(dir, 'attune.lock'), '999999')
		const handle = await openDatabase({ kind: 'pglite', dataDir: dir })
		await handle.close()
		fs.rmSync(dir, { recursive: true, force: true })
	}, 30_000)

	it('takes over a stale lock whose pid now belongs to an unrelated live process', async () => {
		const unrelated = spawn('sleep', ['60'], { stdio: 'ignore' })
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-lock-'))
		try {
			const pid = unrelated.pid!
			// As an old Attune wrote it (a bare pid), and as one that started at another time.
			for (const lock of [String(pid), JSON.stringify({ pid, start: '1' })]) {
				fs.writeFileSync(path.join(dir, 'attune.lock'), lock)
				const handle = await openDatabase({ kind: 'pglite', dataDir: dir })
				await handle.close()
			}
		} finally {
			unrelated.kill()
			fs.rmSync(dir, { recursive: true, force: true })
		}
	}, 60_000)
})
