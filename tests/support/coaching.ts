import type { Viewer } from '#app/auth/session.server.ts'
import type { Role } from '#app/domain/accounts/roles.ts'
import { changeTeamPerson, createTeam } from '#app/services/teams.server.ts'
import { choose, loadPlay } from '#app/services/play.server.ts'
import type { StaffActor } from '#app/services/assignments.server.ts'

export function viewerOf(organisationId: string, userId: string, role: Role): Viewer {
	return {
		sessionIdHash: 'test',
		user: { id: userId, name: 'Test', email: 'test@example.test' },
		organisation: { id: organisationId, name: 'Test Org', slug: 'test-org' },
		role,
	}
}

export const staff = (organisationId: string, userId: string, role: Role): StaffActor => ({
	organisationId,
	userId,
	role,
	ip: null,
})

/** A team with the given coach and learners, made through the real teams service. */
export async function teamWith(
	organisationId: string,
	adminId: string,
	name: string,
	people: { coaches?: string[]; learners?: string[] },
) {
	const actor = { organisationId, userId: adminId, ip: null }
	const team = await createTeam(actor, name)
	if (!team.ok) throw new Error(team.message)
	for (const userId of people.coaches ?? [])
		await changeTeamPerson(actor, { intent: 'add-person', teamId: team.value.id, userId, position: 'coach' })
	for (const userId of people.learners ?? [])
		await changeTeamPerson(actor, { intent: 'add-person', teamId: team.value.id, userId, position: 'member' })
	return team.value.id
}

/** Plays an attempt to its end through the play service, always taking the first offered reply. */
export async function playToEnd(viewer: Viewer, attemptId: string) {
	for (let guard = 0; guard < 60; guard++) {
		const view = await loadPlay(viewer, attemptId)
		if (!view.ok) throw new Error(view.message)
		if (view.value.status !== 'in_progress') return view.value
		const choice = view.value.choices[0]
		if (!choice) throw new Error('no choice offered')
		const chosen = await choose(viewer, attemptId, { step: view.value.step, choiceId: choice.id })
		if (!chosen.ok) throw new Error(chosen.message)
	}
	throw new Error('the attempt did not end')
}
