import { randomInt } from 'node:crypto'
import type { Viewer } from '#app/auth/session.server.ts'
import {
	completeAssessment,
	getInProgressAssessment,
	saveAssessmentPage,
	startAssessment,
	type AssessmentAttemptRow,
} from '#app/data/assessments.server.ts'
import { cueAnswersSchema, likertAnswersSchema } from '#app/domain/assessment/answers.ts'
import { CURRENT_INSTRUMENT, getInstrument, type Instrument } from '#app/domain/assessment/item-bank.ts'
import { buildAssessmentOrder, type AssessmentOrder } from '#app/domain/assessment/order.ts'
import { pageProgress } from '#app/domain/assessment/progress.ts'
import { placementCode, scoreAssessment } from '#app/domain/assessment/scoring.ts'
import { httpError } from '#app/utils/http.server.ts'

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

function instrumentOf(attempt: AssessmentAttemptRow): Instrument {
	const instrument = getInstrument(attempt.instrumentVersion)
	if (!instrument)
		throw httpError(
			409,
			`This assessment uses instrument ${attempt.instrumentVersion}, which this version no longer has.`,
		)
	return instrument
}

export async function beginAssessment(viewer: Viewer) {
	// Seeds are stored in a signed 32-bit column.
	return startAssessment({
		organisationId: viewer.organisation.id,
		userId: viewer.user.id,
		instrumentVersion: CURRENT_INSTRUMENT.version,
		seed: randomInt(0, 2 ** 31 - 1),
	})
}

export async function currentPage(viewer: Viewer) {
	const attempt = await getInProgressAssessment(viewer.organisation.id, viewer.user.id)
	if (!attempt) return null
	const instrument = instrumentOf(attempt)
	const order = orderFor(instrument, attempt.seed)
	const page = order.pages[attempt.page]
	if (!page) throw httpError(409, 'This assessment is in an unexpected state. Start it again from the assessment page.')
	const progress = pageProgress(order, attempt.page)
	if (page.kind === 'likert') {
		const items = page.itemIds.map((id) => ({ id, text: instrument.likertItems.find((i) => i.id === id)?.text ?? '' }))
		return { attempt, progress, kind: 'likert' as const, items }
	}
	const vignettes = page.vignetteIds.map((id) => {
		const v = instrument.vignettes.find((x) => x.id === id)
		return { id, setting: v?.setting ?? '', quote: v?.quote ?? '' }
	})
	return { attempt, progress, kind: 'cues' as const, vignettes }
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
): Promise<PageSubmission> {
	const attempt = await getInProgressAssessment(viewer.organisation.id, viewer.user.id)
	if (!attempt || attempt.page !== pageNumber) return { kind: 'stale' }
	const instrument = instrumentOf(attempt)
	const order = orderFor(instrument, attempt.seed)
	const page = order.pages[pageNumber]
	if (!page) return { kind: 'stale' }

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
		return { kind: 'invalid', errors, values: raw }
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

	if (!pageProgress(order, pageNumber).isLastPage) {
		return (await saveAssessmentPage(base)) ? { kind: 'saved' } : { kind: 'stale' }
	}
	// Stored answers are read back through the same schemas: every question, valid values.
	const allLikert = likertAnswersSchema(instrument, 'complete').safeParse({ ...attempt.answers, ...likert })
	const allCues = cueAnswersSchema(instrument, 'complete').safeParse({ ...attempt.cueAnswers, ...cues })
	if (!allLikert.success || !allCues.success) {
		throw httpError(409, 'Some saved answers are missing or unreadable. Please start the assessment again.')
	}
	const result = scoreAssessment({
		instrument,
		answers: allLikert.data,
		cueAnswers: allCues.data,
		order,
		pageTimings: [...attempt.pageTimings, timing].map((t) => ({ itemCount: t.items, durationMs: t.ms })),
	})
	const resultId = await completeAssessment({
		...base,
		result,
		style: placementCode(result.placement),
		angle: result.dot.angleDeg ?? 0,
		strength: result.dot.distance,
	})
	return resultId ? { kind: 'completed', resultId } : { kind: 'stale' }
}
