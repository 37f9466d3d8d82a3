import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { assessmentAttempts, auditEvents, memberships, teams } from '#db/schema.ts'
import { getViewer } from '#app/auth/session.server.ts'
import { listMembers } from '#app/data/members.server.ts'
import { startAssessment } from '#app/data/assessments.server.ts'
import { loader as inviteLoader, action as inviteAction } from '#app/routes/invitations.$token.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { loader as auditLoader } from '#app/routes/admin.audit.tsx'
import { action as memberAction, loader as memberLoader } from '#app/routes/members.$userId.tsx'
import { action as membersAction } from '#app/routes/members._index.tsx'
import { action as signupAction } from '#app/routes/signup.tsx'
import { action as teamsAction, loader as teamsLoader } from '#app/routes/teams._index.tsx'
import { createInvitation, SIGN_IN_TO_ACCEPT } from '#app/services/invitations.server.ts'
import { addMember, createOrganisation, PASSWORD, sessionCookieFor } from '#tests/support/factories.ts'
import { craftedRedirectTargets, leavesSite } from '#tests/support/redirect-targets.ts'
import { BASE, cookieFrom, formRequest, getRequest, settle, testContext, uniqueEmail } from '#tests/support/requests.ts'

const actor = (org: { organisationId: string; admin: { id: string } }) => ({
	userId: org.admin.id,
	organisationId: org.organisationId,
	ip: null,
})

async function inviteToken(org: { organisationId: string; admin: { id: string } }, email: string, role = 'learner') {
	const invited = await createInvitation(actor(org), { email, role: role as 'learner' })
	if (!invited.ok) throw new Error(invited.message)
	return invited.value.token
}

function accept(token: string, fields: Record<string, string>, ip?: string) {
	return settle(
		inviteAction({
			request: formRequest(`/invitations/${token}`, fields),
			params: { token },
			context: testContext(ip),
		}),
	)
}

async function errorsOf(response: Response): Promise<string[]> {
	const body = (await response.json()) as {
		result?: { error?: Record<string, string[]> }
		error?: Record<string, string[]>
	}
	const error = body.result?.error ?? body.error ?? {}
	return Object.values(error).flat()
}

describe('invitations do not reveal accounts, and accept through the one sign-in (item 1)', () => {
	it('shows the same page whether or not the e-mail has an account', async () => {
		const victim = await createOrganisation('Victim Org')
		const attacker = await createOrganisation('Attacker Org')
		const forExisting = await inviteToken(attacker, victim.admin.email)
		const forNew = await inviteToken(attacker, uniqueEmail('fresh'))
		const pages = await Promise.all(
			[forExisting, forNew].map(async (token) => {
				const r = await settle(inviteLoader({ request: getRequest(`/x`), params: { token }, context: testContext() }))
				return Object.keys((await r.json()) as object).sort()
			}),
		)
		expect(pages[0]).toEqual(pages[1])
		expect(pages[0]).not.toContain('hasAccount')
	})

	it('answers "create" for an existing account with the prompt to sign in, and creates nothing', async () => {
		const victim = await createOrganisation('Victim Org')
		const other = await createOrganisation('Other Org')
		const token = await inviteToken(other, victim.admin.email)
		const response = await accept(token, { intent: 'create', name: 'Impostor', password: 'another passphrase' })
		expect(response.status).toBe(409)
		expect(await errorsOf(response)).toEqual([SIGN_IN_TO_ACCEPT])
		const rows = await getDb()
			.select()
			.from(memberships)
			.where(and(eq(memberships.organisationId, other.organisationId), eq(memberships.userId, victim.admin.id)))
		expect(rows).toHaveLength(0)
	})

	it('signs in to accept: the session opens only then, in the inviting organisation, and it is audited', async () => {
		const person = await createOrganisation('First Org')
		const second = await createOrganisation('Second Org')
		const token = await inviteToken(second, person.admin.email, 'coach')
		const wrong = await accept(token, { intent: 'sign-in', password: 'not the password' })
		expect(wrong.status).toBe(401)
		expect(wrong.headers.get('Set-Cookie')).toBeNull()
		const right = await accept(token, { intent: 'sign-in', password: PASSWORD })
		expect(right.status).toBe(302)
		const viewer = await getViewer(getRequest('/home', cookieFrom(right)))
		expect(viewer?.organisation.id).toBe(second.organisationId)
		expect(viewer?.role).toBe('coach')
		const audit = await getDb()
			.select({ type: auditEvents.type })
			.from(auditEvents)
			.where(eq(auditEvents.userId, person.admin.id))
		expect(audit.map((a) => a.type)).toEqual(expect.arrayContaining(['sign_in_failed', 'invitation_accepted']))
	})
})

