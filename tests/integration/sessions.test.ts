import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { sessions } from '#db/schema.ts'
import { seedDemo } from '#app/services/demo-seed.server.ts'
import { loader as homeLoader } from '#app/routes/home.tsx'
import { action as accountAction } from '#app/routes/account.tsx'
import { organisations } from '#db/schema.ts'
import { createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

const home = (cookie: string) =>
	settle(homeLoader({ request: getRequest('/home', cookie), params: {}, context: testContext() }))

describe('sessions', () => {
	it('end after the idle timeout', async () => {
		const org = await createOrganisation()
		const cookie = await sessionCookieFor(org.admin.id, org.organisationId)
		expect((await home(cookie)).status).toBe(200)
		await getDb()
			.update(sessions)
			.set({ lastSeenAt: new Date(Date.now() - 13 * 60 * 60_000) })
			.where(eq(sessions.userId, org.admin.id))
		expect((await home(cookie)).status).toBe(302)
		// The expired row is cleaned up, not just ignored.
		expect(await getDb().select().from(sessions).where(eq(sessions.userId, org.admin.id))).toHaveLength(0)
	})

	it('end at their absolute lifetime', async () => {
		const org = await createOrganisation()
		const cookie = await sessionCookieFor(org.admin.id, org.organisationId)
		await getDb()
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.userId, org.admin.id))
		expect((await home(cookie)).status).toBe(302)
	})

	it('can be signed out everywhere else', async () => {
		const org = await createOrganisation()
		const laptop = await sessionCookieFor(org.admin.id, org.organisationId)
		const phone = await sessionCookieFor(org.admin.id, org.organisationId)
		const response = await settle(
			accountAction({
				request: formRequest('/account', { intent: 'sign-out-others' }, { cookie: laptop }),
				params: {},
				context: testContext(),
			}),
		)
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/account?signedOut=1')
		expect((await home(laptop)).status).toBe(200)
		expect((await home(phone)).status).toBe(302)
	})

	it('cannot switch into an organisation the person does not belong to', async () => {
		const org = await createOrganisation()
		const other = await createOrganisation('Other')
		const cookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const response = await settle(
			accountAction({
				request: formRequest(
					'/account',
					{ intent: 'switch-organisation', organisationId: other.organisationId },
					{ cookie },
				),
				params: {},
				context: testContext(),
			}),
		)
		expect(response.status).toBe(400)
	})
})

describe('demo seed', () => {
	it('creates Northwind Support once, however often it runs', async () => {
		const first = await seedDemo(getDb())
		const second = await seedDemo(getDb())
		expect(second.created).toBe(false)
		const orgs = await getDb().select().from(organisations).where(eq(organisations.slug, 'northwind-support'))
		expect(orgs).toHaveLength(1)
		// On a shared database another file may have seeded first; either way exactly one exists.
		expect(typeof first.created).toBe('boolean')
	})
})
