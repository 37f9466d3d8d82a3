import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, passwordResets, sessions } from '#db/schema.ts'
import { action as accountAction } from '#app/routes/account.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { action as memberAction } from '#app/routes/members.$userId.tsx'
import { action as resetAction, loader as resetLoader } from '#app/routes/reset-password.$token.tsx'
import { rateLimits } from '#app/domain/accounts/rate-limits.ts'
import { deactivateMember } from '#app/services/members.server.ts'
import { addMember, createOrganisation, PASSWORD, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

const NEW_PASSWORD = 'a brand new passphrase'

async function issueLink(adminCookie: string, memberId: string) {
	const response = await settle(
		memberAction({
			request: formRequest(`/members/${memberId}`, { intent: 'reset-link' }, { cookie: adminCookie }),
			params: { userId: memberId },
			context: testContext(),
		}),
	)
	return response
}

async function linkToken(response: Response): Promise<string> {
	const body = (await response.json()) as { resetLink: { url: string } }
	const token = new URL(body.resetLink.url).pathname.split('/').pop()
	if (!token) throw new Error('no token in the link')
	return token
}

function setPassword(token: string, password: string) {
	return settle(
		resetAction({
			request: formRequest(`/reset-password/${token}`, { password }),
			params: { token },
			context: testContext(),
		}),
	)
}

function login(email: string, password: string) {
	return settle(
		loginAction({ request: formRequest('/login', { email, password }), params: {}, context: testContext() }),
	)
}

async function sessionCount(userId: string) {
	return (await getDb().select().from(sessions).where(eq(sessions.userId, userId))).length
}

describe('password-reset links (account recovery without mail)', () => {
	it('lets an admin issue a one-time link that ends the member’s sessions; the member sets a password once', async () => {
		const { organisationId, admin } = await createOrganisation()
		const member = await addMember(organisationId, admin.id, 'learner', 'Lee')
		const adminCookie = await sessionCookieFor(admin.id, organisationId)
		await sessionCookieFor(member.id, organisationId)
		await sessionCookieFor(member.id, organisationId)
		expect(await sessionCount(member.id)).toBe(2)

		const issued = await issueLink(adminCookie, member.id)
		expect(issued.status).toBe(200)
		const token = await linkToken(issued)
		expect(await sessionCount(member.id)).toBe(0)
		// Only the hash is stored.
		const [row] = await getDb().select().from(passwordResets).where(eq(passwordResets.userId, member.id))
		expect(row?.tokenHash).not.toContain(token)
		expect(JSON.stringify(row)).not.toContain(token)

		const page = await settle(
			resetLoader({ request: getRequest(`/reset-password/${token}`), params: { token }, context: testContext() }),
		)
		expect(page.status).toBe(200)

		const set = await setPassword(token, NEW_PASSWORD)
		expect(set.status).toBe(302)
		expect(set.headers.get('Location')).toBe('/login?reset=1')
		expect((await login(member.email, PASSWORD)).status).toBe(401)
		expect((await login(member.email, NEW_PASSWORD)).status).toBe(302)

		// Reuse: the link is spent.
		expect((await setPassword(token, 'yet another passphrase')).status).toBe(410)
		expect((await login(member.email, NEW_PASSWORD)).status).toBe(302)

		const audit = await getDb()
			.select({ type: auditEvents.type, userId: auditEvents.userId, detail: auditEvents.detail })
			.from(auditEvents)
			.where(eq(auditEvents.organisationId, organisationId))
		expect(audit).toContainEqual(
			expect.objectContaining({
				type: 'password_reset_issued',
				userId: admin.id,
				detail: expect.objectContaining({ memberId: member.id, sessionsEnded: 2 }),
			}),
		)
		expect(audit).toContainEqual(expect.objectContaining({ type: 'password_reset_used', userId: member.id }))
	})

	it('refuses an expired link, and a new link replaces the previous one', async () => {
		const { organisationId, admin } = await createOrganisation()
		const member = await addMember(organisationId, admin.id, 'learner')
		const adminCookie = await sessionCookieFor(admin.id, organisationId)
		const first = await linkToken(await issueLink(adminCookie, member.id))
		const second = await linkToken(await issueLink(adminCookie, member.id))
		expect((await setPassword(first, NEW_PASSWORD)).status).toBe(404)

		await getDb()
			.update(passwordResets)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(passwordResets.userId, member.id))
		expect((await setPassword(second, NEW_PASSWORD)).status).toBe(410)
		expect((await login(member.email, PASSWORD)).status).toBe(302)
	})

	it('stops working when the member is deactivated, and refuses garbage tokens with 404', async () => {
		const { organisationId, admin } = await createOrganisation()
		const member = await addMember(organisationId, admin.id, 'learner')
		const adminCookie = await sessionCookieFor(admin.id, organisationId)
		const token = await linkToken(await issueLink(adminCookie, member.id))
		expect((await deactivateMember({ userId: admin.id, organisationId, ip: null }, member.id)).ok).toBe(true)
		expect((await setPassword(token, NEW_PASSWORD)).status).toBe(410)
		expect((await setPassword('not-a-token', NEW_PASSWORD)).status).toBe(404)
		expect((await setPassword('x'.repeat(43), NEW_PASSWORD)).status).toBe(404)
	})

	it('is out of reach for another organisation’s admin (404) and for a coach (403)', async () => {
		const a = await createOrganisation('Org A')
		const b = await createOrganisation('Org B')
		const member = await addMember(a.organisationId, a.admin.id, 'learner')
		const coach = await addMember(a.organisationId, a.admin.id, 'coach')
		const otherAdmin = await sessionCookieFor(b.admin.id, b.organisationId)
		expect((await issueLink(otherAdmin, member.id)).status).toBe(404)
		const coachCookie = await sessionCookieFor(coach.id, a.organisationId)
		expect((await issueLink(coachCookie, member.id)).status).toBe(403)
		expect(await getDb().select().from(passwordResets).where(eq(passwordResets.userId, member.id))).toEqual([])
	})
})

