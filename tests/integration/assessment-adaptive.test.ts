import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { assessmentAttempts, assessmentResults, auditEvents, organisations } from '#db/schema.ts'
import { action as homeAction } from '#app/routes/assessment._index.tsx'
import { action as takeAction, loader as takeLoader } from '#app/routes/assessment.take.tsx'
import { loader as reportLoader } from '#app/routes/assessment.results.$resultId.tsx'
import { loader as statsLoader } from '#app/routes/admin.instrument.tsx'
import { action as orgAction, loader as orgLoader } from '#app/routes/admin.organisation.tsx'
import { CURRENT_INSTRUMENT, findLikertItem } from '#app/domain/assessment/item-bank.ts'
import { parseStoredResult } from '#app/data/assessments.server.ts'
import { changeAssessmentForm } from '#app/services/assessment-settings.server.ts'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

// The adaptive short form as an organisation setting (issue 16 item 7, ADR 0009).

type TakeData = {
	kind: 'likert' | 'cues'
	page: number
	items?: Array<{ id: string }>
	vignettes?: Array<{ id: string }>
	progress: { isLastPage: boolean; upTo: boolean; totalQuestions: number; lastQuestion: number }
}

const STRESS_LEVEL = { take_over: 2, push_harder: 3, give_in: 4, withdraw: 2 } as const
const axisTotal = CURRENT_INSTRUMENT.likertItems.filter((i) => i.kind === 'axis').length

async function world() {
	const org = await createOrganisation('Adaptive Org')
	const adminCookie = await sessionCookieFor(org.admin.id, org.organisationId)
	const coach = await addMember(org.organisationId, org.admin.id, 'coach', 'Cora Coach')
	const coachCookie = await sessionCookieFor(coach.id, org.organisationId)
	const person = await addMember(org.organisationId, org.admin.id, 'learner', 'Lee Learner')
	const cookie = await sessionCookieFor(person.id, org.organisationId)
	return { ...org, adminCookie, coach, coachCookie, person, cookie }
}

const setForm = (cookie: string, fields: Record<string, string>) =>
	settle(
		orgAction({
			request: formRequest('/admin/organisation', fields, { cookie }),
			params: {},
			context: testContext(),
		}),
	)

async function orgForm(organisationId: string) {
	const [row] = await getDb()
		.select({ form: organisations.assessmentForm })
		.from(organisations)
		.where(eq(organisations.id, organisationId))
	return row?.form
}

async function start(cookie: string) {
	const res = await settle(
		homeAction({
			request: formRequest('/assessment', { intent: 'start' }, { cookie }),
			params: {},
			context: testContext(),
		}),
	)
	expect(res.headers.get('Location')).toBe('/assessment/take')
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

// A clear "tells + people" answerer: agrees with forward axis statements, disagrees with reverse ones,
// varies the stress answers, answers the checks as asked and names a style for every speaker.
function clearAnswers(page: TakeData): Record<string, string> {
	if (page.kind === 'cues') return Object.fromEntries((page.vignettes ?? []).map((v) => [v.id, 'director']))
	return Object.fromEntries(
		(page.items ?? []).map(({ id }) => {
			const item = findLikertItem(CURRENT_INSTRUMENT, id)
			if (item?.kind === 'instructed') return [id, String(item.expected)]
			if (item?.kind === 'axis') return [id, item.keying === 'forward' ? '5' : '1']
			// A coherent stress profile: a level per reaction, the reverse-keyed statement answered the other way.
			const level = item?.kind === 'stress' ? STRESS_LEVEL[item.reaction] : 3
			return [id, String(item?.kind === 'stress' && item.keying === 'reverse' ? 6 - level : level)]
		}),
	)
}

async function attemptRow(organisationId: string, userId: string) {
	const [row] = await getDb()
		.select()
		.from(assessmentAttempts)
		.where(and(eq(assessmentAttempts.organisationId, organisationId), eq(assessmentAttempts.userId, userId)))
	return row!
}

describe('the assessment form setting', () => {
	it('is changed by an admin with an audit event; a coach or a learner gets 403 and changes nothing', async () => {
		const { organisationId, adminCookie, coachCookie, cookie, admin, coach, person } = await world()
		expect(await orgForm(organisationId)).toBe('full')
		const page = await settle(
			orgLoader({ request: getRequest('/admin/organisation', adminCookie), params: {}, context: testContext() }),
		)
		expect(((await page.json()) as { assessmentForm: string }).assessmentForm).toBe('full')

		for (const other of [coachCookie, cookie]) {
			const res = await setForm(other, { intent: 'assessment-form', assessmentForm: 'adaptive' })
			expect(res.status).toBe(403)
		}
		// The service refuses on its own too (permission through can()).
		const denied = await changeAssessmentForm({ userId: coach.id, organisationId, ip: null, role: 'coach' }, 'adaptive')
		expect(denied).toMatchObject({ ok: false, kind: 'forbidden' })
		const learnerDenied = await changeAssessmentForm(
			{ userId: person.id, organisationId, ip: null, role: 'learner' },
			'adaptive',
		)
		expect(learnerDenied).toMatchObject({ ok: false, kind: 'forbidden' })
		expect(await orgForm(organisationId)).toBe('full')

		const bad = await setForm(adminCookie, { intent: 'assessment-form', assessmentForm: 'tiny' })
		expect(bad.status).toBe(400)
		expect(await orgForm(organisationId)).toBe('full')

		const ok = await setForm(adminCookie, { intent: 'assessment-form', assessmentForm: 'adaptive' })
		expect(ok.status).toBe(200)
		expect(await orgForm(organisationId)).toBe('adaptive')
		const events = await getDb()
			.select()
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.organisationId, organisationId),
					eq(auditEvents.type, 'organisation_assessment_form_changed'),
				),
			)
		expect(events).toHaveLength(1)
		expect(events[0]).toMatchObject({ userId: admin.id, detail: { from: 'full', to: 'adaptive' } })
		// Saving the same value again changes nothing and records nothing.
		expect((await setForm(adminCookie, { intent: 'assessment-form', assessmentForm: 'adaptive' })).status).toBe(200)
		const again = await getDb()
			.select()
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.organisationId, organisationId),
					eq(auditEvents.type, 'organisation_assessment_form_changed'),
				),
			)
		expect(again).toHaveLength(1)
	})
})

