import { and, eq, gt, isNull, ne } from 'drizzle-orm'
import { getDb, type Transaction } from '#db/client.server.ts'
import { memberships, organisations, passwordResets, sessions, users } from '#db/schema.ts'

// Tokens reach this module only as hashes: the link itself is never stored.

// A new link replaces any open one for the same person in the organisation: only the latest works.
export async function insertPasswordReset(
	tx: Transaction,
	input: { organisationId: string; userId: string; createdBy: string; tokenHash: string; expiresAt: Date },
) {
	await tx
		.delete(passwordResets)
		.where(
			and(
				eq(passwordResets.organisationId, input.organisationId),
				eq(passwordResets.userId, input.userId),
				isNull(passwordResets.usedAt),
			),
		)
	const [row] = await tx.insert(passwordResets).values(input).returning({ id: passwordResets.id })
	if (!row) throw new Error('insert returned no row')
	return row
}

export async function findPasswordResetByTokenHash(tokenHash: string) {
	const [row] = await getDb()
		.select({
			id: passwordResets.id,
			organisationId: passwordResets.organisationId,
			organisationName: organisations.name,
			userId: passwordResets.userId,
			name: users.name,
			expiresAt: passwordResets.expiresAt,
			usedAt: passwordResets.usedAt,
			deactivatedAt: memberships.deactivatedAt,
		})
		.from(passwordResets)
		.innerJoin(organisations, eq(organisations.id, passwordResets.organisationId))
		.innerJoin(users, eq(users.id, passwordResets.userId))
		.innerJoin(
			memberships,
			and(eq(memberships.organisationId, passwordResets.organisationId), eq(memberships.userId, passwordResets.userId)),
		)
		.where(eq(passwordResets.tokenHash, tokenHash))
	return row
}

// The conditional update means the link works once, even with two tabs submitting at once.
export async function markPasswordResetUsed(tx: Transaction, id: string, organisationId: string, now: Date) {
	const [row] = await tx
		.update(passwordResets)
		.set({ usedAt: now })
		.where(
			and(
				eq(passwordResets.organisationId, organisationId),
				eq(passwordResets.id, id),
				isNull(passwordResets.usedAt),
				gt(passwordResets.expiresAt, now),
			),
		)
		.returning({ userId: passwordResets.userId })
	return row
}

export async function setPasswordHash(tx: Transaction, userId: string, passwordHash: string) {
	await tx.update(users).set({ passwordHash }).where(eq(users.id, userId))
}

// Every session of the person, except the one they are using (if any).
export async function deleteSessionsOf(tx: Transaction, userId: string, keepIdHash?: string): Promise<number> {
	const deleted = await tx
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), keepIdHash ? ne(sessions.idHash, keepIdHash) : undefined))
		.returning({ idHash: sessions.idHash })
	return deleted.length
}
