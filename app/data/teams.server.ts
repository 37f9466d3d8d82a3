import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { memberships, teamCoaches, teamMembers, teams, users } from '#db/schema.ts'

export type TeamWithPeople = {
	id: string
	name: string
	coaches: Array<{ id: string; name: string }>
	members: Array<{ id: string; name: string; role: string }>
}

// Admins see every team; a coach sees the teams they coach.
export async function listTeams(organisationId: string, onlyCoachedBy?: string): Promise<TeamWithPeople[]> {
	const db = getDb()
	let teamRows = await db
		.select({ id: teams.id, name: teams.name })
		.from(teams)
		.where(eq(teams.organisationId, organisationId))
		.orderBy(asc(teams.name))
	if (onlyCoachedBy) {
		const coached = await db
			.select({ teamId: teamCoaches.teamId })
			.from(teamCoaches)
			.where(and(eq(teamCoaches.organisationId, organisationId), eq(teamCoaches.userId, onlyCoachedBy)))
		const ids = new Set(coached.map((c) => c.teamId))
		teamRows = teamRows.filter((t) => ids.has(t.id))
	}
	if (teamRows.length === 0) return []
	const ids = teamRows.map((t) => t.id)
	const people = (table: typeof teamMembers | typeof teamCoaches) =>
		db
			.select({ teamId: table.teamId, id: users.id, name: users.name, role: memberships.role })
			.from(table)
			.innerJoin(users, eq(users.id, table.userId))
			.innerJoin(
				memberships,
				and(
					eq(memberships.organisationId, table.organisationId),
					eq(memberships.userId, table.userId),
					// Deactivated people stay in the team's rows (their shared work stays put) but
					// are not shown until they come back.
					isNull(memberships.deactivatedAt),
				),
			)
			.where(and(eq(table.organisationId, organisationId), inArray(table.teamId, ids)))
			.orderBy(asc(users.name))
	const [memberRows, coachRows] = await Promise.all([people(teamMembers), people(teamCoaches)])
	return teamRows.map((t) => ({
		...t,
		members: memberRows.filter((m) => m.teamId === t.id).map(({ id, name, role }) => ({ id, name, role })),
		coaches: coachRows.filter((c) => c.teamId === t.id).map(({ id, name }) => ({ id, name })),
	}))
}

export async function findTeamByName(tx: Transaction, organisationId: string, name: string) {
	const [row] = await tx
		.select({ id: teams.id })
		.from(teams)
		.where(and(eq(teams.organisationId, organisationId), eq(teams.name, name)))
	return row
}

export async function insertTeam(tx: Transaction, organisationId: string, name: string) {
	const [team] = await tx.insert(teams).values({ organisationId, name }).returning()
	if (!team) throw new Error('insert returned no row')
	return team
}

export async function findTeam(tx: Database | Transaction, organisationId: string, teamId: string) {
	const [row] = await tx
		.select({ id: teams.id, name: teams.name })
		.from(teams)
		.where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)))
	return row
}

export type TeamPosition = 'member' | 'coach'

// True when the person was added; false when they already held that place.
export async function insertTeamPerson(
	tx: Transaction,
	organisationId: string,
	teamId: string,
	userId: string,
	as: TeamPosition,
): Promise<boolean> {
	const table = as === 'coach' ? teamCoaches : teamMembers
	const rows = await tx
		.insert(table)
		.values({ organisationId, teamId, userId })
		.onConflictDoNothing()
		.returning({ userId: table.userId })
	return rows.length > 0
}

export async function deleteTeamPerson(
	tx: Transaction,
	organisationId: string,
	teamId: string,
	userId: string,
	as: TeamPosition,
): Promise<boolean> {
	const table = as === 'coach' ? teamCoaches : teamMembers
	const rows = await tx
		.delete(table)
		.where(and(eq(table.organisationId, organisationId), eq(table.teamId, teamId), eq(table.userId, userId)))
		.returning({ userId: table.userId })
	return rows.length > 0
}
