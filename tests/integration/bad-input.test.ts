import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb, rowsOf } from '#db/client.server.ts'
import { changeTeamPerson, createTeam } from '#app/services/teams.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { formsIn, loadBuiltApp, routesOf, type RouteInfo } from '#tests/support/built-app.ts'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'

// The bad-input corpus (issue 14 item 4): every route of the build manifest, as each role, with
// unknown, foreign and malformed ids, and every POST form found on its pages with oversized,
// malformed, unicode and markup values, replays and forged counters. Never a 500; a request
// that can only be wrong gets a 4xx with a message and leaves the database as it was. Audit
// and rate-limit rows are left out of the comparison: they rightly record the refusals.

type App = Awaited<ReturnType<typeof loadBuiltApp>>
type Person = { id: string; cookie: string }
type World = {
	orgA: string
	orgB: string
	userIds: string[]
	learner: Person
	coach: Person
	admin: Person
	outsider: Person
	ids: Record<string, string>
	foreignIds: Record<string, string>
}

let app: App
let world: World
let routes: RouteInfo[]

const location = (res: Response) => res.headers.get('Location') ?? ''
const form = (fields: Record<string, string>) => ({
	method: 'POST',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(fields).toString(),
})

async function playSomething(cookie: string, slug: string, replies: number) {
	const started = await app.fetch(`/practice/${slug}`, { ...form({ intent: 'start' }), cookie })
	const attemptId = location(started).split('/').pop()!.split('#')[0]!
	for (let i = 0; i < replies; i++) {
		const page = await app.fetch(`/play/${attemptId}`, { cookie })
		const choice = /name="choice" value="([^"]+)"/.exec(await page.text())?.[1]
		if (!choice) break
		await app.fetch(`/play/${attemptId}`, { ...form({ intent: 'choose', step: String(i), choice }), cookie })
	}
	return attemptId
}

async function seed(): Promise<World> {
	const a = await createOrganisation('Corpus A')
	const b = await createOrganisation('Corpus B')
	const learner = await addMember(a.organisationId, a.admin.id, 'learner', 'Lee Learner')
	const coach = await addMember(a.organisationId, a.admin.id, 'coach', 'Cass Coach')
	const outsider = await addMember(b.organisationId, b.admin.id, 'learner', 'Oz Outsider')
	const actor = { userId: a.admin.id, organisationId: a.organisationId, ip: null }
	const team = await createTeam(actor, 'Corpus Team')
	if (!team.ok) throw new Error(team.message)
	await changeTeamPerson(actor, { intent: 'add-person', teamId: team.value.id, userId: learner.id, position: 'member' })
	await changeTeamPerson(actor, { intent: 'add-person', teamId: team.value.id, userId: coach.id, position: 'coach' })
	const person = async (id: string, org: string): Promise<Person> => ({ id, cookie: await sessionCookieFor(id, org) })
	const w = {
		orgA: a.organisationId,
		orgB: b.organisationId,
		userIds: [a.admin.id, b.admin.id, learner.id, coach.id, outsider.id],
		learner: await person(learner.id, a.organisationId),
		coach: await person(coach.id, a.organisationId),
		admin: await person(a.admin.id, a.organisationId),
		outsider: await person(outsider.id, b.organisationId),
	}
	const [first, second] = getScenarioLibrary().scenarios
	const attemptA = await playSomething(w.learner.cookie, first!.id, 2)
	const attemptB = await playSomething(w.outsider.cookie, second!.id, 1)
	const uuid = (table: string, org: string) =>
		getDb()
			.execute(sql`select id::text as id from ${sql.identifier(table)} where organisation_id = ${org} limit 1`)
			.then((r) => rowsOf<{ id: string }>(r)[0]?.id ?? randomUUID())
	return {
		...w,
		ids: {
			attemptId: attemptA,
			userId: learner.id,
			scenarioId: first!.id,
			teamId: team.value.id,
			resultId: await uuid('assessment_results', a.organisationId),
		},
		foreignIds: {
			attemptId: attemptB,
			userId: outsider.id,
			scenarioId: 'no-such-scenario',
			teamId: await uuid('teams', b.organisationId),
			resultId: await uuid('assessment_results', b.organisationId),
		},
	}
}

