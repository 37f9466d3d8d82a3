// DESIGN §7: publishing stores each new valid version once, keeps broken files with their
// problems, and the catalogue comes from the database.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { getScenarioLibrary, listLibraryFiles } from '#app/data/scenario-library.server.ts'
import * as adminRoute from '#app/routes/admin.scenarios.tsx'
import { publishScenarioLibrary, refreshScenarioLibrary } from '#app/services/scenario-library.server.ts'
import { getDb } from '#db/client.server.ts'
import { scenarioVersions } from '#db/schema.ts'

const dirs: string[] = []
function libraryDir(files: Record<string, string>) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-publish-'))
	dirs.push(dir)
	for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), source)
	return dir
}
const shippedSource = (id: string) => fs.readFileSync(path.join('scenarios', `${id}.yaml`), 'utf8')
const versionCount = async () => (await getDb().select({ id: scenarioVersions.id }).from(scenarioVersions)).length

afterEach(async () => {
	for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
	await publishScenarioLibrary('scenarios')
	await refreshScenarioLibrary()
})

describe('publishing the scenario library', () => {
	it('stores a new version only when the content changes, and the catalogue follows the database', async () => {
		const id = 'catch-up-bill'
		const source = shippedSource(id)
		const before = await versionCount()
		const dir = libraryDir({ [`${id}.yaml`]: `# a comment changes nothing\n${source}` })
		const same = await publishScenarioLibrary(dir)
		expect(same.ok && same.value).toMatchObject({ files: 1, valid: 1, broken: 0, newVersions: 0 })
		expect(await versionCount()).toBe(before)

		const firstVersion = (await refreshScenarioLibrary()).scenarios[0]!.versionId
		fs.writeFileSync(path.join(dir, `${id}.yaml`), source.replace('title: A catch-up', 'title: A big catch-up'))
		const edited = await publishScenarioLibrary(dir)
		expect(edited.ok && edited.value.newVersions).toBe(1)
		// Not yet refreshed: this process still offers what it last read.
		expect(getScenarioLibrary().scenarios[0]!.versionId).toBe(firstVersion)
		const library = await refreshScenarioLibrary()
		expect(library.scenarios.map((s) => s.id)).toEqual([id])
		expect(library.scenarios[0]!.versionId).not.toBe(firstVersion)
		expect(library.scenarios[0]!.title).toMatch(/^A big catch-up/)
		expect(await versionCount()).toBe(before + 1)
	})

	it('keeps broken files with their problems, and a broken edit keeps the last good version playable', async () => {
		const id = 'catch-up-bill'
		const source = shippedSource(id)
		const dir = libraryDir({
			[`${id}.yaml`]: source.replace(/flex: fit/, 'flex: perfect'),
			'new-one.YAML': shippedSource('fibre-setup-speeds')
				.replace('id: fibre-setup-speeds', 'id: new-one')
				.replace(/to: [a-z-]+/, 'to: nowhere'),
		})
		const result = await publishScenarioLibrary(dir)
		expect(result.ok && result.value).toMatchObject({ files: 2, valid: 0, broken: 2 })
		const rows = await listLibraryFiles()
		expect(rows.map((r) => [path.basename(r.file), r.valid, r.versionId !== null])).toEqual([
			[`${id}.yaml`, false, true],
			['new-one.YAML', false, false],
		])
		const library = await refreshScenarioLibrary()
		expect(library.scenarios.map((s) => s.id)).toEqual([id])
		expect(library.broken.map((b) => path.basename(b.file))).toEqual([`${id}.yaml`, 'new-one.YAML'])
		expect(library.broken[1]!.problems[0]!.message).toContain('no node named "nowhere"')
	})

	it('lets two instances publish at the same moment without a collision', async () => {
		const results = await Promise.all([publishScenarioLibrary('scenarios'), publishScenarioLibrary('scenarios')])
		expect(results.every((r) => r.ok)).toBe(true)
		expect((await listLibraryFiles()).length).toBe(getScenarioLibrary().scenarios.length)
	})

	it('leaves the admins no way to publish from the web: the library page has no action', () => {
		expect('action' in adminRoute).toBe(false)
	})
})
