// `npm run db:backup [-- <file>]`: a consistent copy of the database.
//   PGlite (no DATABASE_URL): PGlite's own dump of DATA_DIR, a gzipped tarball. Stop the server
//   first: only one process may hold the folder (the command says so if it is in use).
//   PostgreSQL: pg_dump's custom format (pg_dump takes a consistent snapshot; the app may keep running).
// Restore with `npm run db:restore -- <file>`.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseEnv } from '#app/utils/env.server.ts'
import { DatabaseLockedError, openDatabase } from '#db/client.server.ts'
import { postgresTool } from './db-tools.ts'

const env = parseEnv(process.env)
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const file = path.resolve(
	process.argv[2] ?? path.join('backups', `attune-${stamp}.${env.DATABASE_URL ? 'pgdump' : 'tar.gz'}`),
)
fs.mkdirSync(path.dirname(file), { recursive: true })

try {
	if (env.DATABASE_URL) {
		execFileSync(postgresTool('pg_dump'), ['--format=custom', '--no-owner', `--file=${file}`, env.DATABASE_URL], {
			stdio: ['ignore', 'inherit', 'inherit'],
		})
	} else {
		if (!fs.existsSync(path.join(env.DATA_DIR, 'pg')))
			throw new Error(`There is no database in DATA_DIR (${path.resolve(env.DATA_DIR)}).`)
		const handle = await openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR })
		try {
			const dump = await handle.dumpDataDir!()
			fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
		} finally {
			await handle.close()
		}
	}
} catch (error) {
	console.error(`✖ Backup failed: ${error instanceof DatabaseLockedError ? error.message : (error as Error).message}`)
	process.exit(1)
}
console.log(`Backup written to ${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB).`)
