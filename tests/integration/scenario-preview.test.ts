import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { action as previewAction, loader as previewLoader } from '#app/routes/admin.scenarios_.$scenarioId_.preview.tsx'
import { PREVIEW_REFUSED, type PreviewView } from '#app/services/scenario-preview.server.ts'
import { getDb, rowsOf } from '#db/client.server.ts'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

// Row counts of every table: a preview must leave all of them as they were.
async function rowCounts(): Promise<Record<string, number>> {
	const tables = rowsOf<{ table_name: string }>(
		await getDb().execute(
			sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
		),
	).map((r) => r.table_name)
	const counts: Record<string, number> = {}
	for (const t of tables) {
		const [row] = rowsOf<{ n: number | string }>(
			await getDb().execute(sql`select count(*) as n from ${sql.identifier(t)}`),
		)
		counts[t] = Number(row?.n)
	}
	return counts
}

const open = async (scenarioId: string, cookie: string, state?: string) =>
	settle(
		previewLoader({
			request: getRequest(
				`/admin/scenarios/${scenarioId}/preview${state ? `?state=${encodeURIComponent(state)}` : ''}`,
				cookie,
			),
			params: { scenarioId },
			context: testContext(),
		}),
	)

const reply = async (scenarioId: string, cookie: string, state: string, choice: string) =>
	settle(
		previewAction({
			request: formRequest(`/admin/scenarios/${scenarioId}/preview`, { state, choice }, { cookie }),
			params: { scenarioId },
			context: testContext(),
		}),
	)

const viewOf = async (res: Response) => ((await res.json()) as { preview: PreviewView }).preview

async function adminSession() {
	const org = await createOrganisation()
	return { org, cookie: await sessionCookieFor(org.admin.id, org.organisationId) }
}

describe('admin scenario preview', () => {
	it('plays a scenario to an ending and records nothing', async () => {
		const { cookie } = await adminSession()
		// One with warnings when the library has any (warnings never block a preview); the shipped
		// library has none today, so the first scenario.
		const library = getScenarioLibrary().scenarios
		const scenario = library.find((s) => s.warnings.length > 0) ?? library[0]!
		expect(scenario).toBeDefined()
		const before = await rowCounts()
		expect(Object.keys(before)).toEqual(
			expect.arrayContaining(['attempts', 'decisions', 'debriefs', 'skill_levels', 'audit_events']),
		)

		let view = await viewOf(await open(scenario.id, cookie))
		expect(view.transcript.at(-1)).toMatchObject({ kind: 'customer' })
		const chosen: string[] = []
		for (let i = 0; !view.ending && i <= scenario.maxReplies; i++) {
			const choice = view.choices.find((c) => c.offered)!
			const res = await reply(scenario.id, cookie, view.token, choice.id)
			expect(res.status).toBe(302)
			const location = new URL(res.headers.get('Location')!, 'http://attune.test')
			expect(location.pathname).toBe(`/admin/scenarios/${scenario.id}/preview`)
			chosen.push(choice.text)
			view = await viewOf(await open(scenario.id, cookie, location.searchParams.get('state')!))
		}
		expect(view.ending).not.toBeNull()
		expect(view.replies).toBe(chosen.length)
		expect(view.transcript.filter((e) => e.kind === 'learner').map((e) => e.text)).toEqual(chosen)
		expect(await rowCounts()).toEqual(before)
	})

	it('refuses a forged, tampered or borrowed state with a 400 and a message', async () => {
		const { org, cookie } = await adminSession()
		const scenarioId = 'catch-up-bill'
		const start = await viewOf(await open(scenarioId, cookie))
		const [body, signature] = start.token.split('.') as [string, string]
		const state = JSON.parse(Buffer.from(body, 'base64url').toString()) as { p: string[] }
		// Same signature, a different (but playable) path: only the signature tells them apart.
		const path = [start.choices.find((c) => c.offered)!.id]
		const forged = `${Buffer.from(JSON.stringify({ ...state, p: path })).toString('base64url')}.${signature}`
		for (const bad of [forged, `${body}.${signature.slice(0, -3)}abc`, 'not-a-token']) {
			const viaGet = await open(scenarioId, cookie, bad)
			expect(viaGet.status).toBe(400)
			expect(await viaGet.text()).toMatch(/could not be read/)
			const viaPost = await reply(scenarioId, cookie, bad, start.choices[0]!.id)
			expect(viaPost.status).toBe(400)
		}
		expect(await (await open(scenarioId, cookie, forged)).text()).toContain(PREVIEW_REFUSED)

		// Another admin's state is refused, even though its signature is genuine.
		const other = await addMember(org.organisationId, org.admin.id, 'admin')
		const otherCookie = await sessionCookieFor(other.id, org.organisationId)
		expect((await open(scenarioId, otherCookie, start.token)).status).toBe(400)

		// A reply that is not offered is refused; a state for another scenario too.
		expect((await reply(scenarioId, cookie, start.token, 'no-such-reply')).status).toBe(400)
		const another = getScenarioLibrary().scenarios.find((s) => s.id !== scenarioId)!
		expect((await open(another.id, cookie, start.token)).status).toBe(400)
	})

	it('is for admins only', async () => {
		const { org } = await adminSession()
		const learner = await addMember(org.organisationId, org.admin.id, 'learner')
		const learnerCookie = await sessionCookieFor(learner.id, org.organisationId)
		expect((await open('catch-up-bill', learnerCookie)).status).toBe(403)
		expect((await open('no-such-scenario', await sessionCookieFor(org.admin.id, org.organisationId))).status).toBe(404)
	})
})
