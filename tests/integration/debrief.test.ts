import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { attempts, debriefs, decisions, skillLevels, attemptSkillScores } from '#db/schema.ts'
import { action as introAction } from '#app/routes/practice.$scenarioId.tsx'
import { action as playAction } from '#app/routes/play.$attemptId.tsx'
import { action as debriefAction, loader as debriefLoader } from '#app/routes/play.$attemptId_.debrief.tsx'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { buildDebrief } from '#app/domain/feedback/debrief.ts'
import { levelFromScores } from '#app/domain/feedback/skill-levels.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

const library = () => getScenarioLibrary().scenarios

async function learner() {
	const org = await createOrganisation('Debrief Org')
	const person = await addMember(org.organisationId, org.admin.id, 'learner', 'Dee Brief')
	const cookie = await sessionCookieFor(person.id, org.organisationId)
	return { ...org, person, cookie }
}

async function start(cookie: string, scenarioId: string) {
	const res = await settle(
		introAction({
			request: formRequest(`/practice/${scenarioId}`, { intent: 'start' }, { cookie }),
			params: { scenarioId },
			context: testContext(),
		}),
	)
	return res.headers.get('Location')!.split('/').pop()!
}

const choose = (attemptId: string, cookie: string, step: number, choice: string) =>
	settle(
		playAction({
			request: formRequest(`/play/${attemptId}`, { intent: 'choose', step: String(step), choice }, { cookie }),
			params: { attemptId },
			context: testContext(),
		}),
	)

const debriefOf = (attemptId: string, cookie: string) =>
	settle(
		debriefLoader({
			request: getRequest(`/play/${attemptId}/debrief`, cookie),
			params: { attemptId },
			context: testContext(),
		}),
	)

// A path to a good ending, chosen by walking the scenario (the choice ids are the scenario's).
function pathOf(scenario: Scenario, index = 0) {
	const walk = enumeratePaths(scenario, compileScenario(scenario), 50)
	return walk.paths[index % walk.paths.length]!.steps
}

async function playAllBut(attemptId: string, cookie: string, steps: Array<{ choice: string }>, leave = 1) {
	for (const [i, s] of steps.slice(0, steps.length - leave).entries()) await choose(attemptId, cookie, i, s.choice)
}

// The rollup recomputed from the decisions table alone: replay each finished attempt's
// decisions, score it, and fold the scores in the order the rollup applied them.
async function recompute(organisationId: string, userId: string) {
	const db = getDb()
	const finished = await db
		.select({ attemptId: debriefs.attemptId, seq: debriefs.rollupSeq, slug: debriefs.scenarioSlug })
		.from(debriefs)
		.where(and(eq(debriefs.organisationId, organisationId), eq(debriefs.userId, userId)))
		.orderBy(asc(debriefs.rollupSeq))
	const perSkill = new Map<string, number[]>()
	for (const f of finished) {
		const rows = await db
			.select()
			.from(decisions)
			.where(and(eq(decisions.organisationId, organisationId), eq(decisions.attemptId, f.attemptId)))
			.orderBy(asc(decisions.step))
		const scenario = library().find((s) => s.id === f.slug)!
		const d = buildDebrief({
			scenario,
			machine: compileScenario(scenario),
			path: rows.map((r) => ({ node: r.nodeId, choice: r.choiceId })),
			profile: null,
		})
		for (const s of d.skills) if (s.inPlay) perSkill.set(s.skill, [...(perSkill.get(s.skill) ?? []), s.score])
	}
	return Object.fromEntries([...perSkill].map(([k, v]) => [k, levelFromScores(v)]))
}

async function storedLevels(organisationId: string, userId: string) {
	const rows = await getDb()
		.select()
		.from(skillLevels)
		.where(and(eq(skillLevels.organisationId, organisationId), eq(skillLevels.userId, userId)))
	return Object.fromEntries(rows.map((r) => [r.skill, { level: r.level, attempts: r.attempts }]))
}

