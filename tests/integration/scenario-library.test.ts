import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { publishScenarioLibrary, refreshScenarioLibrary } from '#app/services/scenario-library.server.ts'
import { loader as adminLoader } from '#app/routes/admin.scenarios.tsx'
import { loader as catalogueLoader } from '#app/routes/practice._index.tsx'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { getRequest, settle, testContext } from '#tests/support/requests.ts'

afterEach(async () => {
	await publishScenarioLibrary('scenarios')
	await refreshScenarioLibrary()
})

function libraryWithBrokenFile() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-lib-'))
	const good = getScenarioLibrary().scenarios[0]!
	fs.copyFileSync(path.join('scenarios', `${good.id}.yaml`), path.join(dir, `${good.id}.yaml`))
	fs.writeFileSync(
		path.join(dir, 'broken.yaml'),
		fs
			.readFileSync(path.join('scenarios', `${good.id}.yaml`), 'utf8')
			.replace(`id: ${good.id}`, 'id: broken')
			.replace(/flex: fit/, 'flex: perfect'),
	)
	return { dir, good }
}

describe('scenario library', () => {
	it('reports a broken file with line numbers and keeps offering the others', async () => {
		const { dir, good } = libraryWithBrokenFile()
		await publishScenarioLibrary(dir)
		await refreshScenarioLibrary()
		const org = await createOrganisation()
		const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const admin = await settle(
			adminLoader({ request: getRequest('/admin/scenarios', adminCookie), params: {}, context: testContext() }),
		)
		const data = (await admin.json()) as {
			broken: Array<{ file: string; messages: string[] }>
			scenarios: Array<{ id: string }>
		}
		expect(data.scenarios.map((s) => s.id)).toEqual([good.id])
		expect(data.broken[0]?.file).toMatch(/broken\.yaml$/)
		expect(data.broken[0]?.messages[0]).toMatch(
			/broken\.yaml:\d+:\d+ nodes\.[a-z0-9-]+\.choices\[\d+\]\.flex: must be one of: fit, neutral, miss/,
		)

		const learner = await addMember(org.organisationId, org.admin.id, 'learner')
		const learnerCookie = await sessionCookieFor(learner.id, org.organisationId)
		const catalogue = await settle(
			catalogueLoader({ request: getRequest('/practice', learnerCookie), params: {}, context: testContext() }),
		)
		expect(((await catalogue.json()) as { scenarios: Array<{ id: string }> }).scenarios.map((s) => s.id)).toEqual([
			good.id,
		])
		expect(
			(
				await settle(
					adminLoader({ request: getRequest('/admin/scenarios', learnerCookie), params: {}, context: testContext() }),
				)
			).status,
		).toBe(403)
		fs.rmSync(dir, { recursive: true, force: true })
	})

	it('filters the catalogue from the query string and ignores nonsense values', async () => {
		const org = await createOrganisation()
		const cookie = await sessionCookieFor(org.admin.id, org.organisationId)
		const res = await settle(
			catalogueLoader({
				request: getRequest('/practice?style=analyst&audience=bogus', cookie),
				params: {},
				context: testContext(),
			}),
		)
		const data = (await res.json()) as { scenarios: Array<{ style: string }>; total: number }
		expect(data.scenarios.length).toBeGreaterThan(0)
		expect(data.scenarios.length).toBeLessThan(data.total)
		expect(data.scenarios.every((s) => s.style === 'analyst')).toBe(true)
	})
})