describe('an attempt on the adaptive form', () => {
	it('keeps its form when the setting changes mid-attempt, asks fewer statements, and stores the form', async () => {
		const { organisationId, adminCookie, cookie, person } = await world()
		await setForm(adminCookie, { intent: 'assessment-form', assessmentForm: 'adaptive' })
		await start(cookie)
		expect((await attemptRow(organisationId, person.id)).form).toBe('adaptive')

		const first = await currentPage(cookie)
		expect(first.progress.upTo).toBe(true)
		expect((await submit(cookie, { page: String(first.page), ...clearAnswers(first) })).status).toBe(302)
		// The admin switches back to the full form: this attempt stays adaptive.
		await setForm(adminCookie, { intent: 'assessment-form', assessmentForm: 'full' })
		expect((await attemptRow(organisationId, person.id)).form).toBe('adaptive')

		let resultId: string | undefined
		let questions = 0
		for (let n = 0; n < 30 && !resultId; n++) {
			const page = await currentPage(cookie)
			// Each page "took" a minute, as a reader's would: the speeding check is not what this test is about.
			await getDb()
				.update(assessmentAttempts)
				.set({ pageStartedAt: new Date(Date.now() - 60_000) })
				.where(eq(assessmentAttempts.userId, person.id))
			const res = await submit(cookie, { page: String(page.page), ...clearAnswers(page) })
			expect(res.status).toBe(302)
			questions = page.progress.lastQuestion
			const location = res.headers.get('Location') ?? ''
			if (location.startsWith('/assessment/results/')) resultId = location.split('/').pop()
		}
		expect(resultId).toBeDefined()
		const fullLength = CURRENT_INSTRUMENT.likertItems.length + CURRENT_INSTRUMENT.vignettes.length
		expect(questions).toBeLessThan(fullLength)

		const [row] = await getDb().select().from(assessmentResults).where(eq(assessmentResults.id, resultId!))
		const stored = parseStoredResult(row!.result)
		expect(stored.form).toBe('adaptive')
		expect(stored.axisItemsAsked).toBe(24)
		expect(stored.axisItemsAsked).toBeLessThan(axisTotal)
		expect(stored.placement).toMatchObject({ kind: 'style', style: 'energizer' })
		expect(stored.flags).toEqual([])
		const attempt = await attemptRow(organisationId, person.id)
		expect(Object.keys(attempt.answers)).toHaveLength(questions - CURRENT_INSTRUMENT.vignettes.length)

		const report = await settle(
			reportLoader({
				request: getRequest(`/assessment/results/${resultId}`, cookie),
				params: { resultId: resultId! },
				context: testContext(),
			}),
		)
		const data = (await report.json()) as { report: { shortForm: string | null } }
		expect(data.report.shortForm).toMatch(/short form: you answered 24 of the 56 style statements/)

		// The instrument statistics leave the short-form result out, and say so.
		const stats = await settle(
			statsLoader({ request: getRequest('/admin/instrument', adminCookie), params: {}, context: testContext() }),
		)
		expect(await stats.json()).toMatchObject({ results: 0, shortForm: 1 })
	})

	it('starts on the full form by default, with an exact question count', async () => {
		const { organisationId, cookie, person } = await world()
		await start(cookie)
		expect((await attemptRow(organisationId, person.id)).form).toBe('full')
		expect((await currentPage(cookie)).progress.upTo).toBe(false)
	})

	it('refuses a page carrying a statement the adaptive form did not ask (400, nothing written)', async () => {
		const { organisationId, adminCookie, cookie, person } = await world()
		await setForm(adminCookie, { intent: 'assessment-form', assessmentForm: 'adaptive' })
		await start(cookie)
		// Answer pages until the axes stop; then an axis statement never asked is tampered in.
		let page = await currentPage(cookie)
		const shown = new Set<string>()
		for (let n = 0; n < 4; n++) {
			for (const item of page.items ?? []) shown.add(item.id)
			await submit(cookie, { page: String(page.page), ...clearAnswers(page) })
			page = await currentPage(cookie)
		}
		for (const item of page.items ?? []) shown.add(item.id)
		const notAsked = CURRENT_INSTRUMENT.likertItems.find((i) => i.kind === 'axis' && !shown.has(i.id))!
		expect(notAsked).toBeDefined()
		const before = await attemptRow(organisationId, person.id)
		const res = await submit(cookie, { page: String(page.page), ...clearAnswers(page), [notAsked.id]: '5' })
		expect(res.status).toBe(400)
		const body = (await res.json()) as { errors: Record<string, string> }
		expect(body.errors[notAsked.id]).toMatch(/not a question on this page/)
		expect(await attemptRow(organisationId, person.id)).toEqual(before)
	})
})