describe('removing a member deactivates and keeps their data (item 9)', () => {
	it('keeps the history, hides the person, sends them to sign-in, and restores it all when they come back', async () => {
		const org = await createOrganisation('Keep Org')
		const learner = await addMember(org.organisationId, org.admin.id, 'learner', 'Lena Learner')
		const { attempt } = await startAssessment({
			organisationId: org.organisationId,
			userId: learner.id,
			instrumentVersion: 'test',
			seed: 7,
		})
		const learnerCookie = await sessionCookieFor(learner.id, org.organisationId)
		const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const removed = await settle(
			memberAction({
				request: formRequest(`/members/${learner.id}`, { intent: 'deactivate' }, { cookie: adminCookie }),
				params: { userId: learner.id },
				context: testContext(),
			}),
		)
		expect(removed.status).toBe(302)
		const kept = await getDb().select().from(assessmentAttempts).where(eq(assessmentAttempts.id, attempt.id))
		expect(kept).toHaveLength(1)
		expect((await listMembers(org.organisationId)).map((m) => m.id)).not.toContain(learner.id)
		const page = await settle(
			memberLoader({
				request: getRequest('/home', learnerCookie),
				params: { userId: learner.id },
				context: testContext(),
			}),
		)
		expect(page.status).toBe(302)
		expect(page.headers.get('Location')).toMatch(/^\/login/)
		const signIn = await settle(
			loginAction({
				request: formRequest('/login', { email: learner.email, password: PASSWORD }),
				params: {},
				context: testContext(),
			}),
		)
		expect(signIn.status).toBe(403)

		const token = await inviteToken(org, learner.email)
		const back = await accept(token, { intent: 'sign-in', password: PASSWORD })
		expect(back.status).toBe(302)
		expect((await listMembers(org.organisationId)).map((m) => m.id)).toContain(learner.id)
		const restored = await getDb().select().from(assessmentAttempts).where(eq(assessmentAttempts.id, attempt.id))
		expect(restored[0]?.userId).toBe(learner.id)
		const events = await getDb()
			.select({ type: auditEvents.type })
			.from(auditEvents)
			.where(eq(auditEvents.organisationId, org.organisationId))
		expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['member_deactivated', 'member_reactivated']))
	})
})

describe('no open redirect after sign-in (item 2)', () => {
	it(`never sends the browser off-site, nor answers 5xx, for ${craftedRedirectTargets.length} crafted targets`, async () => {
		const { admin } = await createOrganisation()
		const ip = `redirect-prober-${admin.id}`
		const offSite: string[] = []
		for (const redirectTo of craftedRedirectTargets) {
			const response = await settle(
				loginAction({
					request: formRequest('/login', { email: admin.email, password: PASSWORD, redirectTo }),
					params: {},
					context: testContext(ip),
				}),
			)
			expect(response.status).toBe(302)
			if (leavesSite(response.headers.get('Location'), BASE)) offSite.push(redirectTo)
		}
		expect(offSite).toEqual([])
	})

	it('still honours an ordinary same-site target', async () => {
		const { admin } = await createOrganisation()
		const response = await settle(
			loginAction({
				request: formRequest('/login', { email: admin.email, password: PASSWORD, redirectTo: '/practice?x=1' }),
				params: {},
				context: testContext(),
			}),
		)
		expect(response.headers.get('Location')).toBe('/practice?x=1')
	})
})

