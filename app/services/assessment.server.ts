import { randomInt } from 'node:crypto'
import type { Viewer } from '#app/auth/session.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import {
	completeAssessment,
	getAssessmentForm,
	getInProgressAssessment,
	saveAssessmentPage,
	startAssessment,
	type AssessmentAttemptRow,
} from '#app/data/assessments.server.ts'
import { adaptiveOrder, type AdaptivePlan } from '#app/domain/assessment/adaptive.ts'
import { cueAnswersSchema, likertAnswersSchema, type LikertResponses } from '#app/domain/assessment/answers.ts'
import { CURRENT_INSTRUMENT, getInstrument, isRoleBound, type Instrument } from '#app/domain/assessment/item-bank.ts'
import { buildAssessmentOrder, type AssessmentOrder } from '#app/domain/assessment/order.ts'
import { adaptivePageProgress, pageProgress, type PageProgress } from '#app/domain/assessment/progress.ts'
import { placementCode, scoreAssessment } from '#app/domain/assessment/scoring.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { getDb } from '#db/client.server.ts'

// The self-assessment use-cases: start (or resume) an attempt, show its current page, save a
// page, and score the attempt on its last page. Answers to HTTP are the route's job.

// Building an order tries many shuffles; it is a pure function of (version, seed), so keep a few.
const orders = new Map<string, AssessmentOrder>()
function orderFor(instrument: Instrument, seed: number): AssessmentOrder {
	const key = `${instrument.version}:${seed}`
	let order = orders.get(key)
	if (!order) {
		order = buildAssessmentOrder(seed, instrument)
		if (orders.size > 500) orders.clear()
		orders.set(key, order)
	}
	return order
}

// The attempt's page plan. The full form's is a function of the seed; the adaptive form's also of
// the answers so far (ADR 0009), so it is rebuilt from what the attempt has stored.
function planOf(
	attempt: AssessmentAttemptRow,
	instrument: Instrument,
	answers: Readonly<LikertResponses> = attempt.answers as LikertResponses,
): { order: AssessmentOrder; adaptive: AdaptivePlan | null } {
	if (attempt.form !== 'adaptive') return { order: orderFor(instrument, attempt.seed), adaptive: null }
	const { order, plan } = adaptiveOrder(attempt.seed, answers, instrument)
	return { order, adaptive: plan }
}

function progressOf(plan: ReturnType<typeof planOf>, instrument: Instrument, page: number): PageProgress {
	return plan.adaptive
		? adaptivePageProgress(plan.order, page, plan.adaptive, instrument.vignettes.length)
		: pageProgress(plan.order, page)
}

function instrumentOf(attempt: AssessmentAttemptRow): ServiceResult<Instrument> {
	const instrument = getInstrument(attempt.instrumentVersion)
	return instrument
		? ok(instrument)
		: fail.conflict(`This assessment uses instrument ${attempt.instrumentVersion}, which this version no longer has.`)
}

/** Starts an attempt, or lands on the open one (a double-click on Start gives one attempt). */
export async function beginAssessment(viewer: Viewer): Promise<ServiceResult<{ attemptId: string; created: boolean }>> {
	return getDb().transaction(async (tx) => {
		const { attempt, created } = await startAssessment(
			{
				organisationId: viewer.organisation.id,
				userId: viewer.user.id,
				instrumentVersion: CURRENT_INSTRUMENT.version,
				// Seeds are stored in a signed 32-bit column.
				seed: randomInt(0, 2 ** 31 - 1),
				// The organisation's form at the start; the attempt keeps it (ADR 0009).
				form: await getAssessmentForm(viewer.organisation.id, tx),
			},
			tx,
		)
		if (created) {
			await recordAudit(
				{
					type: 'assessment_started',
					organisationId: viewer.organisation.id,
					userId: viewer.user.id,
					detail: { attemptId: attempt.id, instrumentVersion: attempt.instrumentVersion, form: attempt.form },
				},
				tx,
			)
		}
		return ok({ attemptId: attempt.id, created })
	})
}

export type CurrentPage = {
	attempt: AssessmentAttemptRow
	progress: PageProgress
	/** The first page: the consent note goes above it. */
	isFirstPage: boolean
	/** The first "Read the speaker" page: the styles are explained above it, after every self-rating. */
	isFirstCuePage: boolean
} & (
	| { kind: 'likert'; items: { id: string; text: string; roleBound: boolean }[] }
	| { kind: 'cues'; vignettes: { id: string; setting: string; quote: string }[] }
)

