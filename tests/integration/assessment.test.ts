import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { assessmentAttempts, assessmentResults, auditEvents } from '#db/schema.ts'
import { action as homeAction } from '#app/routes/assessment._index.tsx'
import { action as takeAction, loader as takeLoader } from '#app/routes/assessment.take.tsx'
import { loader as reportLoader } from '#app/routes/assessment.results.$resultId.tsx'
import { loader as statsLoader } from '#app/routes/admin.instrument.tsx'
import {
	CURRENT_INSTRUMENT,
	INSTRUMENT_VERSION,
	STYLE_V1,
	type Instrument,
	axisItems,
	type LikertValue,
} from '#app/domain/assessment/item-bank.ts'
import { buildAssessmentOrder } from '#app/domain/assessment/order.ts'
import { createRandom } from '#app/domain/assessment/random.ts'
import { placementCode, scoreAssessment } from '#app/domain/assessment/scoring.ts'
import { abandonAssessment, completeAssessment, startAssessment } from '#app/data/assessments.server.ts'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

type TakeData =
	| { kind: 'likert'; page: number; items: Array<{ id: string }>; progress: { isLastPage: boolean } }
	| { kind: 'cues'; page: number; vignettes: Array<{ id: string }>; progress: { isLastPage: boolean } }

async function learner() {
	const org = await createOrganisation('Assess Org')
	const person = await addMember(org.organisationId, org.admin.id, 'learner', 'Ari Assessed')
	const cookie = await sessionCookieFor(person.id, org.organisationId)
	const started = await settle(
		homeAction({
			request: formRequest('/assessment', { intent: 'start' }, { cookie }),
			params: {},
			context: testContext(),
		}),
	)
	expect(started.headers.get('Location')).toBe('/assessment/take')
	return { ...org, person, cookie }
}

async function currentPage(cookie: string): Promise<TakeData> {
	const res = await settle(
		takeLoader({ request: getRequest('/assessment/take', cookie), params: {}, context: testContext() }),
	)
	return (await res.json()) as TakeData
}

const submit = (cookie: string, fields: Record<string, string>) =>
	settle(
		takeAction({ request: formRequest('/assessment/take', fields, { cookie }), params: {}, context: testContext() }),
	)

function answersFor(page: TakeData, value: (i: number) => string): Record<string, string> {
	const ids = page.kind === 'likert' ? page.items.map((i) => i.id) : page.vignettes.map((v) => v.id)
	return Object.fromEntries(ids.map((id, i) => [id, page.kind === 'likert' ? value(i) : 'director']))
}

async function finish(cookie: string, value: (i: number) => string): Promise<string> {
	for (let n = 0; n < 30; n++) {
		const page = await currentPage(cookie)
		const res = await submit(cookie, { page: String(page.page), ...answersFor(page, value) })
		expect(res.status).toBe(302)
		const location = res.headers.get('Location') ?? ''
		if (location.startsWith('/assessment/results/')) return location.split('/').pop()!
	}
	throw new Error('never finished')
}

async function attemptRow(organisationId: string, userId: string) {
	const [row] = await getDb()
		.select()
		.from(assessmentAttempts)
		.where(and(eq(assessmentAttempts.organisationId, organisationId), eq(assessmentAttempts.userId, userId)))
	return row!
}

