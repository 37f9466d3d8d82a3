import { openDatabase, type DatabaseHandle } from '#db/client.server.ts'

// Integration tests run twice: on in-memory PGlite, and on the PostgreSQL server
// named by DATABASE_URL when the test script has started one.
export function openTestDatabase(max = 4): Promise<DatabaseHandle> {
	const url = process.env.DATABASE_URL
	return url ? openDatabase({ kind: 'postgres', url, max }) : openDatabase({ kind: 'pglite', dataDir: 'memory://' })
}