/** The open attempt's current page, or null when no attempt is open. */
export async function currentPage(viewer: Viewer): Promise<ServiceResult<CurrentPage | null>> {
	const attempt = await getInProgressAssessment(viewer.organisation.id, viewer.user.id)
	if (!attempt) return ok(null)
	const instrument = instrumentOf(attempt)
	if (!instrument.ok) return instrument
	const plan = planOf(attempt, instrument.value)
	const order = plan.order
	const page = order.pages[attempt.page]
	if (!page) return fail.conflict('This assessment is in an unexpected state. Start it again from the assessment page.')
	const progress = progressOf(plan, instrument.value, attempt.page)
	const isFirstPage = attempt.page === 0
	const isFirstCuePage = page.kind === 'cues' && order.pages[attempt.page - 1]?.kind !== 'cues'
	if (page.kind === 'likert') {
		const items = page.itemIds.map((id) => {
			const item = instrument.value.likertItems.find((i) => i.id === id)
			return { id, text: item?.text ?? '', roleBound: item ? isRoleBound(item) : false }
		})
		return ok({ attempt, progress, isFirstPage, isFirstCuePage, kind: 'likert', items })
	}
	const vignettes = page.vignetteIds.map((id) => {
		const v = instrument.value.vignettes.find((x) => x.id === id)
		return { id, setting: v?.setting ?? '', quote: v?.quote ?? '' }
	})
	return ok({ attempt, progress, isFirstPage, isFirstCuePage, kind: 'cues', vignettes })
}

export type PageSubmission =
	| { kind: 'saved' }
	| { kind: 'completed'; resultId: string }
	| { kind: 'invalid'; errors: Record<string, string>; values: Record<string, string> }
	| { kind: 'stale' }

export async function submitPage(
	viewer: Viewer,
	pageNumber: number,
	raw: Record<string, string>,
): Promise<ServiceResult<PageSubmission>> {
	const attempt = await getInProgressAssessment(viewer.organisation.id, viewer.user.id)
	if (!attempt || attempt.page !== pageNumber) return ok({ kind: 'stale' })
	const found = instrumentOf(attempt)
	if (!found.ok) return found
	const instrument = found.value
	const plan = planOf(attempt, instrument)
	const page = plan.order.pages[pageNumber]
	if (!page) return ok({ kind: 'stale' })

	const ids = page.kind === 'likert' ? page.itemIds : page.vignetteIds
	const schema =
		page.kind === 'likert'
			? likertAnswersSchema(instrument, { page: ids })
			: cueAnswersSchema(instrument, { page: ids })
	const parsed = schema.safeParse(raw)
	if (!parsed.success) {
		const errors: Record<string, string> = {}
		for (const issue of parsed.error.issues) {
			const key = String(issue.path[0] ?? '')
			errors[key] ??= issue.message
		}
		return ok({ kind: 'invalid', errors, values: raw })
	}
	const likert = page.kind === 'likert' ? (parsed.data as Record<string, number>) : {}
	const cues = page.kind === 'cues' ? (parsed.data as Record<string, string>) : {}
	const timing = { page: pageNumber, items: ids.length, ms: Math.max(0, Date.now() - attempt.pageStartedAt.getTime()) }
	const base = {
		organisationId: viewer.organisation.id,
		userId: viewer.user.id,
		attemptId: attempt.id,
		page: pageNumber,
		likert,
		cues,
		timing,
	}

	if (!progressOf(plan, instrument, pageNumber).isLastPage) {
		return ok((await saveAssessmentPage(base)) ? { kind: 'saved' } : { kind: 'stale' })
	}
	// Stored answers are read back through the same schemas: every question asked, valid values. On
	// the adaptive form "every question" is the statements its pages asked, rebuilt from the answers.
	const order = planOf(attempt, instrument, { ...attempt.answers, ...likert } as LikertResponses).order
	const asked = order.pages.flatMap((p) => (p.kind === 'likert' ? p.itemIds : []))
	const scope = attempt.form === 'adaptive' ? { page: asked } : 'complete'
	const allLikert = likertAnswersSchema(instrument, scope).safeParse({ ...attempt.answers, ...likert })
	const allCues = cueAnswersSchema(instrument, 'complete').safeParse({ ...attempt.cueAnswers, ...cues })
	if (!allLikert.success || !allCues.success) {
		return fail.conflict('Some saved answers are missing or unreadable. Please start the assessment again.')
	}
	const result = scoreAssessment({
		instrument,
		answers: allLikert.data,
		cueAnswers: allCues.data,
		order,
		pageTimings: [...attempt.pageTimings, timing].map((t) => ({ itemCount: t.items, durationMs: t.ms })),
		form: attempt.form,
	})
	const resultId = await getDb().transaction(async (tx) => {
		const id = await completeAssessment(
			{
				...base,
				result,
				style: placementCode(result.placement),
				angle: result.dot.angleDeg ?? 0,
				strength: result.dot.distance,
			},
			tx,
		)
		if (id) {
			await recordAudit(
				{
					type: 'assessment_completed',
					organisationId: viewer.organisation.id,
					userId: viewer.user.id,
					detail: { attemptId: attempt.id, resultId: id, flagged: result.flags.length > 0, form: attempt.form },
				},
				tx,
			)
		}
		return id
	})
	return ok(resultId ? { kind: 'completed', resultId } : { kind: 'stale' })
}
