import { lt, or } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import { sessions } from '#db/schema.ts'
import { pruneRateLimitEvents } from '#app/data/rate-limit.server.ts'

const DAY = 86_400_000

// Housekeeping at start-up and hourly: expired sessions and old rate-limit events.
export async function pruneExpired(now: Date, idleMs = 30 * DAY): Promise<void> {
	await getDb()
		.delete(sessions)
		.where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs))))
	await pruneRateLimitEvents(new Date(now.getTime() - DAY))
}
