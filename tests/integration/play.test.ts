import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { attempts, decisions } from '#db/schema.ts'
import { action as introAction } from '#app/routes/practice.$scenarioId.tsx'
import { action as playAction, loader as playLoader } from '#app/routes/play.$attemptId.tsx'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { publishScenarioLibrary, refreshScenarioLibrary } from '#app/services/scenario-library.server.ts'
import { scenarioVersions } from '#db/schema.ts'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

type PlayData = {
	play: { step: number; status: string; nodeId: string; choices: Array<{ id: string }>; transcript: unknown[] }
}

async function learnerWithAttempt(scenarioId = getScenarioLibrary().scenarios[0]!.id) {
	const org = await createOrganisation('Play Org')
	const learner = await addMember(org.organisationId, org.admin.id, 'learner', 'Pat Player')
	const cookie = await sessionCookieFor(learner.id, org.organisationId)
	const started = await settle(
		introAction({
			request: formRequest(`/practice/${scenarioId}`, { intent: 'start' }, { cookie }),
			params: { scenarioId },
			context: testContext(),
		}),
	)
	expect(started.status).toBe(302)
	const attemptId = started.headers.get('Location')!.split('/').pop()!
	return { ...org, learner, cookie, attemptId }
}

async function view(attemptId: string, cookie: string) {
	const res = await settle(
		playLoader({ request: getRequest(`/play/${attemptId}`, cookie), params: { attemptId }, context: testContext() }),
	)
	return { res, data: res.status === 200 ? ((await res.json()) as PlayData) : null }
}

const choose = (attemptId: string, cookie: string, step: number, choice: string) =>
	settle(
		playAction({
			request: formRequest(`/play/${attemptId}`, { intent: 'choose', step: String(step), choice }, { cookie }),
			params: { attemptId },
			context: testContext(),
		}),
	)

async function decisionRows(organisationId: string, attemptId: string) {
	return getDb()
		.select()
		.from(decisions)
		.where(and(eq(decisions.organisationId, organisationId), eq(decisions.attemptId, attemptId)))
}

