import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { publishScenarioLibrary, refreshScenarioLibrary } from '#app/services/scenario-library.server.ts'
import { scenarioCoverage } from '#app/domain/scenario/coverage.ts'
import { loader as detailLoader } from '#app/routes/admin.scenarios_.$scenarioId.tsx'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { getRequest, settle, testContext } from '#tests/support/requests.ts'

type Detail = {
	detail: {
		id: string
		version: string | null
		problems: string[]
		analysis: {
			coverage: ReturnType<typeof scenarioCoverage>
			layout: { nodes: Array<{ id: string; kind: string; problems: number[] }>; edges: unknown[] }
			outline: Array<{ id: string }>
		} | null
	}
}

const detailFor = async (id: string, cookie: string) =>
	settle(
		detailLoader({
			request: getRequest(`/admin/scenarios/${id}`, cookie),
			params: { scenarioId: id },
			context: testContext(),
		}),
	)

afterEach(async () => {
	await publishScenarioLibrary('scenarios')
	await refreshScenarioLibrary()
})

describe('scenario map and coverage page', () => {
	it("shows the published version's coverage, map and outline to an admin", async () => {
		const org = await createOrganisation()
		const cookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const scenario = getScenarioLibrary().scenarios.find((s) => s.id === 'catch-up-bill')!
		const res = await detailFor(scenario.id, cookie)
		expect(res.status).toBe(200)
		const { detail } = (await res.json()) as Detail
		expect(detail.version).toBe(scenario.contentHash.slice(0, 10))
		const expected = scenarioCoverage(scenario)
		expect(detail.analysis?.coverage).toEqual(expected)
		expect(expected.paths).toBeGreaterThan(1)
		expect(detail.analysis?.layout.nodes.map((n) => n.id).sort()).toEqual(Object.keys(scenario.nodes).sort())
		expect(detail.analysis?.outline).toHaveLength(Object.keys(scenario.nodes).length)
		// Warnings are numbered in the problem list and pinned on their nodes.
		expect(detail.problems).toHaveLength(scenario.warnings.length)
		const pinned = detail.analysis!.layout.nodes.flatMap((n) => n.problems)
		const onNodes = scenario.warnings.filter((w) => w.path.startsWith('nodes.')).length
		expect(pinned).toHaveLength(onNodes)
	})

	it('answers 404 for an unknown scenario and 403 for a learner', async () => {
		const org = await createOrganisation()
		const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
		expect((await detailFor('no-such-scenario', adminCookie)).status).toBe(404)
		expect((await detailFor('Not_A_Slug', adminCookie)).status).toBe(404)
		const learner = await addMember(org.organisationId, org.admin.id, 'learner')
		const learnerCookie = await sessionCookieFor(learner.id, org.organisationId)
		expect((await detailFor('catch-up-bill', learnerCookie)).status).toBe(403)
	})

	it('shows a broken file its problems, with nothing to draw when it never had a good version', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-lib-'))
		fs.copyFileSync('scenarios/catch-up-bill.yaml', path.join(dir, 'catch-up-bill.yaml'))
		fs.writeFileSync(
			path.join(dir, 'broken.yaml'),
			fs
				.readFileSync('scenarios/catch-up-bill.yaml', 'utf8')
				.replace('id: catch-up-bill', 'id: broken')
				.replace(/flex: fit/, 'flex: perfect'),
		)
		await publishScenarioLibrary(dir)
		await refreshScenarioLibrary()
		const { organisationId, admin } = await createOrganisation()
		const res = await detailFor('broken', await sessionCookieFor(admin.id, organisationId))
		expect(res.status).toBe(200)
		const { detail } = (await res.json()) as Detail & { detail: { broken: boolean } }
		expect(detail.broken).toBe(true)
		expect(detail.analysis).toBeNull()
		expect(detail.problems.join('\n')).toMatch(
			/broken\.yaml:\d+:\d+ nodes\.[a-z0-9-]+\.choices\[\d+\]\.flex: must be one of/,
		)
		fs.rmSync(dir, { recursive: true, force: true })
	})
})
