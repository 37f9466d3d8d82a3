import { sql } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'

export async function pingDatabase(): Promise<void> {
	await getDb().execute(sql`select 1`)
}

// A readiness probe must answer even when the database hangs (a dropped network, a full pool).
export async function databaseIsReachable(timeoutMs = 2_000): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined
	const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
	try {
		return await Promise.race([pingDatabase().then(() => true), timeout])
	} catch {
		return false
	} finally {
		clearTimeout(timer)
	}
}
