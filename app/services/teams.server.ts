import { getDb } from '#db/client.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { isUniqueViolation } from '#app/data/errors.server.ts'
import { getMember } from '#app/data/members.server.ts'
import {
	deleteTeamPerson,
	findTeam,
	findTeamByName,
	insertTeam,
	insertTeamPerson,
	type TeamPosition,
} from '#app/data/teams.server.ts'
import type { Role } from '#app/domain/accounts/roles.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import type { Actor } from '#app/services/invitations.server.ts'

const nameTaken = (name: string) => {
	const message = `There is already a team called "${name}".`
	return fail.conflict(message, { name: [message] })
}

export async function createTeam(actor: Actor, name: string): Promise<ServiceResult<{ id: string; name: string }>> {
	try {
		return await getDb().transaction(async (tx) => {
			if (await findTeamByName(tx, actor.organisationId, name)) return nameTaken(name)
			const team = await insertTeam(tx, actor.organisationId, name)
			await recordAudit(
				{
					type: 'team_created',
					organisationId: actor.organisationId,
					userId: actor.userId,
					ip: actor.ip,
					detail: { teamId: team.id, name },
				},
				tx,
			)
			return ok({ id: team.id, name: team.name })
		})
	} catch (error) {
		// Ten concurrent creates of one name: the losers hear what a later one would.
		if (isUniqueViolation(error, 'teams_org_name_key')) return nameTaken(name)
		throw error
	}
}

// Learners join as learners; coaches (and admins, who may coach) join as coaches.
export function fitsPosition(role: Role, position: TeamPosition): boolean {
	return position === 'member' ? role === 'learner' : role === 'coach' || role === 'admin'
}

const positionLabel = { member: 'learner', coach: 'coach' } as const

export async function changeTeamPerson(
	actor: Actor,
	input: { intent: 'add-person' | 'remove-person'; teamId: string; userId: string; position: TeamPosition },
): Promise<ServiceResult<undefined>> {
	// Only active members of this organisation: anything else is treated as absent.
	const person = await getMember(actor.organisationId, input.userId)
	if (!person) return fail.invalid('That person is not in your organisation.')
	return getDb().transaction(async (tx) => {
		const team = await findTeam(tx, actor.organisationId, input.teamId)
		if (!team) return fail.invalid('That team is not in your organisation.')
		const as = positionLabel[input.position]
		if (input.intent === 'add-person') {
			if (!fitsPosition(person.role, input.position)) {
				return fail.invalid(`${person.name} is a ${person.role}, so they cannot join ${team.name} as a ${as}.`)
			}
			if (!(await insertTeamPerson(tx, actor.organisationId, team.id, person.id, input.position))) {
				return fail.conflict(`${person.name} is already a ${as} in ${team.name}.`)
			}
		} else if (!(await deleteTeamPerson(tx, actor.organisationId, team.id, person.id, input.position))) {
			return fail.conflict(`${person.name} is not a ${as} in ${team.name}.`)
		}
		await recordAudit(
			{
				type: input.intent === 'add-person' ? 'team_person_added' : 'team_person_removed',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { teamId: team.id, team: team.name, memberId: person.id, position: input.position },
			},
			tx,
		)
		return ok(undefined)
	})
}
