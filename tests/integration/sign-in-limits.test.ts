import { and, count, eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents } from '#db/schema.ts'
import { action as inviteAction } from '#app/routes/invitations.$token.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { rateLimits } from '#app/domain/accounts/rate-limits.ts'
import { reenterPassword } from '#app/services/accounts.server.ts'
import { createInvitation } from '#app/services/invitations.server.ts'
import { addMember, createOrganisation, PASSWORD } from '#tests/support/factories.ts'
import { formRequest, settle, testContext, uniqueEmail } from '#tests/support/requests.ts'

const perAccountAndAddress = rateLimits.passwordFailuresPerAccountAndAddress.limit
const perAccount = rateLimits.passwordFailuresPerAccount.limit
const perAddress = rateLimits.passwordFailuresPerAddress.limit

function login(email: string, password: string, ip: string) {
	return settle(
		loginAction({ request: formRequest('/login', { email, password }), params: {}, context: testContext(ip) }),
	)
}

// Counted on the server: every password that reached Argon2 and failed leaves one row.
async function checkedFailures(userId: string): Promise<number> {
	const [row] = await getDb()
		.select({ n: count() })
		.from(auditEvents)
		.where(and(eq(auditEvents.userId, userId), eq(auditEvents.type, 'sign_in_failed')))
	return row?.n ?? 0
}

function statuses(responses: Response[]) {
	const by: Record<number, number> = {}
	for (const r of responses) by[r.status] = (by[r.status] ?? 0) + 1
	return by
}

describe('the sign-in limit cannot be raced', () => {
	it('checks no more than the limit of 40 concurrent wrong passwords from one address', async () => {
		const { admin } = await createOrganisation()
		const ip = `attacker-${uniqueEmail()}`
		const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => login(admin.email, `wrong-${i}-xx`, ip)))
		expect(await checkedFailures(admin.id)).toBe(perAccountAndAddress)
		expect(statuses(responses)).toEqual({ 401: perAccountAndAddress, 429: 40 - perAccountAndAddress })
		for (const r of responses.filter((r) => r.status === 429)) {
			expect(Number(r.headers.get('Retry-After'))).toBeGreaterThan(0)
		}
	})

	it('checks no more than the per-account limit when 40 addresses guess at once', async () => {
		const { admin } = await createOrganisation()
		const responses = await Promise.all(
			Array.from({ length: 40 }, (_, i) => login(admin.email, `wrong-${i}-xx`, `botnet-${i}-${admin.id}`)),
		)
		expect(await checkedFailures(admin.id)).toBe(perAccount)
		expect(statuses(responses)[429]).toBe(40 - perAccount)
	})
})

describe('how the limits key (ADR 0005)', () => {
	it('lets the owner in from an address they used before, after strangers used up the account limit', async () => {
		const { admin } = await createOrganisation()
		const home = `owner-home-${admin.id}`
		expect((await login(admin.email, PASSWORD, home)).status).toBe(302)
		for (let i = 0; i < perAccount; i++) await login(admin.email, `wrong-${i}-xx`, `stranger-${i}-${admin.id}`)
		// A new address is now refused, even with the right password...
		expect((await login(admin.email, PASSWORD, `elsewhere-${admin.id}`)).status).toBe(429)
		// ...but the owner's known address is not locked out by someone else's failures.
		expect((await login(admin.email, PASSWORD, home)).status).toBe(302)
	})

	it('does not lock everyone behind one address out because of one sprayer', async () => {
		const { admin } = await createOrganisation()
		const office = `office-nat-${admin.id}`
		expect((await login(admin.email, PASSWORD, office)).status).toBe(302)
		for (let i = 0; i < perAddress; i++) await login(uniqueEmail('spray'), 'guess-guess', office)
		expect((await login(uniqueEmail('spray'), 'guess-guess', office)).status).toBe(429)
		expect((await login(admin.email, PASSWORD, office)).status).toBe(302)
	})
})

describe('every route that checks a password uses the same limiter', () => {
	it('limits and audits signing in to accept an invitation (the probe got 105 unlimited guesses)', async () => {
		const victim = await createOrganisation('Victim Org')
		const attacker = await createOrganisation('Attacker Org')
		const invited = await createInvitation(
			{ userId: attacker.admin.id, organisationId: attacker.organisationId, ip: null },
			{ email: victim.admin.email, role: 'learner' },
		)
		if (!invited.ok) throw new Error(invited.message)
		const token = invited.value.token
		const ip = `invite-guesser-${victim.admin.id}`
		const responses = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				settle(
					inviteAction({
						request: formRequest(`/invitations/${token}`, { intent: 'sign-in', password: `guess-${i}-xx` }),
						params: { token },
						context: testContext(ip),
					}),
				),
			),
		)
		expect(await checkedFailures(victim.admin.id)).toBe(perAccountAndAddress)
		expect(statuses(responses)).toEqual({ 401: perAccountAndAddress, 429: 40 - perAccountAndAddress })
		expect(responses.find((r) => r.status === 429)?.headers.get('Retry-After')).toMatch(/^\d+$/)
		// The sign-in page shares the budget: the same address is refused there too.
		expect((await login(victim.admin.email, PASSWORD, ip)).status).toBe(429)
	})

	it('limits the password re-entry helper the same way', async () => {
		const { organisationId, admin } = await createOrganisation()
		const learner = await addMember(organisationId, admin.id, 'learner')
		const ip = `reentry-${learner.id}`
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => reenterPassword({ userId: learner.id, password: `nope-${i}-xx`, ip })),
		)
		expect(results.filter((r) => !r.ok && r.kind === 'rate-limited')).toHaveLength(20 - perAccountAndAddress)
		expect(await checkedFailures(learner.id)).toBe(perAccountAndAddress)
		const rows = await getDb()
			.select({ type: auditEvents.type })
			.from(auditEvents)
			.where(and(eq(auditEvents.userId, learner.id), inArray(auditEvents.type, ['sign_in_rate_limited'])))
		expect(rows.length).toBe(20 - perAccountAndAddress)
	})
})