describe('the self-assessment', () => {
	it('runs page by page to a stored, versioned result that only the learner can open', async () => {
		const { organisationId, admin, cookie } = await learner()
		const resultId = await finish(cookie, (i) => String((i % 5) + 1))
		const [stored] = await getDb().select().from(assessmentResults).where(eq(assessmentResults.id, resultId))
		expect(stored?.instrumentVersion).toBe(INSTRUMENT_VERSION)
		const report = await settle(
			reportLoader({
				request: getRequest(`/assessment/results/${resultId}`, cookie),
				params: { resultId },
				context: testContext(),
			}),
		)
		expect(report.status).toBe(200)
		expect(JSON.stringify(await report.json())).toContain('for your development, not for hiring or evaluation')

		// A retake shows the first result as history; the first report does not show the retake.
		await settle(
			homeAction({
				request: formRequest('/assessment', { intent: 'start' }, { cookie }),
				params: {},
				context: testContext(),
			}),
		)
		const retakeId = await finish(cookie, (i) => String(((i + 2) % 5) + 1))
		const historyOf = async (id: string) => {
			const res = await settle(
				reportLoader({
					request: getRequest(`/assessment/results/${id}`, cookie),
					params: { resultId: id },
					context: testContext(),
				}),
			)
			return ((await res.json()) as { history: Array<{ id: string }> }).history.map((h) => h.id)
		}
		expect(await historyOf(retakeId)).toEqual([resultId])
		expect(await historyOf(resultId)).toEqual([])

		const coach = await addMember(organisationId, admin.id, 'coach', 'Coach')
		for (const other of [coach.id, admin.id]) {
			const res = await settle(
				reportLoader({
					request: getRequest(`/assessment/results/${resultId}`, await sessionCookieFor(other, organisationId)),
					params: { resultId },
					context: testContext(),
				}),
			)
			expect(res.status).toBe(404)
		}
	})

	it('shows the consent note on the first page only, and the styles after every self-rating page', async () => {
		const { cookie } = await learner()
		type Flags = TakeData & { isFirstPage: boolean; isFirstCuePage: boolean }
		const seen: Array<{ kind: string; isFirstPage: boolean; isFirstCuePage: boolean }> = []
		for (let n = 0; n < 30; n++) {
			const page = (await currentPage(cookie)) as Flags
			seen.push({ kind: page.kind, isFirstPage: page.isFirstPage, isFirstCuePage: page.isFirstCuePage })
			const res = await submit(cookie, { page: String(page.page), ...answersFor(page, (i) => String((i % 5) + 1)) })
			if ((res.headers.get('Location') ?? '').startsWith('/assessment/results/')) break
		}
		expect(seen.filter((p) => p.isFirstPage).length).toBe(1)
		expect(seen[0]?.isFirstPage).toBe(true)
		const primer = seen.findIndex((p) => p.isFirstCuePage)
		expect(seen.filter((p) => p.isFirstCuePage)).toHaveLength(1)
		expect(seen[primer]?.kind).toBe('cues')
		// Every self-rating page comes before the explanation of the styles.
		expect(seen.slice(0, primer).every((p) => p.kind === 'likert')).toBe(true)
		expect(seen.slice(primer).every((p) => p.kind === 'cues')).toBe(true)
	})

	it('still renders a result scored with style-v1', async () => {
		const { organisationId, person, cookie } = await learner()
		// The open attempt from learner() is abandoned; a v1 attempt is stored and completed directly.
		await abandonAssessment(organisationId, person.id)
		const resultId = (await storeCompletedAttempt(organisationId, person.id, 77, undefined, STYLE_V1)) as string
		const res = await settle(
			reportLoader({
				request: getRequest(`/assessment/results/${resultId}`, cookie),
				params: { resultId },
				context: testContext(),
			}),
		)
		expect(res.status).toBe(200)
		const data = (await res.json()) as { instrumentVersion: string; report: { stress: { readings: unknown[] } } }
		expect(data.instrumentVersion).toBe('style-v1')
		expect(data.report.stress.readings).toHaveLength(4)
	})

	it('takes "doesn\'t apply" on role-bound statements only, and says on the report what was left out', async () => {
		const { organisationId, person, cookie } = await learner()
		const first = await currentPage(cookie)
		const firstItems = (first as unknown as { items: { id: string; roleBound: boolean }[] }).items
		const plain = firstItems.find((i) => !i.roleBound)!
		const refused = await submit(cookie, { page: String(first.page), ...answersFor(first, () => '3'), [plain.id]: '0' })
		expect(refused.status).toBe(400)
		let notApplicable = 0
		let resultId: string | undefined
		for (let n = 0; n < 30 && !resultId; n++) {
			const page = (await currentPage(cookie)) as TakeData & { items?: { id: string; roleBound: boolean }[] }
			const fields = answersFor(page, (i) => String((i % 5) + 1))
			for (const item of page.items ?? []) {
				if (item.roleBound) {
					fields[item.id] = '0'
					notApplicable++
				}
			}
			const res = await submit(cookie, { page: String(page.page), ...fields })
			expect(res.status).toBe(302)
			const location = res.headers.get('Location') ?? ''
			if (location.startsWith('/assessment/results/')) resultId = location.split('/').pop()
		}
		expect(notApplicable).toBe(18)
		const [stored] = await getDb().select().from(assessmentResults).where(eq(assessmentResults.id, resultId!))
		expect(stored?.result.notApplicable).toHaveLength(18)
		expect(stored?.userId).toBe(person.id)
		expect(stored?.organisationId).toBe(organisationId)
		const report = await settle(
			reportLoader({
				request: getRequest(`/assessment/results/${resultId}`, cookie),
				params: { resultId: resultId! },
				context: testContext(),
			}),
		)
		const data = (await report.json()) as { report: { notApplicable: string | null } }
		expect(data.report.notApplicable).toMatch(/^18 statements did not apply to your role/)
	})

	it('places all-same answers at the centre, never in a style', async () => {
		for (const v of ['1', '3', '5']) {
			const { cookie } = await learner()
			const resultId = await finish(cookie, () => v)
			const [stored] = await getDb().select().from(assessmentResults).where(eq(assessmentResults.id, resultId))
			expect(stored?.style).toBe('balanced')
			expect(stored?.strength).toBeCloseTo(0, 6)
		}
	})

	it('rejects tampered pages with 400 and writes nothing', async () => {
		const { organisationId, person, cookie } = await learner()
		const page = await currentPage(cookie)
		const before = await attemptRow(organisationId, person.id)
		const valid = answersFor(page, () => '4')
		const firstId = Object.keys(valid)[0]!
		for (const tampered of [
			{ ...valid, 'no-such-item': '3' },
			{ ...valid, [firstId]: '6' },
			{ ...valid, [firstId]: 'lots' },
		]) {
			const res = await submit(cookie, { page: String(page.page), ...tampered })
			expect(res.status).toBe(400)
		}
		const missing = { ...valid }
		delete missing[firstId]
		const res = await submit(cookie, { page: String(page.page), ...missing })
		expect(res.status).toBe(400)
		expect(((await res.json()) as { errors: Record<string, string> }).errors[firstId]).toMatch(/Choose an answer/)
		expect(await attemptRow(organisationId, person.id)).toEqual(before)
	})

	it('refuses a replayed page and a page from the future, and writes nothing', async () => {
		const { organisationId, person, cookie } = await learner()
		const page = await currentPage(cookie)
		const answers = answersFor(page, (i) => String((i % 5) + 1))
		expect((await submit(cookie, { page: String(page.page), ...answers })).status).toBe(302)
		const after = await attemptRow(organisationId, person.id)
		expect((await submit(cookie, { page: String(page.page), ...answers })).status).toBe(400)
		expect((await submit(cookie, { page: String(page.page + 5), ...answers })).status).toBe(400)
		expect(await attemptRow(organisationId, person.id)).toEqual(after)
	})

	it('resumes on the same page from another session', async () => {
		const { organisationId, person, cookie } = await learner()
		const first = await currentPage(cookie)
		await submit(cookie, { page: String(first.page), ...answersFor(first, (i) => String((i % 5) + 1)) })
		const other = await currentPage(await sessionCookieFor(person.id, organisationId))
		expect(other.page).toBe(1)
		expect(other).toEqual(await currentPage(cookie))
	})
})