// Rows this test's organisations own; other test files share the PostgreSQL database.
const volatile: Record<string, string[]> = {
	sessions: ['last_seen_at', 'expires_at'],
	memberships: ['inbox_seen_at'],
}
const excluded = new Set(['audit_events', 'rate_limit_events', '__drizzle_migrations'])
async function snapshot(): Promise<string> {
	const db = getDb()
	const tables = rowsOf<{ table_name: string }>(
		await db.execute(sql`select table_name from information_schema.columns
			where table_schema = 'public' and column_name = 'organisation_id' order by table_name`),
	).map((r) => r.table_name)
	const parts: string[] = []
	for (const table of tables.filter((t) => !excluded.has(t))) {
		const rows = rowsOf<Record<string, unknown>>(
			await db.execute(
				sql`select * from ${sql.identifier(table)} where organisation_id in (${world.orgA}, ${world.orgB})`,
			),
		)
		const cleaned = rows.map((row) => {
			const copy = { ...row }
			for (const column of volatile[table] ?? []) delete copy[column]
			return JSON.stringify(copy, Object.keys(copy).sort())
		})
		parts.push(`${table}: ${cleaned.sort().join('\n')}`)
	}
	const people = rowsOf<Record<string, unknown>>(
		await db.execute(sql`select * from users where id in ${sql.raw(`('${world.userIds.join("','")}')`)} order by id`),
	)
	parts.push(`users: ${JSON.stringify(people)}`)
	return parts.join('\n')
}

const roles = () =>
	[
		['signed out', undefined],
		['learner', world.learner.cookie],
		['coach', world.coach.cookie],
		['admin', world.admin.cookie],
	] as const

const fill = (pattern: string, values: Record<string, string>, fallback: string) =>
	pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? fallback))

const MB = 'x'.repeat(1024 * 1024)
const nasty = [
	'',
	' ',
	'\u0000',
	'\ud800',
	'\u202eevil',
	'👩‍👩‍👧‍👦'.repeat(50),
	'e\u0301'.repeat(40),
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'-1',
	'1e309',
	'NaN',
	'[object Object]',
	"' or 1=1 --",
]

type Problem = { what: string; status: number; detail: string }
function describeFailures(problems: Problem[]) {
	return problems.map((p) => `${p.status} ${p.what}${p.detail ? ` — ${p.detail}` : ''}`).join('\n')
}