describe('changing your own password', () => {
	function change(cookie: string, currentPassword: string, newPassword: string, ip = 'change-ip') {
		return settle(
			accountAction({
				request: formRequest('/account', { intent: 'change-password', currentPassword, newPassword }, { cookie }),
				params: {},
				context: testContext(ip),
			}),
		)
	}

	it('needs the current password, ends the other sessions, keeps this one, and is audited', async () => {
		const { organisationId, admin } = await createOrganisation()
		const member = await addMember(organisationId, admin.id, 'learner')
		const cookie = await sessionCookieFor(member.id, organisationId)
		await sessionCookieFor(member.id, organisationId)
		await sessionCookieFor(member.id, organisationId)

		const wrong = await change(cookie, 'not my password', NEW_PASSWORD)
		expect(wrong.status).toBe(400)
		expect(await sessionCount(member.id)).toBe(3)

		const changed = await change(cookie, PASSWORD, NEW_PASSWORD)
		expect(changed.status).toBe(302)
		expect(changed.headers.get('Location')).toBe('/account?passwordChanged=2')
		expect(await sessionCount(member.id)).toBe(1)
		expect((await login(member.email, NEW_PASSWORD)).status).toBe(302)
		const [event] = await getDb()
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.userId, member.id), eq(auditEvents.type, 'password_changed')))
		expect(event?.detail).toEqual({ sessionsEnded: 2 })
		const failures = await getDb()
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.userId, member.id), eq(auditEvents.type, 'sign_in_failed')))
		expect(failures.map((f) => f.detail)).toEqual([{ via: 're-entry' }])
	})

	it('goes through the sign-in limiter: after the limit even the right password is refused with 429', async () => {
		const { organisationId, admin } = await createOrganisation()
		const member = await addMember(organisationId, admin.id, 'learner')
		const cookie = await sessionCookieFor(member.id, organisationId)
		const limit = rateLimits.passwordFailuresPerAccountAndAddress.limit
		for (let i = 0; i < limit; i++)
			expect((await change(cookie, `wrong ${i}`, NEW_PASSWORD, 'one-ip')).status).toBe(400)
		const limited = await change(cookie, PASSWORD, NEW_PASSWORD, 'one-ip')
		expect(limited.status).toBe(429)
		expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/)
		// The same limiter guards sign-in: the account is limited there too from that address.
		expect(
			(
				await settle(
					loginAction({
						request: formRequest('/login', { email: member.email, password: PASSWORD }),
						params: {},
						context: testContext('one-ip'),
					}),
				)
			).status,
		).toBe(429)
	})
})