describe('starting an assessment', () => {
	it('lands two concurrent Starts (a double-click) on one open attempt, recorded once', async () => {
		const org = await createOrganisation('Double Click Org')
		const person = await addMember(org.organisationId, org.admin.id, 'learner', 'Dee Double')
		const cookie = await sessionCookieFor(person.id, org.organisationId)
		const start = () =>
			settle(
				homeAction({
					request: formRequest('/assessment', { intent: 'start' }, { cookie }),
					params: {},
					context: testContext(),
				}),
			)
		const responses = await Promise.all([start(), start(), start()])
		for (const res of responses) expect(res.headers.get('Location')).toBe('/assessment/take')
		const attempts = await getDb()
			.select()
			.from(assessmentAttempts)
			.where(and(eq(assessmentAttempts.organisationId, org.organisationId), eq(assessmentAttempts.userId, person.id)))
		expect(attempts).toHaveLength(1)
		const started = await getDb()
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organisationId, org.organisationId), eq(auditEvents.type, 'assessment_started')))
		expect(started).toHaveLength(1)
	})

	it('refuses a second open attempt at the database, even past the service', async () => {
		const org = await createOrganisation('Open Key Org')
		const person = await addMember(org.organisationId, org.admin.id, 'learner', 'Oli Open')
		const row = { organisationId: org.organisationId, userId: person.id, instrumentVersion: INSTRUMENT_VERSION }
		await getDb()
			.insert(assessmentAttempts)
			.values({ ...row, seed: 1 })
		await expect(
			getDb()
				.insert(assessmentAttempts)
				.values({ ...row, seed: 2 }),
		).rejects.toThrow()
		// A finished attempt does not count as open.
		await getDb()
			.insert(assessmentAttempts)
			.values({ ...row, seed: 3, status: 'completed' })
	})
})

describe('instrument statistics for admins', () => {
	it('explain that they need 30 results, and are admin-only', async () => {
		const { organisationId, admin, cookie } = await learner()
		const adminCookie = await sessionCookieFor(admin.id, organisationId)
		const res = await settle(
			statsLoader({ request: getRequest('/admin/instrument', adminCookie), params: {}, context: testContext() }),
		)
		expect(res.status).toBe(200)
		const data = (await res.json()) as { results: number; stats: unknown }
		expect(data.results).toBe(0)
		expect(data.stats).toBeNull()
		expect(
			(
				await settle(
					statsLoader({ request: getRequest('/admin/instrument', cookie), params: {}, context: testContext() }),
				)
			).status,
		).toBe(403)
	})
})

