// `npm run db:restore -- <file>`: puts a backup from `npm run db:backup` back.
//   PGlite: stop the server first. The current DATA_DIR/pg is kept beside it as pg.before-restore-<time>.
//   PostgreSQL: pg_restore --clean into DATABASE_URL (objects of the backup are dropped and recreated).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseEnv } from '#app/utils/env.server.ts'
import { DatabaseLockedError, openDatabase } from '#db/client.server.ts'
import { postgresTool } from './db-tools.ts'

const env = parseEnv(process.env)
const file = process.argv[2]
if (!file || !fs.existsSync(file)) {
	console.error(`✖ Usage: npm run db:restore -- <backup file>${file ? ` (${file} does not exist)` : ''}`)
	process.exit(1)
}

try {
	if (env.DATABASE_URL) {
		execFileSync(
			postgresTool('pg_restore'),
			['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${env.DATABASE_URL}`, file],
			{ stdio: ['ignore', 'inherit', 'inherit'] },
		)
	} else {
		const pgDir = path.join(env.DATA_DIR, 'pg')
		let keptAt: string | undefined
		if (fs.existsSync(pgDir)) {
			// Fails with a clear message while the server holds the folder.
			await (await openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR })).close()
			keptAt = `${pgDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
			fs.renameSync(pgDir, keptAt)
		}
		const tarball = new Blob([fs.readFileSync(file)])
		const handle = await openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR, loadDataDir: tarball })
		await handle.close()
		if (keptAt) console.log(`The previous database is kept in ${keptAt} (delete it when you are satisfied).`)
	}
} catch (error) {
	console.error(`✖ Restore failed: ${error instanceof DatabaseLockedError ? error.message : (error as Error).message}`)
	process.exit(1)
}
console.log(`Restored ${file}.`)
