import { and, asc, eq, gt, inArray, isNull, like } from 'drizzle-orm'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { auditEvents, memberships, organisations, users } from '#db/schema.ts'
import { slugify } from '#app/domain/accounts/lifetimes.ts'
import type { Role } from '#app/domain/accounts/roles.ts'

export async function findUserByEmail(email: string) {
	const [user] = await getDb().select().from(users).where(eq(users.email, email.toLowerCase())).limit(1)
	return user
}

export async function findUserById(userId: string) {
	const [user] = await getDb().select().from(users).where(eq(users.id, userId)).limit(1)
	return user
}

// Has this person signed in (or signed up, or accepted an invitation) from this address lately? (ADR 0005)
export async function hasSignedInFrom(userId: string, ip: string, since: Date): Promise<boolean> {
	const [row] = await getDb()
		.select({ id: auditEvents.id })
		.from(auditEvents)
		.where(
			and(
				eq(auditEvents.userId, userId),
				inArray(auditEvents.type, ['sign_in', 'sign_up', 'invitation_accepted', 'member_reactivated']),
				eq(auditEvents.ip, ip),
				gt(auditEvents.createdAt, since),
			),
		)
		.limit(1)
	return Boolean(row)
}

async function uniqueSlug(tx: Transaction, name: string): Promise<string> {
	const base = slugify(name)
	const taken = new Set(
		(
			await tx
				.select({ slug: organisations.slug })
				.from(organisations)
				.where(like(organisations.slug, `${base}%`))
		).map((r) => r.slug),
	)
	if (!taken.has(base)) return base
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

export async function emailIsTaken(tx: Database | Transaction, email: string): Promise<boolean> {
	const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()))
	return Boolean(existing)
}

export async function insertOrganisationWithAdmin(
	tx: Transaction,
	input: { organisationName: string; name: string; email: string; passwordHash: string },
) {
	const [organisation] = await tx
		.insert(organisations)
		.values({ name: input.organisationName, slug: await uniqueSlug(tx, input.organisationName) })
		.returning()
	const [user] = await tx
		.insert(users)
		.values({ email: input.email, name: input.name, passwordHash: input.passwordHash })
		.returning()
	if (!organisation || !user) throw new Error('insert returned no row')
	await tx.insert(memberships).values({ organisationId: organisation.id, userId: user.id, role: 'admin' })
	return { organisation, user }
}

const active = isNull(memberships.deactivatedAt)

// The organisation a new session opens in: the active membership joined first.
export async function defaultMembership(userId: string) {
	const [row] = await getDb()
		.select({ organisationId: memberships.organisationId, role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), active))
		.orderBy(asc(memberships.createdAt))
		.limit(1)
	return row
}

export async function listUserOrganisations(userId: string) {
	return getDb()
		.select({ id: organisations.id, name: organisations.name, role: memberships.role })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(and(eq(memberships.userId, userId), active))
		.orderBy(asc(organisations.name))
}

export async function getMembershipRole(organisationId: string, userId: string): Promise<Role | undefined> {
	const [row] = await getDb()
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId), active))
	return row?.role
}

export async function updateUserPassword(userId: string, passwordHash: string) {
	await getDb().update(users).set({ passwordHash }).where(eq(users.id, userId))
}
