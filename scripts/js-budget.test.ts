import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { LEARNER_ROUTE, measurePages, readManifest, type RemixManifest } from './js-budget.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-js-budget-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

// Incompressible bytes, so a file's gzipped size is close to its length and the sums are checkable.
function asset(name: string, bytes: number): number {
	const body = randomBytes(bytes)
	fs.mkdirSync(path.join(dir, 'client', 'assets'), { recursive: true })
	fs.writeFileSync(path.join(dir, 'client', 'assets', name), body)
	return gzipSync(body).length
}

describe('the JavaScript budget measure', () => {
	const size = {
		entry: asset('entry.js', 2_000),
		react: asset('react.js', 60_000),
		root: asset('root.js', 1_000),
		layout: asset('layout.js', 3_000),
		play: asset('play.js', 4_000),
		zod: asset('zod.js', 30_000),
		admin: asset('admin.js', 500),
	}
	const manifest: RemixManifest = {
		entry: { module: '/assets/entry.js', imports: ['/assets/react.js'] },
		routes: {
			root: { id: 'root', module: '/assets/root.js', imports: ['/assets/react.js'] },
			'routes/practice': { id: 'routes/practice', parentId: 'root', module: '/assets/layout.js', imports: [] },
			'routes/play.$attemptId': {
				id: 'routes/play.$attemptId',
				parentId: 'routes/practice',
				module: '/assets/play.js',
				imports: ['/assets/react.js', '/assets/zod.js'],
			},
			'routes/admin': { id: 'routes/admin', parentId: 'root', module: '/assets/admin.js', imports: ['/assets/zod.js'] },
		},
	}
	fs.writeFileSync(
		path.join(dir, 'client', 'assets', 'manifest-abc123.js'),
		`window.__remixManifest=${JSON.stringify(manifest)};`,
	)

	it('reads Remix’s manifest from the client assets', () => {
		expect(readManifest(dir)).toEqual(manifest)
	})

	it('sums entry, root, every layout above the route, the route and their imports, each file once', () => {
		const pages = measurePages(readManifest(dir), path.join(dir, 'client'), 90)
		const play = pages.find((p) => p.route === 'routes/play.$attemptId')!
		const expected = size.entry + size.react + size.root + size.layout + size.play + size.zod
		expect(play.files).toBe(6)
		expect(play.kib).toBeCloseTo(expected / 1024, 6)
		expect(play.learner).toBe(true)
		expect(play.over).toBe(true)
	})

	it('holds only learner pages to the budget', () => {
		const pages = measurePages(readManifest(dir), path.join(dir, 'client'), 90)
		const admin = pages.find((p) => p.route === 'routes/admin')!
		expect(admin.kib).toBeGreaterThan(90)
		expect(admin).toMatchObject({ learner: false, over: false })
		const roomy = measurePages(readManifest(dir), path.join(dir, 'client'), 200)
		expect(roomy.every((p) => !p.over)).toBe(true)
	})

	it('knows the learner pages by name', () => {
		for (const id of [
			'routes/play.$attemptId',
			'routes/practice._index',
			'routes/practice.$scenarioId',
			'routes/assessment.take',
			'routes/assessment.results.$resultId',
			'routes/home',
			'routes/profile',
			'routes/progress._index',
			'routes/debrief.$attemptId',
		])
			expect(LEARNER_ROUTE.test(id), id).toBe(true)
		for (const id of ['routes/members._index', 'routes/admin.scenarios', 'routes/login', 'routes/homework', 'root'])
			expect(LEARNER_ROUTE.test(id), id).toBe(false)
	})
})