describe('odd input gets a 4xx, never a 500 (item 4)', () => {
	it('refuses NUL in every stored text field with a message', async () => {
		const org = await createOrganisation()
		const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const signup = await settle(
			signupAction({
				request: formRequest('/signup', {
					organisationName: 'ab\u0000cd',
					name: 'x\u0000y',
					email: uniqueEmail(),
					password: PASSWORD,
				}),
				params: {},
				context: testContext(),
			}),
		)
		expect(signup.status).toBe(400)
		const team = await settle(
			teamsAction({
				request: formRequest('/teams', { intent: 'create-team', name: 'ab\u0000cd' }, { cookie: adminCookie }),
				params: {},
				context: testContext(),
			}),
		)
		expect(team.status).toBe(400)
		expect((await errorsOf(team)).join(' ')).toMatch(/control characters/)
		const token = await inviteToken(org, uniqueEmail('nul'))
		const invitee = await accept(token, { intent: 'create', name: 'ab\u0000cd', password: PASSWORD })
		expect(invitee.status).toBe(400)
	})

	it('gives 10 concurrent creates of one team name one success and nine 409s with the sequential message', async () => {
		const org = await createOrganisation()
		const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const create = () =>
			settle(
				teamsAction({
					request: formRequest('/teams', { intent: 'create-team', name: 'Racers' }, { cookie: adminCookie }),
					params: {},
					context: testContext(),
				}),
			)
		const responses = await Promise.all(Array.from({ length: 10 }, create))
		expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409])
		const later = await create()
		const expected = await errorsOf(later)
		for (const r of responses.filter((r) => r.status === 409)) expect(await errorsOf(r)).toEqual(expected)
		const rows = await getDb().select().from(teams).where(eq(teams.organisationId, org.organisationId))
		expect(rows).toHaveLength(1)
	})

	it('accepts one of two organisations’ invitations for one new e-mail at the same moment; the other hears “sign in”', async () => {
		const a = await createOrganisation('Org A')
		const b = await createOrganisation('Org B')
		const email = uniqueEmail('popular')
		const [ta, tb] = [await inviteToken(a, email), await inviteToken(b, email)]
		const responses = await Promise.all([
			accept(ta, { intent: 'create', name: 'Pop', password: PASSWORD }),
			accept(tb, { intent: 'create', name: 'Pop', password: PASSWORD }),
		])
		expect(responses.map((r) => r.status).sort()).toEqual([302, 409])
		expect(await errorsOf(responses.find((r) => r.status === 409)!)).toEqual([SIGN_IN_TO_ACCEPT])
	})
})

describe('teams (issue 9)', () => {
	it('offers learners as learners and coaches as coaches, says so when someone is added twice, and audits each change', async () => {
		const org = await createOrganisation()
		const learner = await addMember(org.organisationId, org.admin.id, 'learner', 'Lou')
		const coach = await addMember(org.organisationId, org.admin.id, 'coach', 'Cy')
		const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const post = (fields: Record<string, string>) =>
			settle(
				teamsAction({
					request: formRequest('/teams', fields, { cookie: adminCookie }),
					params: {},
					context: testContext(),
				}),
			)
		await post({ intent: 'create-team', name: 'Blue' })
		const page = (await (
			await settle(teamsLoader({ request: getRequest('/teams', adminCookie), params: {}, context: testContext() }))
		).json()) as { teams: Array<{ id: string }>; learners: Array<{ id: string }>; coaches: Array<{ id: string }> }
		expect(page.learners.map((p) => p.id)).toEqual([learner.id])
		expect(page.coaches.map((p) => p.id)).toEqual(expect.arrayContaining([coach.id, org.admin.id]))
		expect(page.coaches.map((p) => p.id)).not.toContain(learner.id)
		const teamId = page.teams[0]!.id
		const add = { intent: 'add-person', teamId, userId: learner.id, position: 'member' }
		expect((await post(add)).status).toBe(200)
		const twice = await post(add)
		expect(twice.status).toBe(409)
		expect(((await twice.json()) as { message: string }).message).toMatch(/already a learner in Blue/)
		expect((await post({ ...add, userId: learner.id, position: 'coach' })).status).toBe(400)
		expect((await post({ ...add, intent: 'remove-person' })).status).toBe(200)
		const events = await getDb()
			.select({ type: auditEvents.type })
			.from(auditEvents)
			.where(eq(auditEvents.organisationId, org.organisationId))
		expect(events.map((e) => e.type)).toEqual(
			expect.arrayContaining(['team_created', 'team_person_added', 'team_person_removed']),
		)
	})
})

