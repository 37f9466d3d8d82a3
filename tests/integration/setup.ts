import { afterAll, beforeAll } from 'vitest'
import { setDatabase, type DatabaseHandle } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { openTestDatabase } from '#tests/support/database.ts'
import { publishScenarioLibrary, refreshScenarioLibrary } from '#app/services/scenario-library.server.ts'

let handle: DatabaseHandle | undefined

beforeAll(async () => {
	handle = await openTestDatabase()
	// Each PGlite test file has its own in-memory database to migrate.
	if (handle.kind === 'pglite') await migrateDatabase(handle)
	setDatabase(handle)
	// As at start-up (DESIGN §7): publish the shipped files, then read the catalogue from the database.
	const published = await publishScenarioLibrary('scenarios')
	if (!published.ok) throw new Error(published.message)
	await refreshScenarioLibrary()
})

afterAll(async () => {
	setDatabase(undefined)
	await handle?.close()
})
