import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { attemptSkillScores, attempts, skillLevels } from '#db/schema.ts'
import { loader as coachLearnerLoader, action as coachLearnerAction } from '#app/routes/coach.learners.$userId.tsx'
import { loader as coachDebriefLoader } from '#app/routes/coach.learners.$userId_.attempts.$attemptId.tsx'
import { loader as debriefLoader, action as debriefAction } from '#app/routes/play.$attemptId_.debrief.tsx'
import { loader as playLoader } from '#app/routes/play.$attemptId.tsx'
import { loader as resultLoader } from '#app/routes/assessment.results.$resultId.tsx'
import { loader as progressLoader, action as progressAction } from '#app/routes/progress.tsx'
import { loader as previewLoader } from '#app/routes/progress_.coach-view.tsx'
import { levelFromScores } from '#app/domain/feedback/skill-levels.ts'
import type { CoachLearnerView } from '#app/domain/coaching/coach-view.ts'
import type { DebriefContent } from '#app/domain/feedback/debrief.ts'
import { coachingWorld, finishAttempt, playSteps } from '#tests/support/coaching-world.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'

type World = Awaited<ReturnType<typeof coachingWorld>>

const coachPage = async (w: World, cookie: string) => {
	const userId = w.people.self.id
	const res = await settle(
		coachLearnerLoader({
			request: getRequest(`/coach/learners/${userId}`, cookie),
			params: { userId },
			context: testContext(),
		}),
	)
	expect(res.status).toBe(200)
	const text = await res.text()
	return { text, view: (JSON.parse(text) as { view: CoachLearnerView }).view }
}

const coachDebrief = (w: World, cookie: string, attemptId: string) =>
	settle(
		coachDebriefLoader({
			request: getRequest(`/coach/learners/${w.people.self.id}/attempts/${attemptId}`, cookie),
			params: { userId: w.people.self.id, attemptId },
			context: testContext(),
		}),
	)

type AnyAction = (args: Parameters<typeof progressAction>[0]) => Promise<unknown>
const post = (action: AnyAction, path: string, fields: Record<string, string>, cookie: string, params = {}) =>
	settle(action({ request: formRequest(path, fields, { cookie }), params, context: testContext() }))

async function sharedLevels(w: World) {
	const rows = await getDb()
		.select({ skill: skillLevels.skill, level: skillLevels.level, attempts: skillLevels.attempts })
		.from(skillLevels)
		.where(
			and(
				eq(skillLevels.organisationId, w.a.organisationId),
				eq(skillLevels.userId, w.people.self.id),
				eq(skillLevels.scope, 'shared'),
			),
		)
	return Object.fromEntries(rows.map((r) => [r.skill, { level: r.level, attempts: r.attempts }]))
}

// The shared rollup by its definition: the EWMA over the scores of shared or assigned attempts, in rollup order.
async function sharedLevelsByDefinition(w: World) {
	const rows = await getDb()
		.select({ skill: attemptSkillScores.skill, score: attemptSkillScores.score, visibility: attempts.visibility })
		.from(attemptSkillScores)
		.innerJoin(
			attempts,
			and(
				eq(attempts.organisationId, attemptSkillScores.organisationId),
				eq(attempts.id, attemptSkillScores.attemptId),
			),
		)
		.where(
			and(eq(attemptSkillScores.organisationId, w.a.organisationId), eq(attemptSkillScores.userId, w.people.self.id)),
		)
		.orderBy(asc(attemptSkillScores.rollupSeq))
	const bySkill = new Map<string, number[]>()
	for (const r of rows) if (r.visibility === 'shared') bySkill.set(r.skill, [...(bySkill.get(r.skill) ?? []), r.score])
	return Object.fromEntries([...bySkill].map(([skill, scores]) => [skill, levelFromScores(scores)!]))
}

