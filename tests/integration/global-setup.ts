import { migrateDatabase } from '#db/migrate.ts'
import { openTestDatabase } from '#tests/support/database.ts'

// A shared PostgreSQL database is migrated once, before any worker starts.
export default async function globalSetup() {
	if (!process.env.DATABASE_URL) return
	const handle = await openTestDatabase(1)
	try {
		await migrateDatabase(handle)
	} finally {
		await handle.close()
	}
}