describe('the ending step', () => {
	it('stores the debrief, per-attempt scores and skill levels with the final decision', async () => {
		const { organisationId, person, cookie } = await learner()
		const scenario = library()[0]!
		const attemptId = await start(cookie, scenario.id)
		const steps = pathOf(scenario)
		await playAllBut(attemptId, cookie, steps)
		// Not finished yet: the debrief URL sends the learner back to the conversation.
		const early = await debriefOf(attemptId, cookie)
		expect(early.status).toBe(302)
		expect(early.headers.get('Location')).toBe(`/play/${attemptId}`)
		await choose(attemptId, cookie, steps.length - 1, steps.at(-1)!.choice)
		const [row] = await getDb().select().from(debriefs).where(eq(debriefs.attemptId, attemptId))
		expect(row).toMatchObject({ organisationId, userId: person.id, rollupSeq: 1, assessmentResultId: null })
		const scores = await getDb().select().from(attemptSkillScores).where(eq(attemptSkillScores.attemptId, attemptId))
		expect(scores.length).toBeGreaterThan(0)
		expect(await storedLevels(organisationId, person.id)).toEqual(await recompute(organisationId, person.id))

		const res = await debriefOf(attemptId, cookie)
		expect(res.status).toBe(200)
		const data = (await res.json()) as { debrief: { decisions: unknown[]; notices: Array<{ ruleId: string }> } }
		expect(data.debrief.decisions).toHaveLength(steps.length)
		expect(data.debrief.notices.map((n) => n.ruleId)).toEqual(['notice.no-profile'])
	})

	it("answers 404 for another learner's debrief and for a malformed id, never 500", async () => {
		const a = await learner()
		const scenario = library()[0]!
		const attemptId = await start(a.cookie, scenario.id)
		const steps = pathOf(scenario)
		await playAllBut(attemptId, a.cookie, steps, 0)
		const other = await addMember(a.organisationId, a.admin.id, 'learner', 'Other')
		const otherCookie = await sessionCookieFor(other.id, a.organisationId)
		expect((await debriefOf(attemptId, otherCookie)).status).toBe(404)
		const bad = await settle(
			debriefLoader({
				request: getRequest('/play/nope/debrief', a.cookie),
				params: { attemptId: 'nope' },
				context: testContext(),
			}),
		)
		expect(bad.status).toBe(404)
	})

	it('keeps rollup == recomputation when two attempts of one learner end at the same moment', async () => {
		const { organisationId, person, cookie } = await learner()
		const [s1, s2] = [library()[0]!, library()[1]!]
		for (let round = 0; round < 3; round++) {
			const p1 = pathOf(s1, round)
			const p2 = pathOf(s2, round * 7)
			const a1 = await start(cookie, s1.id)
			const a2 = await start(cookie, s2.id)
			await playAllBut(a1, cookie, p1)
			await playAllBut(a2, cookie, p2)
			const [r1, r2] = await Promise.all([
				choose(a1, cookie, p1.length - 1, p1.at(-1)!.choice),
				choose(a2, cookie, p2.length - 1, p2.at(-1)!.choice),
			])
			expect([r1.status, r2.status]).toEqual([302, 302])
		}
		const done = await getDb()
			.select()
			.from(attempts)
			.where(and(eq(attempts.organisationId, organisationId), eq(attempts.userId, person.id)))
		expect(done.filter((a) => a.status === 'completed')).toHaveLength(6)
		const stored = await storedLevels(organisationId, person.id)
		const recomputed = await recompute(organisationId, person.id)
		expect(Object.keys(stored).sort()).toEqual(Object.keys(recomputed).sort())
		for (const [skill, level] of Object.entries(recomputed)) {
			expect(stored[skill]!.attempts).toBe(level!.attempts)
			expect(stored[skill]!.level).toBeCloseTo(level!.level, 12)
		}
	})

	it('"try again from here" starts a new attempt at that turn with the earlier decisions', async () => {
		const { organisationId, cookie } = await learner()
		const scenario = library()[0]!
		const attemptId = await start(cookie, scenario.id)
		const steps = pathOf(scenario)
		await playAllBut(attemptId, cookie, steps, 0)
		const res = await settle(
			debriefAction({
				request: formRequest(`/play/${attemptId}/debrief`, { intent: 'retry', step: '2' }, { cookie }),
				params: { attemptId },
				context: testContext(),
			}),
		)
		expect(res.status).toBe(302)
		const newId = res.headers.get('Location')!.split('/').pop()!
		expect(newId).not.toBe(attemptId)
		const [fresh] = await getDb()
			.select()
			.from(attempts)
			.where(and(eq(attempts.organisationId, organisationId), eq(attempts.id, newId)))
		expect(fresh).toMatchObject({ status: 'in_progress', step: 1 })
		const copied = await getDb().select().from(decisions).where(eq(decisions.attemptId, newId))
		expect(copied.map((d) => d.choiceId)).toEqual([steps[0]!.choice])
	})

	it('"try again from here" abandons the open attempt of the same scenario first', async () => {
		const { organisationId, cookie } = await learner()
		const scenario = library()[0]!
		const attemptId = await start(cookie, scenario.id)
		await playAllBut(attemptId, cookie, pathOf(scenario), 0)
		const openId = await start(cookie, scenario.id)
		expect(openId).not.toBe(attemptId)
		const res = await settle(
			debriefAction({
				request: formRequest(`/play/${attemptId}/debrief`, { intent: 'retry', step: '2' }, { cookie }),
				params: { attemptId },
				context: testContext(),
			}),
		)
		expect(res.status).toBe(302)
		const newId = res.headers.get('Location')!.split('/').pop()!
		const rows = await getDb()
			.select({ id: attempts.id, status: attempts.status })
			.from(attempts)
			.where(and(eq(attempts.organisationId, organisationId), eq(attempts.status, 'in_progress')))
		expect(rows).toEqual([{ id: newId, status: 'in_progress' }])
		const [old] = await getDb().select().from(attempts).where(eq(attempts.id, openId))
		expect(old).toMatchObject({ status: 'abandoned' })
		expect(old!.completedAt).not.toBeNull()
	})
})