describe('invitation links', () => {
	it('re-issues a link: the new one works and the old one stops', async () => {
		const org = await createOrganisation()
		const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const email = uniqueEmail('lost')
		const oldToken = await inviteToken(org, email)
		const pending = await getDb().select().from(auditEvents).where(eq(auditEvents.type, 'invitation_created'))
		const invitationId = pending.find((p) => p.detail.email === email)?.detail.invitationId as string
		const reissued = await settle(
			membersAction({
				request: formRequest('/members', { intent: 'reissue', invitationId }, { cookie: adminCookie }),
				params: {},
				context: testContext(),
			}),
		)
		expect(reissued.status).toBe(200)
		const { link } = (await reissued.json()) as { link: { url: string } }
		const newToken = new URL(link.url).pathname.split('/').pop()!
		expect(newToken).not.toBe(oldToken)
		const old = await settle(
			inviteLoader({ request: getRequest('/x'), params: { token: oldToken }, context: testContext() }),
		)
		expect(old.status).toBe(404)
		expect((await accept(newToken, { intent: 'create', name: 'Found', password: PASSWORD })).status).toBe(302)
	})
})

describe('request bodies are capped before parsing (item 5)', () => {
	it('answers an oversized sign-in body of unknown length with 413 after reading no more than the cap', async () => {
		let sent = 0
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent > 50 * 1024 * 1024) return controller.close()
				sent += 64 * 1024
				controller.enqueue(new TextEncoder().encode('email=a%40b.co&password=' + 'x'.repeat(64 * 1024 - 24)))
			},
		})
		const request = new Request(new URL('/login', BASE), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body,
			duplex: 'half',
		} as RequestInit)
		const response = await settle(loginAction({ request, params: {}, context: testContext() }))
		expect(response.status).toBe(413)
		expect(response.headers.get('Connection')).toBe('close')
		expect(sent).toBeLessThanOrEqual(16 * 1024 + 3 * 64 * 1024)
		// The sign-in form's own error, not the error page.
		expect(await errorsOf(response)).toEqual([expect.stringContaining('That form is too large')])
	})

	it('answers a declared oversized body on the invitation page as the error of the form that was sent', async () => {
		const org = await createOrganisation()
		const token = await inviteToken(org, uniqueEmail('big'))
		// The server hands over the headers without the body, so the form is named in the action URL.
		const request = new Request(new URL(`/invitations/${token}?intent=sign-in`, BASE), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(17 * 1024) },
		})
		const response = await settle(inviteAction({ request, params: { token }, context: testContext() }))
		expect(response.status).toBe(413)
		expect(response.headers.get('Connection')).toBe('close')
		const body = (await response.json()) as { intent: string; result: { error: Record<string, string[]> } }
		expect(body.intent).toBe('sign-in')
		expect(body.result.error['']).toEqual([expect.stringContaining('That form is too large')])
	})
})

describe('the admin sees the audit log', () => {
	it('lists failures and membership changes, filtered by person and kind; others get 403', async () => {
		const org = await createOrganisation()
		const learner = await addMember(org.organisationId, org.admin.id, 'learner', 'Fay')
		const other = await addMember(org.organisationId, org.admin.id, 'learner', 'Gus')
		await settle(
			loginAction({
				request: formRequest('/login', { email: learner.email, password: 'wrong password!' }),
				params: {},
				context: testContext(),
			}),
		)
		await settle(
			loginAction({
				request: formRequest('/login', { email: other.email, password: 'wrong password!' }),
				params: {},
				context: testContext(),
			}),
		)
		const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const page = async (query: string, cookie = adminCookie) =>
			settle(auditLoader({ request: getRequest(`/admin/audit?${query}`, cookie), params: {}, context: testContext() }))
		const filtered = (await (await page(`person=${learner.id}&kind=failures`)).json()) as {
			events: Array<{ type: string; who: string }>
		}
		expect(filtered.events.map((e) => [e.type, e.who])).toEqual([['sign_in_failed', 'Fay']])
		const membership = (await (await page('kind=membership')).json()) as { events: Array<{ type: string }> }
		expect(membership.events.map((e) => e.type)).toContain('invitation_accepted')
		expect(membership.events.every((e) => e.type !== 'sign_in_failed')).toBe(true)
		const learnerCookie = await sessionCookieFor(learner.id, org.organisationId)
		expect((await page('', learnerCookie)).status).toBe(403)
	})
})
