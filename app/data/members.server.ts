import { and, asc, count, eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import { memberships, sessions, teamCoaches, teamMembers, teams, users } from '#db/schema.ts'
import type { Role } from '#app/domain/accounts/roles.ts'

const memberColumns = {
	id: users.id,
	name: users.name,
	email: users.email,
	role: memberships.role,
	joinedAt: memberships.createdAt,
}

export async function listMembers(organisationId: string) {
	return getDb()
		.select(memberColumns)
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.organisationId, organisationId))
		.orderBy(asc(users.name))
}

// Always scoped by organisation: a member of another organisation is simply not found.
export async function getMember(organisationId: string, userId: string) {
	const [member] = await getDb()
		.select(memberColumns)
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
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

export class LastAdminError extends Error {
	constructor() {
		super('An organisation needs at least one admin. Make someone else an admin first.')
	}
}

export async function changeMemberRole(organisationId: string, userId: string, role: Role): Promise<void> {
	await getDb().transaction(async (tx) => {
		// Lock the organisation's admin rows so two admins demoting each other cannot leave none.
		const admins = await tx
			.select({ userId: memberships.userId })
			.from(memberships)
			.where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')))
			.for('update')
		if (role !== 'admin' && admins.length === 1 && admins[0]?.userId === userId) throw new LastAdminError()
		await tx
			.update(memberships)
			.set({ role })
			.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
	})
}

export async function removeMember(organisationId: string, userId: string): Promise<void> {
	await getDb().transaction(async (tx) => {
		const admins = await tx
			.select({ userId: memberships.userId })
			.from(memberships)
			.where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')))
			.for('update')
		if (admins.length === 1 && admins[0]?.userId === userId) throw new LastAdminError()
		await tx
			.delete(memberships)
			.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
		await tx.delete(sessions).where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId)))
	})
}

export async function countMembersByRole(organisationId: string) {
	const rows = await getDb()
		.select({ role: memberships.role, n: count() })
		.from(memberships)
		.where(eq(memberships.organisationId, organisationId))
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
		.where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, userIds)))
}
