import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, invitations, memberships } from '#db/schema.ts'
import { loader as memberLoader, action as memberAction } from '#app/routes/members.$userId.tsx'
import { loader as membersLoader, action as membersAction } from '#app/routes/members._index.tsx'
import { loader as inviteLoader, action as inviteAction } from '#app/routes/invitations.$token.tsx'
import { action as teamsAction, loader as teamsLoader } from '#app/routes/teams._index.tsx'
import { changeTeamPerson, createTeam } from '#app/services/teams.server.ts'
import { addMember, createOrganisation, PASSWORD, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext, uniqueEmail } from '#tests/support/requests.ts'

async function setup() {
	const org = await createOrganisation('Home Org')
	const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
	const learner = await addMember(org.organisationId, org.admin.id, 'learner', 'Lee Learner')
	const otherLearner = await addMember(org.organisationId, org.admin.id, 'learner', 'Olu Other')
	const coach = await addMember(org.organisationId, org.admin.id, 'coach', 'Cass Coach')
	return { ...org, adminCookie, learner, otherLearner, coach }
}

const memberPage = (id: string, cookie: string) =>
	settle(
		memberLoader({ request: getRequest(`/members/${id}`, cookie), params: { userId: id }, context: testContext() }),
	)

describe('organisation scoping', () => {
	it('gives a 404 for a member of another organisation, even to an admin', async () => {
		const home = await setup()
		const foreign = await createOrganisation('Foreign Org')
		const asLearner = await memberPage(foreign.admin.id, await sessionCookieFor(home.learner.id, home.organisationId))
		expect(asLearner.status).toBe(404)
		expect(await memberPage(foreign.admin.id, home.adminCookie).then((r) => r.status)).toBe(404)
		expect(await memberPage('not-a-uuid', home.adminCookie).then((r) => r.status)).toBe(404)
	})

	it('lets a learner see their own page but not a colleague’s (403, audited)', async () => {
		const home = await setup()
		const cookie = await sessionCookieFor(home.learner.id, home.organisationId)
		expect((await memberPage(home.learner.id, cookie)).status).toBe(200)
		expect((await memberPage(home.otherLearner.id, cookie)).status).toBe(403)
		const denials = await getDb()
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organisationId, home.organisationId), eq(auditEvents.type, 'access_denied')))
		expect(denials.some((d) => d.userId === home.learner.id)).toBe(true)
	})

	it('lets a coach see learners in the teams they coach, and no one else', async () => {
		const home = await setup()
		const actor = { userId: home.admin.id, organisationId: home.organisationId, ip: null }
		const team = await createTeam(actor, 'Tier 1')
		if (!team.ok) throw new Error(team.message)
		const teamId = team.value.id
		await changeTeamPerson(actor, { intent: 'add-person', teamId, userId: home.coach.id, position: 'coach' })
		await changeTeamPerson(actor, { intent: 'add-person', teamId, userId: home.learner.id, position: 'member' })
		const cookie = await sessionCookieFor(home.coach.id, home.organisationId)
		expect((await memberPage(home.learner.id, cookie)).status).toBe(200)
		expect((await memberPage(home.otherLearner.id, cookie)).status).toBe(403)
	})

	it('keeps learners and coaches out of member administration', async () => {
		const home = await setup()
		for (const person of [home.learner, home.coach]) {
			const cookie = await sessionCookieFor(person.id, home.organisationId)
			const page = await settle(
				membersLoader({ request: getRequest('/members', cookie), params: {}, context: testContext() }),
			)
			expect(page.status).toBe(403)
		}
		const learnerCookie = await sessionCookieFor(home.learner.id, home.organisationId)
		const teams = await settle(
			teamsLoader({ request: getRequest('/teams', learnerCookie), params: {}, context: testContext() }),
		)
		expect(teams.status).toBe(403)
	})

	it('refuses to add another organisation’s person to a team', async () => {
		const home = await setup()
		const foreign = await createOrganisation('Foreign Org')
		const team = await createTeam({ userId: home.admin.id, organisationId: home.organisationId, ip: null }, 'Mixed')
		if (!team.ok) throw new Error(team.message)
		const response = await settle(
			teamsAction({
				request: formRequest(
					'/teams',
					{ intent: 'add-person', teamId: team.value.id, userId: foreign.admin.id, position: 'member' },
					{ cookie: home.adminCookie },
				),
				params: {},
				context: testContext(),
			}),
		)
		expect(response.status).toBe(400)
	})
})