// A finished attempt stored through the repository, answered by someone with a latent
// position on each axis: enough structure for α to mean something.
async function storeCompletedAttempt(
	organisationId: string,
	userId: string,
	seed: number,
	constant?: LikertValue,
	instrument: Instrument = CURRENT_INSTRUMENT,
) {
	const random = createRandom(seed)
	const theta = { assertiveness: random.normal(), responsiveness: random.normal() }
	const answers: Record<string, LikertValue> = {}
	for (const item of instrument.likertItems) {
		const lean = item.kind === 'axis' ? theta[item.axis] * (item.keying === 'forward' ? 1 : -1) : 0
		answers[item.id] =
			constant ??
			(item.kind === 'instructed'
				? item.expected
				: (Math.min(5, Math.max(1, Math.round(3 + 1.2 * lean + 0.6 * random.normal()))) as LikertValue))
	}
	const cueAnswers = Object.fromEntries(instrument.vignettes.map((v) => [v.id, v.answer]))
	const order = buildAssessmentOrder(seed, instrument)
	const { attempt } = await startAssessment({ organisationId, userId, instrumentVersion: instrument.version, seed })
	const result = scoreAssessment({
		instrument,
		answers,
		cueAnswers,
		order,
		pageTimings: order.pages.map((p) => ({
			itemCount: p.kind === 'likert' ? p.itemIds.length : p.vignetteIds.length,
			durationMs: 60_000,
		})),
	})
	return completeAssessment(
		{
			organisationId,
			userId,
			attemptId: attempt.id,
			page: 0,
			likert: answers,
			cues: cueAnswers,
			timing: { page: 0, items: instrument.likertItems.length, ms: 60_000 },
			result,
			style: placementCode(result.placement),
			angle: result.dot.angleDeg ?? 0,
			strength: result.dot.distance,
		},
		getDb(),
	)
}

describe('instrument statistics with 30 results', () => {
	it('show α per axis, item means and item–total correlations, and no one’s answers', async () => {
		const { organisationId, admin } = await createOrganisation('Stats Org')
		const people = await Promise.all(
			Array.from({ length: 30 }, (_, i) => addMember(organisationId, admin.id, 'learner', `Respondent ${i}`)),
		)
		const adminCookie = await sessionCookieFor(admin.id, organisationId)
		const load = async () =>
			settle(statsLoader({ request: getRequest('/admin/instrument', adminCookie), params: {}, context: testContext() }))

		for (const [i, person] of people.slice(0, 29).entries())
			await storeCompletedAttempt(organisationId, person.id, 1000 + i)
		// A retake is the same person: it does not make 30.
		await storeCompletedAttempt(organisationId, people[0]!.id, 3000)
		expect((await (await load()).json()) as { results: number; stats: unknown }).toMatchObject({
			results: 29,
			stats: null,
		})

		await storeCompletedAttempt(organisationId, people[29]!.id, 2000)
		type Stats = {
			results: number
			stats: Array<{ axis: string; alpha: number; items: Array<{ id: string; mean: number; itemTotal: number }> }>
		}
		const data = (await (await load()).json()) as Stats
		expect(data.results).toBe(30)
		expect(data.stats.map((a) => a.axis).sort()).toEqual(['assertiveness', 'responsiveness'])
		for (const axis of data.stats) {
			expect(axis.items).toHaveLength(axisItems(CURRENT_INSTRUMENT, axis.axis as 'assertiveness').length)
			expect(axis.alpha).toBeGreaterThan(0.8)
			for (const item of axis.items) {
				expect(item.mean).toBeGreaterThanOrEqual(1)
				expect(item.mean).toBeLessThanOrEqual(5)
				expect(item.itemTotal).toBeGreaterThan(0.3)
			}
		}
		// Aggregates only: nothing in the page data is keyed by a person.
		const text = JSON.stringify(data)
		for (const person of people) expect(text).not.toContain(person.id)

		// A flagged result (here a straight-liner) is left out and counted as left out.
		const careless = await addMember(organisationId, admin.id, 'learner', 'Cas Careless')
		await storeCompletedAttempt(organisationId, careless.id, 4000, 3)
		const after = (await (await load()).json()) as Stats & { excluded: number; stress: unknown[] }
		expect(after).toMatchObject({ results: 30, excluded: 1 })
		expect(after.stress).toHaveLength(4)
	})
})
