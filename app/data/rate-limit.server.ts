import { and, asc, count, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import { rateLimitEvents } from '#db/schema.ts'
import { retryAfterSeconds, type RateLimitPolicy } from '#app/domain/accounts/rate-limits.ts'

export type RateLimitStatus = { limited: false } | { limited: true; retryAfter: number; bucket: string }
export type Reservation = { ids: string[] }
export type ReserveResult = ({ limited: false } & Reservation) | { limited: true; retryAfter: number; bucket: string }

// Takes one slot in every bucket, or none: in one short transaction that commits before the
// caller checks a password, so concurrent attempts cannot all read "under the limit" first.
// A transaction-scoped advisory lock per bucket serialises the count-then-insert on
// PostgreSQL; PGlite runs one transaction at a time anyway. Kept in Postgres so the limit
// holds across several app instances.
export async function reserveRateLimitSlots(
	buckets: ReadonlyArray<{ bucket: string; policy: RateLimitPolicy }>,
	now = new Date(),
): Promise<ReserveResult> {
	// Sorted, so two requests locking the same buckets cannot deadlock.
	const ordered = [...buckets].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0))
	return getDb().transaction(async (tx) => {
		for (const { bucket } of ordered) {
			await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${bucket}, 0))`)
		}
		for (const { bucket, policy } of ordered) {
			const since = new Date(now.getTime() - policy.windowMs)
			const inWindow = and(eq(rateLimitEvents.bucket, bucket), gt(rateLimitEvents.at, since))
			const [row] = await tx.select({ n: count() }).from(rateLimitEvents).where(inWindow)
			if ((row?.n ?? 0) >= policy.limit) {
				const [oldest] = await tx
					.select({ at: rateLimitEvents.at })
					.from(rateLimitEvents)
					.where(inWindow)
					.orderBy(asc(rateLimitEvents.at))
					.limit(1)
				return { limited: true as const, bucket, retryAfter: retryAfterSeconds(oldest?.at ?? now, policy, now) }
			}
		}
		const rows = await tx
			.insert(rateLimitEvents)
			.values(ordered.map(({ bucket }) => ({ bucket, at: now })))
			.returning({ id: rateLimitEvents.id })
		return { limited: false as const, ids: rows.map((r) => r.id) }
	})
}

// A successful check gives its slots back: only failures count against the limit.
export async function releaseRateLimitSlots(reservation: Reservation): Promise<void> {
	if (reservation.ids.length === 0) return
	await getDb().delete(rateLimitEvents).where(inArray(rateLimitEvents.id, reservation.ids))
}

export async function pruneRateLimitEvents(olderThan: Date): Promise<void> {
	await getDb().delete(rateLimitEvents).where(lt(rateLimitEvents.at, olderThan))
}