describe('roles', () => {
	it('lets an admin change a role', async () => {
		const home = await setup()
		const response = await settle(
			memberAction({
				request: formRequest(
					`/members/${home.learner.id}`,
					{ intent: 'change-role', role: 'coach' },
					{ cookie: home.adminCookie },
				),
				params: { userId: home.learner.id },
				context: testContext(),
			}),
		)
		expect(response.status).toBe(302)
		const [row] = await getDb()
			.select()
			.from(memberships)
			.where(and(eq(memberships.organisationId, home.organisationId), eq(memberships.userId, home.learner.id)))
		expect(row?.role).toBe('coach')
	})

	it('rejects an unknown role with 400 and changes nothing', async () => {
		const home = await setup()
		const response = await settle(
			memberAction({
				request: formRequest(
					`/members/${home.learner.id}`,
					{ intent: 'change-role', role: 'owner' },
					{ cookie: home.adminCookie },
				),
				params: { userId: home.learner.id },
				context: testContext(),
			}),
		)
		expect(response.status).toBe(400)
		const [row] = await getDb()
			.select()
			.from(memberships)
			.where(and(eq(memberships.organisationId, home.organisationId), eq(memberships.userId, home.learner.id)))
		expect(row?.role).toBe('learner')
	})

	it('never leaves an organisation without an admin', async () => {
		const home = await setup()
		const response = await settle(
			memberAction({
				request: formRequest(
					`/members/${home.admin.id}`,
					{ intent: 'change-role', role: 'learner' },
					{ cookie: home.adminCookie },
				),
				params: { userId: home.admin.id },
				context: testContext(),
			}),
		)
		expect(response.status).toBe(409)
	})

	it('ends a deactivated member’s sessions at once', async () => {
		const home = await setup()
		const learnerCookie = await sessionCookieFor(home.learner.id, home.organisationId)
		const removed = await settle(
			memberAction({
				request: formRequest(`/members/${home.learner.id}`, { intent: 'deactivate' }, { cookie: home.adminCookie }),
				params: { userId: home.learner.id },
				context: testContext(),
			}),
		)
		expect(removed.status).toBe(302)
		const after = await memberPage(home.learner.id, learnerCookie)
		expect(after.status).toBe(302)
		expect(after.headers.get('Location')).toMatch(/^\/login/)
	})
})

describe('invitations', () => {
	async function invite(adminCookie: string, email: string, role = 'learner') {
		const response = await settle(
			membersAction({
				request: formRequest('/members', { intent: 'invite', email, role }, { cookie: adminCookie }),
				params: {},
				context: testContext(),
			}),
		)
		const body = (await response.json()) as { link: { url: string } | null }
		return { response, token: body.link ? new URL(body.link.url).pathname.split('/').pop()! : '' }
	}

	it('turns an invitation link into a membership with the invited role, once', async () => {
		const home = await setup()
		const email = uniqueEmail('newbie')
		const { token } = await invite(home.adminCookie, email, 'coach')
		const page = await settle(
			inviteLoader({ request: getRequest(`/invitations/${token}`), params: { token }, context: testContext() }),
		)
		expect(page.status).toBe(200)
		const accepted = await settle(
			inviteAction({
				request: formRequest(`/invitations/${token}`, { intent: 'create', name: 'Nia Newbie', password: PASSWORD }),
				params: { token },
				context: testContext(),
			}),
		)
		expect(accepted.status).toBe(302)
		expect(accepted.headers.get('Set-Cookie')).toBeTruthy()
		const again = await settle(
			inviteAction({
				request: formRequest(`/invitations/${token}`, { intent: 'create', name: 'Nia Again', password: PASSWORD }),
				params: { token },
				context: testContext(),
			}),
		)
		expect(again.status).toBe(410)
	})

	it('expires', async () => {
		const home = await setup()
		const { token } = await invite(home.adminCookie, uniqueEmail('late'))
		await getDb()
			.update(invitations)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(invitations.organisationId, home.organisationId))
		const page = await settle(
			inviteLoader({ request: getRequest(`/invitations/${token}`), params: { token }, context: testContext() }),
		)
		expect(page.status).toBe(410)
		expect(((await page.json()) as { message: string }).message).toMatch(/expired/)
	})

	it('rejects a bad invitation form with 400 and creates nothing', async () => {
		const home = await setup()
		const { response } = await invite(home.adminCookie, 'not an email')
		expect(response.status).toBe(400)
		const rows = await getDb().select().from(invitations).where(eq(invitations.organisationId, home.organisationId))
		// Only the three from setup() exist.
		expect(rows).toHaveLength(3)
	})

	it('gives a 404 for a made-up token', async () => {
		const token = 'x'.repeat(43)
		const page = await settle(
			inviteLoader({ request: getRequest(`/invitations/${token}`), params: { token }, context: testContext() }),
		)
		expect(page.status).toBe(404)
	})
})
