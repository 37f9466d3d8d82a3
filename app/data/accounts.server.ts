import { and, asc, eq, like } from 'drizzle-orm'
import { getDb, type Transaction } from '#db/client.server.ts'
import { memberships, organisations, users } from '#db/schema.ts'
import { slugify } from '#app/domain/accounts/lifetimes.ts'
import type { Role } from '#app/domain/accounts/roles.ts'

export async function findUserByEmail(email: string) {
	const [user] = await getDb().select().from(users).where(eq(users.email, email.toLowerCase())).limit(1)
	return user
}

export class EmailTakenError extends Error {}

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

export async function createOrganisationWithAdmin(input: {
	organisationName: string
	name: string
	email: string
	passwordHash: string
}) {
	return getDb().transaction(async (tx) => {
		const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email))
		if (existing) throw new EmailTakenError('An account with this email already exists.')
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
	})
}

// The organisation a new session opens in: the one joined most recently.
export async function defaultMembership(userId: string) {
	const [row] = await getDb()
		.select({ organisationId: memberships.organisationId, role: memberships.role })
		.from(memberships)
		.where(eq(memberships.userId, userId))
		.orderBy(asc(memberships.createdAt))
		.limit(1)
	return row
}

export async function listUserOrganisations(userId: string) {
	return getDb()
		.select({ id: organisations.id, name: organisations.name, role: memberships.role })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(organisations.name))
}

export async function getMembershipRole(organisationId: string, userId: string): Promise<Role | undefined> {
	const [row] = await getDb()
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
	return row?.role
}

export async function updateUserPassword(userId: string, passwordHash: string) {
	await getDb().update(users).set({ passwordHash }).where(eq(users.id, userId))
}
