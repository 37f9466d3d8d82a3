import { and, asc, eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
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
				and(eq(memberships.organisationId, table.organisationId), eq(memberships.userId, table.userId)),
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

export class TeamNameTakenError extends Error {}

export async function createTeam(organisationId: string, name: string) {
	const [existing] = await getDb()
		.select({ id: teams.id })
		.from(teams)
		.where(and(eq(teams.organisationId, organisationId), eq(teams.name, name)))
	if (existing) throw new TeamNameTakenError(`There is already a team called "${name}".`)
	const [team] = await getDb().insert(teams).values({ organisationId, name }).returning()
	return team
}

export async function teamExists(organisationId: string, teamId: string): Promise<boolean> {
	const [row] = await getDb()
		.select({ id: teams.id })
		.from(teams)
		.where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)))
	return Boolean(row)
}

export type TeamPosition = 'member' | 'coach'

export async function addToTeam(organisationId: string, teamId: string, userId: string, as: TeamPosition) {
	const table = as === 'coach' ? teamCoaches : teamMembers
	await getDb().insert(table).values({ organisationId, teamId, userId }).onConflictDoNothing()
}

export async function removeFromTeam(organisationId: string, teamId: string, userId: string, as: TeamPosition) {
	const table = as === 'coach' ? teamCoaches : teamMembers
	await getDb()
		.delete(table)
		.where(and(eq(table.organisationId, organisationId), eq(table.teamId, teamId), eq(table.userId, userId)))
}
