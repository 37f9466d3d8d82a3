import { openDatabase } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { parseEnv } from '#app/utils/env.server.ts'

const env = parseEnv(process.env)
const handle = await openDatabase(
	env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: env.DATA_DIR },
)
try {
	await migrateDatabase(handle)
	console.log(`Migrations applied (${handle.kind}).`)
} finally {
	await handle.close()
}