describe('bad input over every route', () => {
	beforeAll(async () => {
		app = await loadBuiltApp()
		routes = routesOf(app.build)
		world = await seed()
	}, 120_000)

	it('lists the routes from the build manifest', () => {
		console.log(`bad-input corpus: ${routes.length} routes: ${routes.map((r) => r.pattern).join(' ')}`)
		expect(routes.some((r) => r.pattern === '/play/:attemptId')).toBe(true)
		expect(routes.length).toBeGreaterThan(15)
	})

	it('answers unknown, foreign and malformed ids with a 4xx and no writes, for every role', async () => {
		const problems: Problem[] = []
		const before = await snapshot()
		const variants: Array<[string, (name: string) => string]> = [
			['unknown id', () => randomUUID()],
			['another organisation’s id', (name) => world.foreignIds[name] ?? randomUUID()],
			['malformed id', () => 'x'.repeat(300)],
			['unicode id', () => '\u202e😀../..%00'],
		]
		let requests = 0
		for (const route of routes.filter((r) => r.params.length > 0)) {
			for (const [role, cookie] of roles()) {
				for (const [variant, value] of variants) {
					const url = fill(route.pattern, Object.fromEntries(route.params.map((p) => [p, value(p)])), 'x')
					for (const init of [{}, form({}), form({ intent: 'start', step: '0', choice: 'x' })]) {
						const res = await app.fetch(url, { ...init, cookie })
						requests++
						const method = 'method' in init ? 'POST' : 'GET'
						const what = `${method} ${route.pattern} as ${role}, ${variant}`
						const ok = res.status >= 400 && res.status < 500 ? (await res.text()).trim().length > 0 : false
						// Signed out, the answer is the sign-in redirect; a token route may show its own page.
						const redirectToSignIn = res.status >= 300 && res.status < 400 && location(res).startsWith('/login')
						if (
							res.status >= 500 ||
							(!ok &&
								!redirectToSignIn &&
								!(res.status === 200 && method === 'GET' && !route.params.some((p) => world.ids[p])))
						) {
							problems.push({ what, status: res.status, detail: location(res) })
						}
					}
				}
			}
		}
		console.log(`bad-input corpus: ${requests} requests with unknown, foreign and malformed ids`)
		expect(describeFailures(problems)).toBe('')
		expect(await snapshot()).toBe(before)
	}, 600_000)

	it('refuses oversized values, unknown intents and forged counters in every form with a 4xx and no writes', async () => {
		const problems: Problem[] = []
		let requests = 0
		let forms = 0
		for (const route of routes.filter((r) => r.hasLoader)) {
			for (const [role, cookie] of roles()) {
				if (!cookie) continue
				const url = fill(route.pattern, world.ids, randomUUID())
				const page = await app.fetch(url, { cookie })
				if (page.status !== 200 || !(page.headers.get('Content-Type') ?? '').includes('html')) continue
				for (const found of formsIn(await page.text(), url)) {
					forms++
					const valid = Object.fromEntries(found.fields.map((f) => [f.name, f.value]))
					const attempts: Array<[string, Record<string, string>]> = []
					for (const f of found.fields) attempts.push([`1 MB in ${f.name}`, { ...valid, [f.name]: MB }])
					if ('intent' in valid) attempts.push(['unknown intent', { ...valid, intent: 'no-such-intent' }])
					for (const counter of ['step', 'page'].filter((n) => n in valid)) {
						for (const forged of ['-1', '99999', 'abc', '1.5']) {
							attempts.push([`forged ${counter}=${forged}`, { ...valid, [counter]: forged }])
						}
					}
					for (const [variant, fields] of attempts) {
						const before = await snapshot()
						const res = await app.fetch(found.action, { ...form(fields), cookie })
						requests++
						const body = await res.text()
						const what = `POST ${found.action} (form on ${route.pattern}) as ${role}, ${variant}`
						// A forged step counter is answered like a stale double-click: back to the current turn.
						const staleRedirect = variant.startsWith('forged step') && res.status === 302
						if (res.status >= 500 || ((res.status < 400 || !body.trim()) && !staleRedirect)) {
							problems.push({ what, status: res.status, detail: location(res) })
						}
						if ((await snapshot()) !== before)
							problems.push({ what: `${what} wrote to the database`, status: res.status, detail: '' })
					}
				}
			}
		}
		console.log(`bad-input corpus: ${forms} forms, ${requests} refused submissions`)
		expect(forms).toBeGreaterThan(10)
		expect(describeFailures(problems)).toBe('')
	}, 900_000)

	it('never answers a 500 to unicode, markup, missing fields or replayed forms', async () => {
		const problems: Problem[] = []
		let requests = 0
		for (const route of routes.filter((r) => r.hasLoader)) {
			for (const [role, cookie] of roles()) {
				if (!cookie) continue
				const url = fill(route.pattern, world.ids, randomUUID())
				const page = await app.fetch(url, { cookie })
				if (page.status !== 200 || !(page.headers.get('Content-Type') ?? '').includes('html')) continue
				for (const found of formsIn(await page.text(), url)) {
					// Leaving the session or the organisation would end this role's part of the sweep.
					if (/logout|delete|leave/.test(found.action)) continue
					const valid = Object.fromEntries(found.fields.map((f) => [f.name, f.value]))
					const submissions: Array<[string, Record<string, string>]> = [['no fields', {}]]
					for (const f of found.fields) {
						const { [f.name]: _, ...rest } = valid
						submissions.push([`without ${f.name}`, rest])
						for (const value of nasty)
							submissions.push([`${f.name}=${JSON.stringify(value).slice(0, 20)}`, { ...valid, [f.name]: value }])
					}
					submissions.push(['replayed', valid], ['replayed again', valid])
					for (const [variant, fields] of submissions) {
						const res = await app.fetch(found.action, { ...form(fields), cookie })
						requests++
						if (res.status >= 500) {
							problems.push({
								what: `POST ${found.action} (form on ${route.pattern}) as ${role}, ${variant}`,
								status: res.status,
								detail: (await res.text()).slice(0, 120),
							})
						}
					}
				}
			}
		}
		console.log(`bad-input corpus: ${requests} submissions with unicode, markup, missing fields and replays`)
		expect(describeFailures(problems)).toBe('')
	}, 900_000)

	it('keeps markup in a display name and a team name inert', async () => {
		const actor = { userId: world.admin.id, organisationId: world.orgA, ip: null }
		const marker = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
		const team = await createTeam(actor, `Team ${marker}`)
		expect(team.ok).toBe(true)
		const member = await addMember(world.orgA, world.admin.id, 'learner', `Name ${marker}`)
		world.userIds.push(member.id)
		for (const url of ['/teams', '/members', `/members/${member.id}`]) {
			const html = await (await app.fetch(url, { cookie: world.admin.cookie })).text()
			expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;')
			expect(html).not.toContain('<script>window.__pwned')
			expect(html).not.toContain('<img src=x onerror')
		}
	})
})
