import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb, openDatabase, rowsOf, setDatabase, type DatabaseHandle } from '#db/client.server.ts'
import { migrateDatabase, migrationsFolder } from '#db/migrate.ts'
import { attempts, debriefs, memberships, users } from '#db/schema.ts'
import { action as playAction, loader as playLoader } from '#app/routes/play.$attemptId.tsx'
import { loader as debriefLoader } from '#app/routes/play.$attemptId_.debrief.tsx'
import { loader as reportLoader } from '#app/routes/assessment.results.$resultId.tsx'
import { verifyPassword } from '#app/auth/password.server.ts'
import { publishScenarioLibrary, refreshScenarioLibrary } from '#app/services/scenario-library.server.ts'
import { sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

// An installation of the previous release (7ba041a, migrations 0000–0007), populated through
// that release's own code (tests/fixtures/upgrade/README.md), is upgraded by today's migrations.
// Its people, finished practice and assessment result survive, and an attempt left open
// before the upgrade can still be played to its ending.
const fixture = fs
	.readFileSync(path.join(import.meta.dirname, '../fixtures/upgrade/release-7ba041a.sql'), 'utf8')
	// pg_dump empties search_path for the session; the app needs it back afterwards.
	.concat("\nSELECT pg_catalog.set_config('search_path', '\"$user\", public', false);\n")

let upgraded: DatabaseHandle
let previous: DatabaseHandle
let dropDatabase: (() => Promise<void>) | undefined

async function loadPreviousRelease(): Promise<DatabaseHandle> {
	const url = process.env.DATABASE_URL
	if (!url) {
		// The dump is several statements: run it on the handle's own PGlite client.
		const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' })
		const client = (handle.db as unknown as { $client: { exec: (q: string) => Promise<unknown> } }).$client
		await client.exec(fixture)
		return handle
	}
	const { default: postgres } = await import('postgres')
	const admin = postgres(url, { max: 1, onnotice: () => {} })
	const name = `attune_upgrade_${randomUUID().replaceAll('-', '')}`
	await admin.unsafe(`create database ${name}`)
	const target = new URL(url)
	target.pathname = `/${name}`
	const loader = postgres(target.toString(), { max: 1, onnotice: () => {} })
	await loader.unsafe(fixture)
	await loader.end()
	dropDatabase = async () => {
		await admin.unsafe(`drop database if exists ${name} with (force)`)
		await admin.end()
	}
	return openDatabase({ kind: 'postgres', url: target.toString(), max: 4 })
}

describe('upgrading a populated database from the previous release', () => {
	beforeAll(async () => {
		previous = (globalThis as { __attuneDatabase?: DatabaseHandle }).__attuneDatabase!
		upgraded = await loadPreviousRelease()
		setDatabase(upgraded)
		await migrateDatabase(upgraded)
		const published = await publishScenarioLibrary('scenarios')
		if (!published.ok) throw new Error(published.message)
		await refreshScenarioLibrary()
	}, 120_000)

	afterAll(async () => {
		setDatabase(previous)
		await refreshScenarioLibrary()
		await upgraded?.close()
		await dropDatabase?.()
	})

	it('applies every migration after the release’s own', async () => {
		const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
			entries: unknown[]
		}
		const [row] = rowsOf<{ n: number }>(
			await getDb().execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
		)
		expect(row?.n).toBe(journal.entries.length)
	})

	it('keeps people, their passwords and their memberships, with today’s defaults for new settings', async () => {
		const db = getDb()
		const [learner] = await db.select().from(users).where(eq(users.name, 'Uma Upgrade'))
		expect(learner?.email).toContain('@')
		expect(await verifyPassword(learner!.passwordHash, 'a perfectly fine passphrase')).toBe(true)
		const [membership] = await db.select().from(memberships).where(eq(memberships.userId, learner!.id))
		expect(membership?.role).toBe('learner')
		expect(membership?.shareStyle).toBe(false)
		expect(membership?.actorId).toMatch(/^[0-9a-f-]{36}$/)
	})

	it('still shows the finished attempt’s debrief and the assessment report', async () => {
		const db = getDb()
		const [learner] = await db.select().from(users).where(eq(users.name, 'Uma Upgrade'))
		const [membership] = await db.select().from(memberships).where(eq(memberships.userId, learner!.id))
		const cookie = await sessionCookieFor(learner!.id, membership!.organisationId)
		const [finished] = await db
			.select()
			.from(attempts)
			.where(and(eq(attempts.userId, learner!.id), eq(attempts.status, 'completed')))
		const debrief = await settle(
			debriefLoader({
				request: getRequest(`/play/${finished!.id}/debrief`, cookie),
				params: { attemptId: finished!.id },
				context: testContext(),
			}),
		)
		expect(debrief.status).toBe(200)
		const [result] = rowsOf<{ id: string }>(
			await db.execute(sql`select id from assessment_results where user_id = ${learner!.id}`),
		)
		const report = await settle(
			reportLoader({
				request: getRequest(`/assessment/results/${result!.id}`, cookie),
				params: { resultId: result!.id },
				context: testContext(),
			}),
		)
		expect(report.status).toBe(200)
	})

	it('plays an attempt left open before the upgrade to its ending', async () => {
		const db = getDb()
		const [learner] = await db.select().from(users).where(eq(users.name, 'Uma Upgrade'))
		const [membership] = await db.select().from(memberships).where(eq(memberships.userId, learner!.id))
		const cookie = await sessionCookieFor(learner!.id, membership!.organisationId)
		const [open] = await db
			.select()
			.from(attempts)
			.where(and(eq(attempts.userId, learner!.id), eq(attempts.status, 'in_progress')))
		expect(open?.assignmentId).toBeNull()
		const attemptId = open!.id
		for (let guard = 0; guard < 60; guard++) {
			const page = await settle(
				playLoader({
					request: getRequest(`/play/${attemptId}`, cookie),
					params: { attemptId },
					context: testContext(),
				}),
			)
			expect(page.status).toBe(200)
			const { play } = (await page.json()) as { play: { status: string; step: number; choices: Array<{ id: string }> } }
			if (play.status !== 'in_progress') break
			const choice = play.choices[0]?.id
			expect(choice).toBeTruthy()
			const res = await settle(
				playAction({
					request: formRequest(
						`/play/${attemptId}`,
						{ intent: 'choose', step: String(play.step), choice: choice! },
						{ cookie },
					),
					params: { attemptId },
					context: testContext(),
				}),
			)
			expect(res.status).toBe(302)
		}
		const [after] = await db.select().from(attempts).where(eq(attempts.id, attemptId))
		expect(after?.status).toBe('completed')
		const [stored] = await db.select().from(debriefs).where(eq(debriefs.attemptId, attemptId))
		expect(stored?.outcome).toBeTruthy()
	})
})
