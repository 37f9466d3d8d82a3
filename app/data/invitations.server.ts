import { and, desc, eq, inArray, isNull, gt } from 'drizzle-orm'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { invitations, memberships, organisations, users } from '#db/schema.ts'
import { invitationState } from '#app/domain/accounts/lifetimes.ts'
import type { Role } from '#app/domain/accounts/roles.ts'

// Tokens reach this module only as hashes: the link itself is never stored.

export async function insertInvitation(
	tx: Transaction,
	input: { organisationId: string; email: string; role: Role; invitedBy: string; tokenHash: string; expiresAt: Date },
) {
	const [row] = await tx.insert(invitations).values(input).returning({ id: invitations.id })
	if (!row) throw new Error('insert returned no row')
	return row
}

export async function listPendingInvitations(organisationId: string, now = new Date()) {
	return getDb()
		.select({
			id: invitations.id,
			email: invitations.email,
			role: invitations.role,
			createdAt: invitations.createdAt,
			expiresAt: invitations.expiresAt,
		})
		.from(invitations)
		.where(
			and(
				eq(invitations.organisationId, organisationId),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, now),
			),
		)
		.orderBy(desc(invitations.createdAt))
}

const open = (organisationId: string, invitationId: string, now: Date) =>
	and(
		eq(invitations.organisationId, organisationId),
		eq(invitations.id, invitationId),
		isNull(invitations.acceptedAt),
		isNull(invitations.revokedAt),
		gt(invitations.expiresAt, now),
	)

export async function markInvitationRevoked(tx: Transaction, organisationId: string, invitationId: string) {
	const rows = await tx
		.update(invitations)
		.set({ revokedAt: new Date() })
		.where(
			and(
				eq(invitations.organisationId, organisationId),
				eq(invitations.id, invitationId),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
			),
		)
		.returning({ id: invitations.id, email: invitations.email })
	return rows[0]
}

// A new link replaces the stored hash, so the old link stops working at once.
export async function replaceInvitationToken(
	tx: Transaction,
	organisationId: string,
	invitationId: string,
	tokenHash: string,
	expiresAt: Date,
) {
	const rows = await tx
		.update(invitations)
		.set({ tokenHash, expiresAt })
		.where(open(organisationId, invitationId, new Date()))
		.returning({ id: invitations.id, email: invitations.email, role: invitations.role })
	return rows[0]
}

export async function findInvitationByTokenHash(tokenHash: string, now = new Date()) {
	const [row] = await getDb()
		.select({
			id: invitations.id,
			organisationId: invitations.organisationId,
			organisationName: organisations.name,
			email: invitations.email,
			role: invitations.role,
			expiresAt: invitations.expiresAt,
			acceptedAt: invitations.acceptedAt,
			revokedAt: invitations.revokedAt,
		})
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
		.where(eq(invitations.tokenHash, tokenHash))
	if (!row) return undefined
	return { ...row, state: invitationState(row, now) }
}

// The conditional update means two tabs accepting at once cannot both succeed.
export async function markInvitationAccepted(tx: Transaction, organisationId: string, invitationId: string) {
	const [inv] = await tx
		.update(invitations)
		.set({ acceptedAt: new Date() })
		.where(open(organisationId, invitationId, new Date()))
		.returning({ role: invitations.role, email: invitations.email })
	return inv
}

export async function insertUser(tx: Transaction, input: { email: string; name: string; passwordHash: string }) {
	const [user] = await tx.insert(users).values(input).returning({ id: users.id })
	if (!user) throw new Error('insert returned no row')
	return user
}

// Joining, or coming back: a deactivated membership is reactivated with the invited role,
// and everything recorded under it is there again. An active membership is left as it is.
export async function activateMembership(tx: Transaction, organisationId: string, userId: string, role: Role) {
	const [existing] = await tx
		.select({ deactivatedAt: memberships.deactivatedAt })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
		.for('update')
	if (!existing) {
		await tx.insert(memberships).values({ organisationId, userId, role })
		return { reactivated: false }
	}
	if (existing.deactivatedAt === null) return { reactivated: false }
	await tx
		.update(memberships)
		.set({ role, deactivatedAt: null })
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
	return { reactivated: true }
}

// Which of these addresses already belong to an active member of the organisation.
export async function activeMemberEmails(db: Database | Transaction, organisationId: string, emails: string[]) {
	if (emails.length === 0) return []
	const rows = await db
		.select({ email: users.email })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.organisationId, organisationId),
				isNull(memberships.deactivatedAt),
				inArray(users.email, emails),
			),
		)
	return rows.map((r) => r.email)
}
