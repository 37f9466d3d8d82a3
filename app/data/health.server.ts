import { sql } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'

export async function pingDatabase(): Promise<void> {
	await getDb().execute(sql`select 1`)
}