describe('server-side play', () => {
	it('records exactly one decision when the same choice is posted 20 times at once', async () => {
		const { organisationId, cookie, attemptId } = await learnerWithAttempt()
		const { data } = await view(attemptId, cookie)
		const choice = data!.play.choices[0]!.id
		const responses = await Promise.all(Array.from({ length: 20 }, () => choose(attemptId, cookie, 0, choice)))
		expect(responses.every((r) => r.status === 302)).toBe(true)
		expect(responses.filter((r) => r.headers.get('Location') === `/play/${attemptId}#now`)).toHaveLength(1)
		const rows = await decisionRows(organisationId, attemptId)
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({ step: 1, choiceId: choice })
		const after = await view(attemptId, cookie)
		expect(after.data!.play.step).toBe(1)
	})

	it('sends a stale step to the current turn with a notice and writes nothing', async () => {
		const { organisationId, cookie, attemptId } = await learnerWithAttempt()
		const first = (await view(attemptId, cookie)).data!.play.choices[0]!.id
		await choose(attemptId, cookie, 0, first)
		const replay = await choose(attemptId, cookie, 0, first)
		expect(replay.headers.get('Location')).toBe(`/play/${attemptId}?notice=stale#now`)
		const future = await choose(attemptId, cookie, 5, first)
		expect(future.headers.get('Location')).toBe(`/play/${attemptId}?notice=stale#now`)
		expect(await decisionRows(organisationId, attemptId)).toHaveLength(1)
	})

	it('refuses a choice that is not offered at this turn with 400 and writes nothing', async () => {
		const { organisationId, cookie, attemptId } = await learnerWithAttempt()
		const res = await choose(attemptId, cookie, 0, 'no-such-choice')
		expect(res.status).toBe(400)
		expect(await decisionRows(organisationId, attemptId)).toHaveLength(0)
		const malformed = await settle(
			playAction({
				request: formRequest(`/play/${attemptId}`, { intent: 'choose', step: 'zero', choice: '' }, { cookie }),
				params: { attemptId },
				context: testContext(),
			}),
		)
		expect(malformed.status).toBe(400)
	})

	it('rejects a tampered snapshot with a clear error instead of playing it', async () => {
		const { organisationId, cookie, attemptId } = await learnerWithAttempt()
		for (const snapshot of [
			{ status: 'active', value: 'not-a-node', context: { meters: {}, flags: {}, path: [] } },
			{ garbage: true },
		]) {
			await getDb()
				.update(attempts)
				.set({ snapshot })
				.where(and(eq(attempts.organisationId, organisationId), eq(attempts.id, attemptId)))
			const { res } = await view(attemptId, cookie)
			expect(res.status).toBe(409)
			expect(((await res.json()) as { message: string }).message).toMatch(/cannot be continued/)
			const posted = await choose(attemptId, cookie, 0, 'anything')
			expect(posted.status).toBe(409)
		}
		expect(await decisionRows(organisationId, attemptId)).toHaveLength(0)
	})

	it('keeps an attempt private to its learner: anyone else gets a 404', async () => {
		const { organisationId, admin, attemptId } = await learnerWithAttempt()
		const colleague = await addMember(organisationId, admin.id, 'learner', 'Colleague')
		expect((await view(attemptId, await sessionCookieFor(colleague.id, organisationId))).res.status).toBe(404)
		expect((await view(attemptId, await sessionCookieFor(admin.id, organisationId))).res.status).toBe(404)
		const other = await createOrganisation('Elsewhere')
		expect((await view(attemptId, await sessionCookieFor(other.admin.id, other.organisationId))).res.status).toBe(404)
	})

	it('resumes exactly where the learner left off from another session (another device)', async () => {
		const { organisationId, learner, cookie, attemptId } = await learnerWithAttempt()
		const first = (await view(attemptId, cookie)).data!.play.choices[0]!.id
		await choose(attemptId, cookie, 0, first)
		const laptop = (await view(attemptId, cookie)).data!.play
		const phone = (await view(attemptId, await sessionCookieFor(learner.id, organisationId))).data!.play
		expect(phone.nodeId).toBe(laptop.nodeId)
		expect(phone.step).toBe(1)
		expect(phone.transcript).toEqual(laptop.transcript)
	})

	it('plays to an ending and then accepts no more choices', async () => {
		const { organisationId, cookie, attemptId } = await learnerWithAttempt()
		let step = 0
		for (; step < 60; step++) {
			const { data } = await view(attemptId, cookie)
			if (data!.play.status !== 'in_progress') break
			await choose(attemptId, cookie, step, data!.play.choices[0]!.id)
		}
		const { data } = await view(attemptId, cookie)
		expect(data!.play.status).toBe('completed')
		const rows = await decisionRows(organisationId, attemptId)
		expect(rows.map((r) => r.step)).toEqual(Array.from({ length: step }, (_, i) => i + 1))
		expect((await choose(attemptId, cookie, step, 'anything')).headers.get('Location')).toMatch(/notice=stale/)
		expect(await decisionRows(organisationId, attemptId)).toHaveLength(step)
	})

	it('keeps an attempt on the scenario version it started on when the file is edited', async () => {
		const shipped = getScenarioLibrary()
		const original = shipped.scenarios[0]!
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-scenarios-'))
		const source = fs.readFileSync(path.join('scenarios', `${original.id}.yaml`), 'utf8')
		fs.writeFileSync(path.join(dir, `${original.id}.yaml`), source)
		try {
			await publishScenarioLibrary(dir)
			await refreshScenarioLibrary()
			const { cookie, attemptId, learner, organisationId } = await learnerWithAttempt(original.id)
			const before = (await view(attemptId, cookie)).data!.play.transcript

			const firstLine = (original.nodes[original.start] as { says: string }).says
			const edited = source.replace(firstLine.slice(0, 20), 'EDITED OPENING LINE ')
			expect(edited).not.toBe(source)
			fs.writeFileSync(path.join(dir, `${original.id}.yaml`), edited)
			await publishScenarioLibrary(dir)
			await refreshScenarioLibrary()

			expect((await view(attemptId, cookie)).data!.play.transcript).toEqual(before)
			// Start again (restart): the open attempt is left, the new one uses the edited file.
			const fresh = await settle(
				introAction({
					request: formRequest(
						`/practice/${original.id}`,
						{ intent: 'restart', attemptId },
						{ cookie: await sessionCookieFor(learner.id, organisationId) },
					),
					params: { scenarioId: original.id },
					context: testContext(),
				}),
			)
			const freshId = fresh.headers.get('Location')!.split('/').pop()!
			expect(JSON.stringify((await view(freshId, cookie)).data!.play.transcript)).toContain('EDITED OPENING LINE')
			const versions = await getDb().select().from(scenarioVersions).where(eq(scenarioVersions.slug, original.id))
			expect(versions.length).toBeGreaterThanOrEqual(2)
		} finally {
			await publishScenarioLibrary('scenarios')
			await refreshScenarioLibrary()
			fs.rmSync(dir, { recursive: true, force: true })
		}
	})
	it('lands two concurrent Starts (a double-click) on one attempt', async () => {
		const org = await createOrganisation('Double Start Org')
		const learner = await addMember(org.organisationId, org.admin.id, 'learner', 'Quick Clicker')
		const cookie = await sessionCookieFor(learner.id, org.organisationId)
		const scenarioId = getScenarioLibrary().scenarios[1]!.id
		const start = () =>
			settle(
				introAction({
					request: formRequest(`/practice/${scenarioId}`, { intent: 'start' }, { cookie }),
					params: { scenarioId },
					context: testContext(),
				}),
			)
		const responses = await Promise.all([start(), start(), start()])
		expect(responses.map((r) => r.status)).toEqual([302, 302, 302])
		const locations = new Set(responses.map((r) => r.headers.get('Location')))
		expect(locations.size).toBe(1)
		const rows = await getDb()
			.select()
			.from(attempts)
			.where(and(eq(attempts.organisationId, org.organisationId), eq(attempts.userId, learner.id)))
		expect(rows).toHaveLength(1)
		expect(`/play/${rows[0]!.id}`).toBe([...locations][0])
		// A later Start while it is open resumes it too; a restart replaces it.
		expect((await start()).headers.get('Location')).toBe(`/play/${rows[0]!.id}`)
		const restarted = await settle(
			introAction({
				request: formRequest(`/practice/${scenarioId}`, { intent: 'restart', attemptId: rows[0]!.id }, { cookie }),
				params: { scenarioId },
				context: testContext(),
			}),
		)
		expect(restarted.headers.get('Location')).not.toBe(`/play/${rows[0]!.id}`)
		const after = await getDb()
			.select({ status: attempts.status })
			.from(attempts)
			.where(and(eq(attempts.organisationId, org.organisationId), eq(attempts.userId, learner.id)))
		expect(after.map((r) => r.status).sort()).toEqual(['abandoned', 'in_progress'])
	})
})
