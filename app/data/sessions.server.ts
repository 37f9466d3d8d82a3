import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import { getDb, prepared, type Database, type Transaction } from '#db/client.server.ts'
import { memberships, organisations, sessions, users } from '#db/schema.ts'
import { hashToken, randomToken } from '#app/utils/crypto.server.ts'
import { sessionExpiry, type SessionPolicy } from '#app/domain/accounts/lifetimes.ts'

export async function createSessionRow(
	input: { userId: string; organisationId: string; userAgent: string | null; policy: SessionPolicy },
	db: Database | Transaction = getDb(),
): Promise<{ token: string; expiresAt: Date }> {
	const token = randomToken()
	const now = new Date()
	const expiresAt = sessionExpiry(now, input.policy)
	await db.insert(sessions).values({
		idHash: hashToken(token),
		userId: input.userId,
		organisationId: input.organisationId,
		createdAt: now,
		lastSeenAt: now,
		expiresAt,
		userAgent: input.userAgent?.slice(0, 300) ?? null,
	})
	return { token, expiresAt }
}

// One query per request: the session, its person and their role in the active organisation.
export async function findSessionByToken(token: string) {
	const query = prepared('find_session', (db) =>
		db
			.select({
				idHash: sessions.idHash,
				createdAt: sessions.createdAt,
				lastSeenAt: sessions.lastSeenAt,
				expiresAt: sessions.expiresAt,
				user: { id: users.id, name: users.name, email: users.email },
				organisation: { id: organisations.id, name: organisations.name, slug: organisations.slug },
				role: memberships.role,
			})
			.from(sessions)
			.innerJoin(users, eq(users.id, sessions.userId))
			.innerJoin(organisations, eq(organisations.id, sessions.organisationId))
			// A deactivated member's sessions stop working at once: no active membership, no row.
			.innerJoin(
				memberships,
				and(
					eq(memberships.organisationId, sessions.organisationId),
					eq(memberships.userId, sessions.userId),
					isNull(memberships.deactivatedAt),
				),
			)
			.where(eq(sessions.idHash, sql.placeholder('idHash')))
			.limit(1)
			.prepare('find_session'),
	)
	const [row] = await query.execute({ idHash: hashToken(token) })
	return row
}

export async function touchSession(idHash: string, now: Date) {
	await getDb().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash))
}

export async function deleteSessionByHash(idHash: string) {
	await getDb().delete(sessions).where(eq(sessions.idHash, idHash))
}

export async function deleteOtherSessions(userId: string, keepIdHash: string): Promise<number> {
	const deleted = await getDb()
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)))
		.returning({ idHash: sessions.idHash })
	return deleted.length
}

export async function listUserSessions(userId: string) {
	return getDb()
		.select({
			idHash: sessions.idHash,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			userAgent: sessions.userAgent,
		})
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.lastSeenAt))
}

export async function switchSessionOrganisation(idHash: string, organisationId: string) {
	await getDb().update(sessions).set({ organisationId }).where(eq(sessions.idHash, idHash))
}
