import { action as introAction } from '#app/routes/practice.$scenarioId.tsx'
import { action as playAction } from '#app/routes/play.$attemptId.tsx'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'
import { createInvitation } from '#app/services/invitations.server.ts'
import { deactivateMember } from '#app/services/members.server.ts'
import { changeTeamPerson, createTeam } from '#app/services/teams.server.ts'
import { addNote } from '#app/services/coaching-notes.server.ts'
import { createAssignment } from '#app/services/assignments.server.ts'
import { issuePasswordReset } from '#app/services/passwords.server.ts'
import { setAttemptSharing } from '#app/services/sharing.server.ts'
import type { Viewer } from '#app/auth/session.server.ts'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { takeAssessment } from '#tests/support/learner-activity.ts'
import { formRequest, settle, testContext, uniqueEmail } from '#tests/support/requests.ts'

// A coaching world built through the real modules: two organisations, teams, coaches, a learner
// with private, shared and unfinished attempts, an assessment result and a coaching note.

export async function startAttempt(cookie: string, scenarioId: string): Promise<string> {
	const res = await settle(
		introAction({
			request: formRequest(`/practice/${scenarioId}`, { intent: 'start' }, { cookie }),
			params: { scenarioId },
			context: testContext(),
		}),
	)
	return res.headers.get('Location')!.split('/').pop()!.split('#')[0]!
}

export async function playSteps(attemptId: string, cookie: string, choices: string[]) {
	for (const [i, choice] of choices.entries()) {
		const res = await settle(
			playAction({
				request: formRequest(`/play/${attemptId}`, { intent: 'choose', step: String(i), choice }, { cookie }),
				params: { attemptId },
				context: testContext(),
			}),
		)
		if (res.status !== 302) throw new Error(`choice ${i} answered ${res.status}`)
	}
}

/** Plays one whole path of a library scenario; returns the finished attempt's id. */
export async function finishAttempt(cookie: string, pathIndex = 0, scenarioIndex = 0): Promise<string> {
	const scenarios = getScenarioLibrary().scenarios
	const scenario = scenarios[scenarioIndex % scenarios.length]!
	const walk = enumeratePaths(scenario, compileScenario(scenario), 50)
	const steps = walk.paths[pathIndex % walk.paths.length]!.steps
	const attemptId = await startAttempt(cookie, scenario.id)
	await playSteps(
		attemptId,
		cookie,
		steps.map((s) => s.choice),
	)
	return attemptId
}

export function viewerFor(
	person: { id: string; email?: string },
	organisationId: string,
	role: Viewer['role'],
	name = 'Person',
): Viewer {
	return {
		sessionIdHash: 'test',
		user: { id: person.id, name, email: person.email ?? '' },
		organisation: { id: organisationId, name: 'Org', slug: 'org' },
		role,
	}
}

export async function coachingWorld() {
	const a = await createOrganisation('Org A')
	const actor = { userId: a.admin.id, organisationId: a.organisationId, ip: null }
	const self = await addMember(a.organisationId, a.admin.id, 'learner', 'Sam Self')
	const peer = await addMember(a.organisationId, a.admin.id, 'learner', 'Pat Peer')
	const coach = await addMember(a.organisationId, a.admin.id, 'coach', 'Cal Coach')
	const otherCoach = await addMember(a.organisationId, a.admin.id, 'coach', 'Oona Other')
	const gone = await addMember(a.organisationId, a.admin.id, 'learner', 'Dee Parted')
	const teamA = await createTeam(actor, 'Front desk')
	const teamB = await createTeam(actor, 'Back office')
	if (!teamA.ok || !teamB.ok) throw new Error('teams')
	for (const [teamId, userId, position] of [
		[teamA.value.id, coach.id, 'coach'],
		[teamA.value.id, self.id, 'member'],
		[teamA.value.id, gone.id, 'member'],
		[teamB.value.id, otherCoach.id, 'coach'],
		[teamB.value.id, peer.id, 'member'],
	] as const) {
		const r = await changeTeamPerson(actor, { intent: 'add-person', teamId, userId, position })
		if (!r.ok) throw new Error(r.message)
	}
	const b = await createOrganisation('Org B')
	const bLearner = await addMember(b.organisationId, b.admin.id, 'learner', 'Bea Learner')
	const bCoach = await addMember(b.organisationId, b.admin.id, 'coach', 'Ben Coach')

	const cookies = {
		self: await sessionCookieFor(self.id, a.organisationId),
		peer: await sessionCookieFor(peer.id, a.organisationId),
		coach: await sessionCookieFor(coach.id, a.organisationId),
		'other coach': await sessionCookieFor(otherCoach.id, a.organisationId),
		admin: await sessionCookieFor(a.admin.id, a.organisationId),
		deactivated: await sessionCookieFor(gone.id, a.organisationId),
		'B learner': await sessionCookieFor(bLearner.id, b.organisationId),
		'B coach': await sessionCookieFor(bCoach.id, b.organisationId),
		'B admin': await sessionCookieFor(b.admin.id, b.organisationId),
		'signed out': '',
	}
	const selfViewer = viewerFor(self, a.organisationId, 'learner', 'Sam Self')
	// The assessment first, so the debriefs carry sentences drawn from it (the coach copy leaves them out).
	const result = await takeAssessment(cookies.self)
	const privateAttempt = await finishAttempt(cookies.self, 0)
	const sharedAttempt = await finishAttempt(cookies.self, 1)
	const toggleAttempt = await finishAttempt(cookies.self, 2)
	const shared = await setAttemptSharing(selfViewer, sharedAttempt, 'shared', null)
	if (!shared.ok) throw new Error(shared.message)
	const scenario = getScenarioLibrary().scenarios[1]!
	const openAttempt = await startAttempt(cookies.self, scenario.id)
	const note = await addNote(
		viewerFor(coach, a.organisationId, 'coach', 'Cal Coach'),
		{ learner: { id: self.id, name: 'Sam Self' }, relation: 'team-coach' },
		'Great questions in the refund call.',
		null,
	)
	if (!note.ok) throw new Error(note.message)
	const assignment = await createAssignment(
		{ userId: coach.id, organisationId: a.organisationId, ip: null, role: 'coach' },
		{ kind: 'scenario', scenarioSlug: getScenarioLibrary().scenarios[2]!.id, target: { userId: self.id }, dueOn: null },
	)
	if (!assignment.ok) throw new Error(assignment.message)
	// A reset link ends its member's sessions, so it is for a member who is not one of the viewers.
	const resettee = await addMember(a.organisationId, a.admin.id, 'learner', 'Rey Reset')
	const reset = await issuePasswordReset(actor, resettee.id)
	if (!reset.ok) throw new Error(reset.message)
	const invitation = await createInvitation(actor, { email: uniqueEmail('pending'), role: 'learner' })
	if (!invitation.ok) throw new Error(invitation.message)
	const removed = await deactivateMember(actor, gone.id)
	if (!removed.ok) throw new Error(removed.message)
	return {
		a,
		b,
		people: { self, peer, coach, otherCoach, gone, bLearner, bCoach },
		teams: { a: teamA.value.id, b: teamB.value.id },
		cookies,
		selfViewer,
		samples: {
			learner: self.id,
			private: privateAttempt,
			shared: sharedAttempt,
			toggle: toggleAttempt,
			open: openAttempt,
			result,
			scenario: getScenarioLibrary().scenarios[0]!.id,
			invitation: invitation.value.token,
			note: note.value.id,
			team: teamA.value.id,
			assignment: assignment.value.id,
			reset: reset.value.token,
		},
	}
}
