import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js'
import { coachingWorld } from '#tests/support/coaching-world.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

// The access-control matrix (DESIGN §7): every cell of the table in docs/access.md, checked through
// the real route modules on a real database. Routes come from Remix's own route manifest (flatRoutes,
// what the build uses), so a new route that takes an id and has no policy row fails here by name.

const root = path.resolve(import.meta.dirname, '../..')
const VIEWERS = [
	'self',
	'peer',
	'coach',
	'other coach',
	'admin',
	'deactivated',
	'B learner',
	'B coach',
	'B admin',
	'signed out',
] as const
type ViewerName = (typeof VIEWERS)[number]
type PolicyRow = { method: 'GET' | 'POST'; pattern: string; sample: string; expected: Record<ViewerName, string> }

function policyTable(): PolicyRow[] {
	const text = fs.readFileSync(path.join(root, 'docs/access.md'), 'utf8')
	const lines = text.split('\n').filter((l) => /^\| (GET|POST) \|/.test(l))
	const header = text.split('\n').find((l) => l.startsWith('| Method |'))!
	const columns = header
		.split('|')
		.slice(1, -1)
		.map((c) => c.trim())
	expect(columns.slice(3, 3 + VIEWERS.length)).toEqual([...VIEWERS])
	return lines.map((line) => {
		const cells = line
			.split('|')
			.slice(1, -1)
			.map((c) => c.trim())
		return {
			method: cells[0] as 'GET' | 'POST',
			pattern: cells[1]!,
			sample: cells[2]!,
			expected: Object.fromEntries(VIEWERS.map((v, i) => [v, cells[3 + i]!])) as Record<ViewerName, string>,
		}
	})
}

type ManifestRoute = { id: string; file: string; pattern: string }

function manifestRoutes(): ManifestRoute[] {
	const manifest = flatRoutes(path.join(root, 'app'), ['**/*.test.ts', '**/*.test.tsx'])
	const fullPath = (id: string): string => {
		const r = manifest[id]!
		const parent = r.parentId && r.parentId !== 'root' ? fullPath(r.parentId) : ''
		return [parent, r.path ?? ''].filter(Boolean).join('/')
	}
	return Object.values(manifest).map((r) => ({ id: r.id, file: r.file, pattern: `/${fullPath(r.id)}` }))
}

// What each POST row sends: the smallest valid form for the change it names.
const postFields: Record<string, Record<string, string>> = {
	'/play/:attemptId/debrief': { intent: 'share' },
	'/coach/learners/:userId': { intent: 'add-note', body: 'A note from the access matrix.' },
	'/coach/learners/:userId/notes/:noteId': { intent: 'edit-note', body: 'Edited by the access matrix.' },
}

function classify(res: Response): string {
	if (res.status >= 200 && res.status < 300) return '200'
	if (res.status >= 300 && res.status < 400)
		return (res.headers.get('Location') ?? '').startsWith('/login') ? 'login' : '3xx'
	return String(res.status)
}

describe('access-control matrix (docs/access.md)', () => {
	it('has a policy row for every route that takes an id', () => {
		const rows = policyTable()
		const missing = manifestRoutes()
			.filter((r) => r.pattern.includes(':'))
			.filter((r) => !rows.some((row) => row.pattern === r.pattern))
			.map((r) => `${r.pattern} (app/${r.file})`)
		expect(
			missing,
			`no policy row in docs/access.md for: ${missing.join(', ')} — add one row per method and sample`,
		).toEqual([])
		// And no row for a route that is gone.
		const patterns = new Set(manifestRoutes().map((r) => r.pattern))
		expect(rows.filter((r) => !patterns.has(r.pattern)).map((r) => r.pattern)).toEqual([])
	})

	it('answers every viewer × route exactly as the table says, on this database', async () => {
		const world = await coachingWorld()
		const samples = world.samples as Record<string, string>
		const routes = new Map(manifestRoutes().map((r) => [r.pattern, r]))
		const printed: string[] = [`${'route'.padEnd(58)} ${VIEWERS.map((v) => v.padEnd(12)).join('')}`]
		const mismatches: string[] = []
		for (const row of policyTable()) {
			const route = routes.get(row.pattern)
			if (!route) continue // reported by the test above
			const mod = (await import(pathToFileURL(path.join(root, 'app', route.file)).href)) as {
				loader?: (args: unknown) => Promise<unknown>
				action?: (args: unknown) => Promise<unknown>
			}
			const params: Record<string, string> = {}
			const names = [...row.pattern.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!)
			for (const name of names) {
				// userId is always the learner the resources belong to; the other parameter takes the row's sample.
				const value = name === 'userId' ? samples.learner : samples[row.sample]
				if (!value)
					throw new Error(`no sample "${row.sample}" for :${name} of ${row.pattern}: add it to the coaching world`)
				params[name] = value
			}
			const url = row.pattern.replace(/:([A-Za-z]+)/g, (_, n: string) => params[n]!)
			const cells: string[] = []
			for (const viewer of VIEWERS) {
				const cookie = world.cookies[viewer] || undefined
				const handler = row.method === 'GET' ? mod.loader : mod.action
				if (!handler) throw new Error(`${row.pattern} has no ${row.method === 'GET' ? 'loader' : 'action'}`)
				const request =
					row.method === 'GET' ? getRequest(url, cookie) : formRequest(url, postFields[row.pattern] ?? {}, { cookie })
				const got = classify(await settle(handler({ request, params, context: testContext() })))
				const want = row.expected[viewer]
				cells.push((got === want ? got : `${got}≠${want}`).padEnd(12))
				if (got !== want)
					mismatches.push(`${row.method} ${row.pattern} [${row.sample}] as ${viewer}: got ${got}, table says ${want}`)
			}
			printed.push(`${`${row.method} ${row.pattern} [${row.sample}]`.padEnd(58)} ${cells.join('')}`)
		}
		console.log(printed.join('\n'))
		expect(mismatches).toEqual([])
	})
})
