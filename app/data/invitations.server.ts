import { and, desc, eq, isNull, gt } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import { invitations, memberships, organisations, users } from '#db/schema.ts'
import { hashToken, randomToken } from '#app/auth/crypto.server.ts'
import { INVITATION_TTL_MS, invitationState } from '#app/domain/accounts/lifetimes.ts'
import type { Role } from '#app/domain/accounts/roles.ts'

export async function createInvitation(input: {
	organisationId: string
	email: string
	role: Role
	invitedBy: string
}): Promise<{ token: string; expiresAt: Date }> {
	const token = randomToken()
	const expiresAt = new Date(Date.now() + INVITATION_TTL_MS)
	await getDb()
		.insert(invitations)
		.values({
			organisationId: input.organisationId,
			email: input.email,
			role: input.role,
			invitedBy: input.invitedBy,
			tokenHash: hashToken(token),
			expiresAt,
		})
	return { token, expiresAt }
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

export async function revokeInvitation(organisationId: string, invitationId: string): Promise<boolean> {
	const rows = await getDb()
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
		.returning({ id: invitations.id })
	return rows.length > 0
}

export async function findInvitationByToken(token: string, now = new Date()) {
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
		.where(eq(invitations.tokenHash, hashToken(token)))
	if (!row) return undefined
	const [existingUser] = await getDb()
		.select({ id: users.id, name: users.name, passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.email, row.email))
	return { ...row, state: invitationState(row, now), existingUser }
}

export class InvitationUnusableError extends Error {}

// Marks the invitation used and adds the membership in one transaction; the
// conditional update means two tabs accepting at once cannot both succeed.
export async function acceptInvitation(input: {
	organisationId: string
	invitationId: string
	newUser?: { email: string; name: string; passwordHash: string }
	existingUserId?: string
}): Promise<{ userId: string; role: Role }> {
	return getDb().transaction(async (tx) => {
		const [inv] = await tx
			.update(invitations)
			.set({ acceptedAt: new Date() })
			.where(
				and(
					eq(invitations.organisationId, input.organisationId),
					eq(invitations.id, input.invitationId),
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt),
					gt(invitations.expiresAt, new Date()),
				),
			)
			.returning({ role: invitations.role })
		if (!inv) throw new InvitationUnusableError('This invitation has already been used, revoked or has expired.')
		let userId = input.existingUserId
		if (!userId) {
			if (!input.newUser) throw new Error('acceptInvitation needs a new or an existing user')
			const [user] = await tx.insert(users).values(input.newUser).returning({ id: users.id })
			if (!user) throw new Error('insert returned no row')
			userId = user.id
		}
		await tx
			.insert(memberships)
			.values({ organisationId: input.organisationId, userId, role: inv.role })
			.onConflictDoNothing()
		return { userId, role: inv.role }
	})
}