describe('privacy: what a coach can see', () => {
	it('never shows a private attempt, the assessment result or raw answers to a coach, by any route', async () => {
		const w = await coachingWorld()
		const { text, view } = await coachPage(w, w.cookies.coach)
		expect(view.attempts.map((a) => a.attemptId)).toEqual([w.samples.shared])
		expect(text).not.toContain(w.samples.private)
		expect(text).not.toContain(w.samples.toggle)
		expect(text).not.toContain(w.samples.result)
		expect(text).not.toMatch(/"answers"|"items"/)
		for (const cookie of [w.cookies.coach, w.cookies.admin]) {
			expect((await coachDebrief(w, cookie, w.samples.private)).status).toBe(404)
			expect((await coachDebrief(w, cookie, w.samples.shared)).status).toBe(200)
			for (const [loader, path, params] of [
				[playLoader, `/play/${w.samples.private}`, { attemptId: w.samples.private }],
				[debriefLoader, `/play/${w.samples.private}/debrief`, { attemptId: w.samples.private }],
				[debriefLoader, `/play/${w.samples.shared}/debrief`, { attemptId: w.samples.shared }],
				[resultLoader, `/assessment/results/${w.samples.result}`, { resultId: w.samples.result }],
			] as const) {
				const res = await settle(loader({ request: getRequest(path, cookie), params, context: testContext() }))
				expect(res.status, path).toBe(404)
			}
		}
		// A coach of another team sees nothing of this learner at all.
		expect((await coachDebrief(w, w.cookies['other coach'], w.samples.shared)).status).toBe(403)
	})

	it('leaves the self-assessment sentences out of the coach copy unless the learner shares their style', async () => {
		const w = await coachingWorld()
		const read = async () => {
			const res = await coachDebrief(w, w.cookies.coach, w.samples.shared)
			return ((await res.json()) as { debrief: DebriefContent }).debrief
		}
		const own = (await (
			await settle(
				debriefLoader({
					request: getRequest(`/play/${w.samples.shared}/debrief`, w.cookies.self),
					params: { attemptId: w.samples.shared },
					context: testContext(),
				}),
			)
		).json()) as { debrief: DebriefContent }
		const fromAssessment = own.debrief.feedback.filter((f) => f.usesSelfAssessment).length
		expect(fromAssessment).toBeGreaterThan(0)
		const hidden = await read()
		expect(hidden.feedback.some((f) => f.usesSelfAssessment)).toBe(false)
		expect(hidden.notices.some((n) => n.usesSelfAssessment)).toBe(false)
		expect(hidden.resultId).toBeNull()
		await post(progressAction, '/progress', { intent: 'share-style', value: 'on' }, w.cookies.self)
		const shown = await read()
		expect(shown.feedback.filter((f) => f.usesSelfAssessment)).toHaveLength(fromAssessment)
	})

	it('shows no dot and no skill levels until the learner shares them, and then only the coach-visible rollup', async () => {
		const w = await coachingWorld()
		let { view } = await coachPage(w, w.cookies.coach)
		expect(view.style).toBeNull()
		expect(view.skills).toBeNull()
		await post(progressAction, '/progress', { intent: 'share-style', value: 'on' }, w.cookies.self)
		await post(progressAction, '/progress', { intent: 'share-skills', value: 'on' }, w.cookies.self)
		;({ view } = await coachPage(w, w.cookies.coach))
		expect(view.style).not.toBeNull()
		const expected = await sharedLevelsByDefinition(w)
		expect(Object.keys(expected).length).toBeGreaterThan(0)
		expect(Object.fromEntries(view.skills!.map((s) => [s.skill, { level: s.level, attempts: s.attempts }]))).toEqual(
			expected,
		)
		// Every level comes from the one shared attempt, not from the learner's three finished ones.
		expect(view.skills!.every((s) => s.attempts === 1)).toBe(true)
		// The preview is the same view.
		const preview = (await (
			await settle(
				previewLoader({
					request: getRequest('/progress/coach-view', w.cookies.self),
					params: {},
					context: testContext(),
				}),
			)
		).json()) as { view: CoachLearnerView }
		expect(preview.view.attempts).toEqual(view.attempts)
		expect(preview.view.skills).toEqual(view.skills)
		expect(preview.view.style).toEqual(view.style)
		// Turning the dot off again removes it from the coach's page.
		await post(progressAction, '/progress', { intent: 'share-style', value: 'off' }, w.cookies.self)
		;({ view } = await coachPage(w, w.cookies.coach))
		expect(view.style).toBeNull()
	})

	it('removes an unshared attempt from every coach view and from the shared rollup', async () => {
		const w = await coachingWorld()
		await post(progressAction, '/progress', { intent: 'share-skills', value: 'on' }, w.cookies.self)
		const shareFromDebrief = await post(
			debriefAction,
			`/play/${w.samples.toggle}/debrief`,
			{ intent: 'share' },
			w.cookies.self,
			{ attemptId: w.samples.toggle },
		)
		expect(shareFromDebrief.status).toBe(302)
		let { view } = await coachPage(w, w.cookies.coach)
		expect(view.attempts.map((a) => a.attemptId).sort()).toEqual([w.samples.shared, w.samples.toggle].sort())
		expect(await sharedLevels(w)).toEqual(await sharedLevelsByDefinition(w))
		const twoShared = await sharedLevels(w)
		expect(Object.values(twoShared).some((l) => l.attempts === 2)).toBe(true)

		const unshare = await post(
			progressAction,
			'/progress',
			{ intent: 'unshare', attemptId: w.samples.toggle },
			w.cookies.self,
		)
		expect(unshare.status).toBe(302)
		;({ view } = await coachPage(w, w.cookies.coach))
		expect(view.attempts.map((a) => a.attemptId)).toEqual([w.samples.shared])
		expect((await coachDebrief(w, w.cookies.coach, w.samples.toggle)).status).toBe(404)
		expect((await coachDebrief(w, w.cookies.admin, w.samples.toggle)).status).toBe(404)
		expect(await sharedLevels(w)).toEqual(await sharedLevelsByDefinition(w))
		expect(Object.values(await sharedLevels(w)).every((l) => l.attempts === 1)).toBe(true)

		// Unsharing the last one empties the shared rollup.
		await post(progressAction, '/progress', { intent: 'unshare', attemptId: w.samples.shared }, w.cookies.self)
		expect(await sharedLevels(w)).toEqual({})
		;({ view } = await coachPage(w, w.cookies.coach))
		expect(view.attempts).toEqual([])
	})

	it('advances the shared rollup when a shared attempt ends, and leaves it alone when a private one does', async () => {
		const w = await coachingWorld()
		const before = await sharedLevels(w)
		await finishAttempt(w.cookies.self, 3)
		expect(await sharedLevels(w)).toEqual(before)
		// Share the unfinished attempt, then finish it: the ending step moves the shared rollup.
		await post(progressAction, '/progress', { intent: 'share', attemptId: w.samples.open }, w.cookies.self)
		const scenario = getScenarioLibrary().scenarios[1]!
		const steps = enumeratePaths(scenario, compileScenario(scenario), 50).paths[0]!.steps
		await playSteps(
			w.samples.open,
			w.cookies.self,
			steps.map((s) => s.choice),
		)
		const after = await sharedLevels(w)
		expect(after).not.toEqual(before)
		expect(after).toEqual(await sharedLevelsByDefinition(w))
	})

	it('shows notes to the learner they are about, and lets only the author change one', async () => {
		const w = await coachingWorld()
		const progress = (await (
			await settle(
				progressLoader({ request: getRequest('/progress', w.cookies.self), params: {}, context: testContext() }),
			)
		).json()) as { notes: { body: string }[] }
		expect(progress.notes.map((n) => n.body)).toEqual(['Great questions in the refund call.'])
		const peerProgress = (await (
			await settle(
				progressLoader({ request: getRequest('/progress', w.cookies.peer), params: {}, context: testContext() }),
			)
		).json()) as { notes: unknown[] }
		expect(peerProgress.notes).toEqual([])
		// The admin may add a note but not edit the coach's.
		const added = await post(
			coachLearnerAction,
			`/coach/learners/${w.people.self.id}`,
			{ intent: 'add-note', body: 'Welcome aboard.' },
			w.cookies.admin,
			{ userId: w.people.self.id },
		)
		expect(added.status).toBe(302)
		const { view } = await coachPage(w, w.cookies.coach)
		expect(view.notes.map((n) => n.body).sort()).toEqual(['Great questions in the refund call.', 'Welcome aboard.'])
		const empty = await post(
			coachLearnerAction,
			`/coach/learners/${w.people.self.id}`,
			{ intent: 'add-note', body: '   ' },
			w.cookies.coach,
			{ userId: w.people.self.id },
		)
		expect(empty.status).toBe(400)
	})
})
