import { and, asc, count, eq, gt, lt } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import { rateLimitEvents } from '#db/schema.ts'
import { retryAfterSeconds, type RateLimitPolicy } from '#app/domain/accounts/rate-limits.ts'

export type RateLimitStatus = { limited: false } | { limited: true; retryAfter: number }

// Kept in Postgres so the limit holds across several app instances.
export async function rateLimitStatus(
	bucket: string,
	policy: RateLimitPolicy,
	now = new Date(),
): Promise<RateLimitStatus> {
	const db = getDb()
	const since = new Date(now.getTime() - policy.windowMs)
	const [row] = await db
		.select({ n: count() })
		.from(rateLimitEvents)
		.where(and(eq(rateLimitEvents.bucket, bucket), gt(rateLimitEvents.at, since)))
	if ((row?.n ?? 0) < policy.limit) return { limited: false }
	const [oldest] = await db
		.select({ at: rateLimitEvents.at })
		.from(rateLimitEvents)
		.where(and(eq(rateLimitEvents.bucket, bucket), gt(rateLimitEvents.at, since)))
		.orderBy(asc(rateLimitEvents.at))
		.limit(1)
	return { limited: true, retryAfter: retryAfterSeconds(oldest?.at ?? now, policy, now) }
}

export async function recordRateLimitEvent(bucket: string, now = new Date()): Promise<void> {
	await getDb().insert(rateLimitEvents).values({ bucket, at: now })
}

export async function pruneRateLimitEvents(olderThan: Date): Promise<void> {
	await getDb().delete(rateLimitEvents).where(lt(rateLimitEvents.at, olderThan))
}
