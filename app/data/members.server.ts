import { and, asc, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import { getDb, type Transaction } from '#db/client.server.ts'
import { memberships, sessions, teamCoaches, teamMembers, teams, users } from '#db/schema.ts'
import type { Role } from '#app/domain/accounts/roles.ts'

const memberColumns = {
	id: users.id,
	name: users.name,
	email: users.email,
	role: memberships.role,
	joinedAt: memberships.createdAt,
}

// A deactivated member keeps their row (and their history) but is in no roster or picker.
const active = isNull(memberships.deactivatedAt)

export async function listMembers(organisationId: string) {
	return getDb()
		.select(memberColumns)
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.organisationId, organisationId), active))
		.orderBy(asc(users.name))
}

export async function listDeactivatedMembers(organisationId: string) {
	return getDb()
		.select({ ...memberColumns, deactivatedAt: memberships.deactivatedAt })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.organisationId, organisationId), isNotNull(memberships.deactivatedAt)))
		.orderBy(asc(users.name))
}

// Always scoped by organisation: a member of another organisation is simply not found.
export async function getMember(organisationId: string, userId: string) {
	const [member] = await getDb()
		.select(memberColumns)
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId), active))
	if (!member) return undefined
	const memberTeams = await getDb()
		.select({ id: teams.id, name: teams.name })
		.from(teamMembers)
		.innerJoin(teams, and(eq(teams.organisationId, teamMembers.organisationId), eq(teams.id, teamMembers.teamId)))
		.where(and(eq(teamMembers.organisationId, organisationId), eq(teamMembers.userId, userId)))
		.orderBy(asc(teams.name))
	const coachedTeams = await getDb()
		.select({ id: teams.id, name: teams.name })
		.from(teamCoaches)
		.innerJoin(teams, and(eq(teams.organisationId, teamCoaches.organisationId), eq(teams.id, teamCoaches.teamId)))
		.where(and(eq(teamCoaches.organisationId, organisationId), eq(teamCoaches.userId, userId)))
		.orderBy(asc(teams.name))
	return { ...member, teams: memberTeams, coachedTeams }
}

export async function coachesMember(organisationId: string, coachId: string, learnerId: string): Promise<boolean> {
	const [row] = await getDb()
		.select({ n: count() })
		.from(teamCoaches)
		.innerJoin(
			teamMembers,
			and(eq(teamMembers.organisationId, teamCoaches.organisationId), eq(teamMembers.teamId, teamCoaches.teamId)),
		)
		.where(
			and(
				eq(teamCoaches.organisationId, organisationId),
				eq(teamCoaches.userId, coachId),
				eq(teamMembers.userId, learnerId),
			),
		)
	return (row?.n ?? 0) > 0
}

// Locks the organisation's active admin rows, so two admins demoting or deactivating each
// other at once cannot leave none.
export async function lockActiveAdmins(tx: Transaction, organisationId: string): Promise<string[]> {
	const rows = await tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin'), active))
		.for('update')
	return rows.map((r) => r.userId)
}

export async function setMemberRole(tx: Transaction, organisationId: string, userId: string, role: Role) {
	await tx
		.update(memberships)
		.set({ role })
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId), active))
}

// Ends access at once (the sessions in this organisation go) and keeps every row of history.
export async function deactivateMembership(tx: Transaction, organisationId: string, userId: string, at: Date) {
	const rows = await tx
		.update(memberships)
		.set({ deactivatedAt: at })
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId), active))
		.returning({ userId: memberships.userId })
	await tx.delete(sessions).where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId)))
	return rows.length > 0
}

export async function countMembersByRole(organisationId: string) {
	const rows = await getDb()
		.select({ role: memberships.role, n: count() })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), active))
		.groupBy(memberships.role)
	const counts: Record<Role, number> = { learner: 0, coach: 0, admin: 0 }
	for (const r of rows) counts[r.role] = r.n
	return counts
}

export async function membersByIds(organisationId: string, userIds: string[]) {
	if (userIds.length === 0) return []
	return getDb()
		.select({ id: users.id, name: users.name })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, userIds), active))
}
