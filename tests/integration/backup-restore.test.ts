import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, rowsOf, type DatabaseHandle } from '#db/client.server.ts'
import { sql } from 'drizzle-orm'
import { seedTarget, type LoadTarget } from '../../scripts/load/prepare.ts'

// `npm run db:backup` then `npm run db:restore`, as an operator runs them: on a PGlite folder
// (PGlite's own dump) and on PostgreSQL (pg_dump / pg_restore), each a full round trip.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-backup-'))
const url = process.env.DATABASE_URL
const database = `attune_backup_${crypto.randomBytes(4).toString('hex')}`
const backupUrl = url ? Object.assign(new URL(url), { pathname: `/${database}` }).href : ''

afterAll(async () => {
	fs.rmSync(tmp, { recursive: true, force: true })
	if (url) {
		const admin = postgres(url, { max: 1, onnotice: () => {} })
		await admin.unsafe(`drop database if exists ${database} with (force)`)
		await admin.end()
	}
})

function run(script: string, env: Record<string, string>, ...args: string[]) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
		env: { ...process.env, DATABASE_URL: '', ...env },
		encoding: 'utf8',
	})
	return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

async function snapshotOf(target: LoadTarget) {
	const handle: DatabaseHandle = await openDatabase(
		'dataDir' in target ? { kind: 'pglite', dataDir: target.dataDir } : { kind: 'postgres', url: target.databaseUrl },
	)
	try {
		const users = rowsOf<{ email: string; password_hash: string }>(
			await handle.db.execute(sql`select email, password_hash from users order by email`),
		)
		const counts = rowsOf<{ n: number }>(
			await handle.db.execute(
				sql`select (select count(*) from memberships)::int + (select count(*) from audit_events)::int as n`,
			),
		)
		return { users, counts }
	} finally {
		await handle.close()
	}
}

describe('backup and restore', () => {
	it('round-trips a PGlite folder, keeping the replaced database aside', async () => {
		const dataDir = path.join(tmp, 'data')
		const seeded = await seedTarget({ dataDir }, 2)
		const before = await snapshotOf({ dataDir })
		expect(before.users.map((u) => u.email)).toEqual(expect.arrayContaining(seeded.learners.map((l) => l.email)))

		const file = path.join(tmp, 'pglite.tar.gz')
		const backup = run('db-backup', { DATA_DIR: dataDir }, file)
		expect(backup.code, backup.output).toBe(0)
		expect(fs.statSync(file).size).toBeGreaterThan(1000)

		// Change the database after the backup: the restore must bring back the backed-up state.
		await seedTarget({ dataDir }, 1)
		expect((await snapshotOf({ dataDir })).users.length).toBeGreaterThan(before.users.length)

		const restore = run('db-restore', { DATA_DIR: dataDir }, file)
		expect(restore.code, restore.output).toBe(0)
		expect(await snapshotOf({ dataDir })).toEqual(before)
		expect(fs.readdirSync(dataDir).some((f) => f.startsWith('pg.before-restore-'))).toBe(true)

		// Restoring into an empty folder works too.
		const fresh = path.join(tmp, 'fresh')
		expect(run('db-restore', { DATA_DIR: fresh }, file).code).toBe(0)
		expect(await snapshotOf({ dataDir: fresh })).toEqual(before)
	}, 180_000)

	it.skipIf(!url)(
		'round-trips PostgreSQL with pg_dump and pg_restore',
		async () => {
			const admin = postgres(url!, { max: 1, onnotice: () => {} })
			await admin.unsafe(`create database ${database}`)
			await admin.end()
			const target = { databaseUrl: backupUrl }
			await seedTarget(target, 2)
			const before = await snapshotOf(target)

			const file = path.join(tmp, 'pg.pgdump')
			const backup = run('db-backup', { DATABASE_URL: backupUrl }, file)
			expect(backup.code, backup.output).toBe(0)
			await seedTarget(target, 1)
			expect((await snapshotOf(target)).users.length).toBeGreaterThan(before.users.length)

			const restore = run('db-restore', { DATABASE_URL: backupUrl }, file)
			expect(restore.code, restore.output).toBe(0)
			expect(await snapshotOf(target)).toEqual(before)
		},
		180_000,
	)
})
