import { fileURLToPath } from 'node:url'
import type { DatabaseHandle } from '#db/client.server.ts'

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

// Explicit, never on import: the server calls it at start-up, and `npm run db:migrate` by hand.
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
	await handle.migrate(migrationsFolder)
}
