import { afterAll, beforeAll } from 'vitest'
import { setDatabase, type DatabaseHandle } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { openTestDatabase } from '#tests/support/database.ts'

let handle: DatabaseHandle | undefined

beforeAll(async () => {
	handle = await openTestDatabase()
	// Each PGlite test file has its own in-memory database to migrate.
	if (handle.kind === 'pglite') await migrateDatabase(handle)
	setDatabase(handle)
})

afterAll(async () => {
	setDatabase(undefined)
	await handle?.close()
})
