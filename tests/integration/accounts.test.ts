import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, memberships, organisations, sessions, users } from '#db/schema.ts'
import { action as loginAction } from '#app/routes/login.tsx'
import { action as signupAction } from '#app/routes/signup.tsx'
import { action as logoutAction } from '#app/routes/logout.tsx'
import { loader as homeLoader } from '#app/routes/home.tsx'
import { hashToken } from '#app/utils/crypto.server.ts'
import { createOrganisation, PASSWORD } from '#tests/support/factories.ts'
import { cookieFrom, formRequest, getRequest, settle, testContext, uniqueEmail } from '#tests/support/requests.ts'

async function rowCount(table: typeof organisations | typeof users) {
	const [row] = await getDb().select({ n: count() }).from(table)
	return row?.n ?? 0
}

describe('sign-up', () => {
	it('creates the organisation and its first admin, and signs them in', async () => {
		const email = uniqueEmail('founder')
		const response = await settle(
			signupAction({
				request: formRequest('/signup', { organisationName: 'Blue Harbour', name: 'Bea', email, password: PASSWORD }),
				params: {},
				context: testContext(),
			}),
		)
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/members?welcome=1')
		const [user] = await getDb().select().from(users).where(eq(users.email, email))
		expect(user?.passwordHash).toMatch(/^\$argon2id\$/)
		const [membership] = await getDb().select().from(memberships).where(eq(memberships.userId, user!.id))
		expect(membership?.role).toBe('admin')
		const home = await settle(
			homeLoader({ request: getRequest('/home', cookieFrom(response)), params: {}, context: testContext() }),
		)
		expect(home.status).toBe(200)
	})

	it('answers a malformed form with 400, a message per field, and writes nothing', async () => {
		const before = [await rowCount(organisations), await rowCount(users)]
		const response = await settle(
			signupAction({
				request: formRequest('/signup', { organisationName: 'X', name: '', email: 'not-an-email', password: 'short' }),
				params: {},
				context: testContext(),
			}),
		)
		expect(response.status).toBe(400)
		const body = (await response.json()) as { error: Record<string, string[]> }
		expect(body.error.email?.[0]).toMatch(/valid email/)
		expect(body.error.password?.[0]).toMatch(/at least 8/)
		expect(body.error.organisationName?.[0]).toMatch(/at least 2/)
		expect([await rowCount(organisations), await rowCount(users)]).toEqual(before)
	})

	it('refuses a second account with the same email (any case) without a partial write', async () => {
		const { admin } = await createOrganisation()
		const orgsBefore = await rowCount(organisations)
		const response = await settle(
			signupAction({
				request: formRequest('/signup', {
					organisationName: 'Copycat',
					name: 'Copy',
					email: admin.email.toUpperCase(),
					password: PASSWORD,
				}),
				params: {},
				context: testContext(),
			}),
		)
		expect(response.status).toBe(409)
		expect(await rowCount(organisations)).toBe(orgsBefore)
	})
})

describe('sign-in', () => {
	it('issues a fresh session id at sign-in and removes the previous one', async () => {
		const { admin } = await createOrganisation()
		const first = await settle(
			loginAction({
				request: formRequest('/login', { email: admin.email, password: PASSWORD }),
				params: {},
				context: testContext(),
			}),
		)
		expect(first.status).toBe(302)
		const firstCookie = cookieFrom(first)
		const second = await settle(
			loginAction({
				request: formRequest('/login', { email: admin.email, password: PASSWORD }, { cookie: firstCookie }),
				params: {},
				context: testContext(),
			}),
		)
		const secondCookie = cookieFrom(second)
		expect(secondCookie).not.toBe(firstCookie)
		const oldHome = await settle(
			homeLoader({ request: getRequest('/home', firstCookie), params: {}, context: testContext() }),
		)
		expect(oldHome.status).toBe(302)
		expect(oldHome.headers.get('Location')).toMatch(/^\/login/)
	})

	it('stores only a hash of the session id', async () => {
		const { admin } = await createOrganisation()
		const response = await settle(
			loginAction({
				request: formRequest('/login', { email: admin.email, password: PASSWORD }),
				params: {},
				context: testContext(),
			}),
		)
		const raw = decodeURIComponent(cookieFrom(response).split('=')[1] ?? '')
		const token = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as string
		const rows = await getDb()
			.select()
			.from(sessions)
			.where(eq(sessions.idHash, hashToken(token)))
		expect(rows).toHaveLength(1)
		const plain = await getDb().select().from(sessions).where(eq(sessions.idHash, token))
		expect(plain).toHaveLength(0)
	})

	it('says the same thing for a wrong password and an unknown email, and audits both', async () => {
		const { admin, organisationId } = await createOrganisation()
		const ctx = testContext()
		const wrong = await settle(
			loginAction({
				request: formRequest('/login', { email: admin.email, password: 'wrong password!' }),
				params: {},
				context: ctx,
			}),
		)
		const unknown = await settle(
			loginAction({
				request: formRequest('/login', { email: uniqueEmail('ghost'), password: 'whatever1' }),
				params: {},
				context: ctx,
			}),
		)
		expect(wrong.status).toBe(401)
		expect(unknown.status).toBe(401)
		const wrongBody = (await wrong.json()) as { error: Record<string, string[]> }
		const unknownBody = (await unknown.json()) as { error: Record<string, string[]> }
		expect(wrongBody.error['']).toEqual(['That email and password do not match.'])
		expect(unknownBody.error['']).toEqual(wrongBody.error[''])
		const audits = await getDb().select().from(auditEvents).where(eq(auditEvents.organisationId, organisationId))
		expect(audits.filter((a) => a.type === 'sign_in_failed')).toHaveLength(1)
	})

	// The limits themselves (keying, races, Retry-After) are in sign-in-limits.test.ts.

	it('answers a malformed sign-in with 400 and a field message', async () => {
		const response = await settle(
			loginAction({
				request: formRequest('/login', { email: 'nope', password: '' }),
				params: {},
				context: testContext(),
			}),
		)
		expect(response.status).toBe(400)
		const body = (await response.json()) as { error: Record<string, string[]> }
		expect(body.error.email?.[0]).toMatch(/valid email/)
		expect(body.error.password?.[0]).toMatch(/Enter your password/)
	})

	it('signs out by deleting the session row', async () => {
		const { admin } = await createOrganisation()
		const login = await settle(
			loginAction({
				request: formRequest('/login', { email: admin.email, password: PASSWORD }),
				params: {},
				context: testContext(),
			}),
		)
		const cookie = cookieFrom(login)
		const out = await settle(
			logoutAction({ request: formRequest('/logout', {}, { cookie }), params: {}, context: testContext() }),
		)
		expect(out.status).toBe(302)
		const home = await settle(homeLoader({ request: getRequest('/home', cookie), params: {}, context: testContext() }))
		expect(home.status).toBe(302)
	})
})
