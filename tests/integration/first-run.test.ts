import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, memberships } from '#db/schema.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { createTeam } from '#app/services/teams.server.ts'
import { action as homeAction, loader as homeLoader } from '#app/routes/home.tsx'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

type HomeData = { greeting: string; checklist: Array<{ id: string; done: boolean }> | null }

async function home(cookie: string): Promise<HomeData> {
	const response = await settle(
		homeLoader({ request: getRequest('/home', cookie), params: {}, context: testContext() }),
	)
	expect(response.status).toBe(200)
	return (await response.json()) as HomeData
}

const done = (data: HomeData) => data.checklist?.filter((i) => i.done).map((i) => i.id)

describe('first run on Home', () => {
	it('ticks the admin’s checklist from real data, and a dismissal is stored per person', async () => {
		const org = await createOrganisation('First Run Org')
		const cookie = await sessionCookieFor(org.admin.id, org.organisationId)
		expect(done(await home(cookie))).toEqual([])

		await createTeam({ userId: org.admin.id, organisationId: org.organisationId, ip: null }, 'Front line')
		const secondAdmin = await addMember(org.organisationId, org.admin.id, 'admin', 'Second Admin')
		expect(done(await home(cookie))).toEqual(['team', 'invite'])

		// Another organisation's activity does not tick anything here.
		const other = await createOrganisation('Other Org')
		await createTeam({ userId: other.admin.id, organisationId: other.organisationId, ip: null }, 'Elsewhere')
		expect(done(await home(await sessionCookieFor(other.admin.id, other.organisationId)))).toEqual(['team'])

		const dismissed = await settle(
			homeAction({
				request: formRequest('/home', { intent: 'dismiss-checklist' }, { cookie }),
				params: {},
				context: testContext(),
			}),
		)
		expect(dismissed.status).toBe(302)
		expect((await home(cookie)).checklist).toBeNull()
		const [row] = await getDb()
			.select({ at: memberships.checklistDismissedAt })
			.from(memberships)
			.where(and(eq(memberships.organisationId, org.organisationId), eq(memberships.userId, org.admin.id)))
		expect(row?.at).toBeInstanceOf(Date)
		const audit = await getDb()
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organisationId, org.organisationId), eq(auditEvents.type, 'checklist_dismissed')))
		expect(audit).toHaveLength(1)
		// The other admin still has theirs.
		expect((await home(await sessionCookieFor(secondAdmin.id, org.organisationId))).checklist).not.toBeNull()
	})

	it('refuses an unknown intent with a 400 and writes nothing', async () => {
		const org = await createOrganisation('Bad Intent Org')
		const cookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const response = await settle(
			homeAction({ request: formRequest('/home', { intent: 'nope' }, { cookie }), params: {}, context: testContext() }),
		)
		expect(response.status).toBe(400)
		expect((await home(cookie)).checklist).not.toBeNull()
	})

	it('shows no checklist to learners, and says "Welcome back" only from the second visit', async () => {
		const org = await createOrganisation('Greeting Org')
		const learner = await addMember(org.organisationId, org.admin.id, 'learner', 'Lee Learner')
		// Accepting the invitation (through the real service) is the first visit.
		const cookie = await sessionCookieFor(learner.id, org.organisationId)
		const first = await home(cookie)
		expect(first.checklist ?? null).toBeNull()
		expect(first.greeting).toBe('Welcome, Lee')
		await recordAudit({ type: 'sign_in', organisationId: org.organisationId, userId: learner.id })
		expect((await home(cookie)).greeting).toBe('Welcome back, Lee')
	})
})
