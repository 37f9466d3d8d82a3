import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { invitations } from '#db/schema.ts'
import { action as membersAction } from '#app/routes/members._index.tsx'
import { action as inviteAction } from '#app/routes/invitations.$token.tsx'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, settle, testContext, uniqueEmail } from '#tests/support/requests.ts'

function bulk(cookie: string, list: string, role = 'learner') {
	return settle(
		membersAction({
			request: formRequest('/members', { intent: 'bulk-invite', list, role }, { cookie }),
			params: {},
			context: testContext(),
		}),
	)
}

const openInvitations = (organisationId: string) =>
	getDb().select().from(invitations).where(eq(invitations.organisationId, organisationId))

describe('bulk invite', () => {
	it('creates one working link per pasted address, all with the chosen role', async () => {
		const { organisationId, admin } = await createOrganisation()
		const cookie = await sessionCookieFor(admin.id, organisationId)
		const emails = [uniqueEmail('a'), uniqueEmail('b'), uniqueEmail('c')]
		const res = await bulk(cookie, `${emails[0]}\n${emails[1]!.toUpperCase()}, ${emails[2]}`, 'coach')
		expect(res.status).toBe(200)
		const body = (await res.json()) as { links: Array<{ email: string; url: string }> }
		expect(body.links.map((l) => l.email)).toEqual(emails)
		const rows = await openInvitations(organisationId)
		expect(rows.map((r) => r.role)).toEqual(['coach', 'coach', 'coach'])
		// Each link is a real invitation link.
		const token = new URL(body.links[1]!.url).pathname.split('/').pop()!
		const accepted = await settle(
			inviteAction({
				request: formRequest(`/invitations/${token}`, { intent: 'create', name: 'Bo', password: 'long enough pass' }),
				params: { token },
				context: testContext(),
			}),
		)
		expect(accepted.status).toBe(302)
	})

	it('reports every bad line and writes nothing when any line is wrong', async () => {
		const { organisationId, admin } = await createOrganisation()
		const member = await addMember(organisationId, admin.id, 'learner')
		const cookie = await sessionCookieFor(admin.id, organisationId)
		const fine = uniqueEmail('fine')
		const before = (await openInvitations(organisationId)).length
		const res = await bulk(cookie, `${fine}\nnot-an-address\n${member.email}\n${fine}`)
		expect(res.status).toBe(400)
		const body = (await res.json()) as { problems: Array<{ line: number; message: string }>; list: string }
		expect(body.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
			'2: is not a valid email address',
			'3: is already a member',
			'4: is already on line 1',
		])
		// The pasted list comes back to be fixed.
		expect(body.list).toContain('not-an-address')
		expect((await openInvitations(organisationId)).length).toBe(before)
	})

	it('is for admins only', async () => {
		const { organisationId, admin } = await createOrganisation()
		const coach = await addMember(organisationId, admin.id, 'coach')
		const res = await bulk(await sessionCookieFor(coach.id, organisationId), uniqueEmail())
		expect(res.status).toBe(403)
	})
})
