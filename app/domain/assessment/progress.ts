import type { AdaptivePlan } from '#app/domain/assessment/adaptive.ts'
import type { AssessmentOrder } from '#app/domain/assessment/order.ts'

export type PageProgress = {
	pageIndex: number
	pageCount: number
	firstQuestion: number
	lastQuestion: number
	totalQuestions: number
	isLastPage: boolean
	percentBefore: number
	/** The total is a ceiling, not a count: the adaptive form may stop asking an axis early. */
	upTo: boolean
}

const pageSize = (page: AssessmentOrder['pages'][number]) =>
	page.kind === 'likert' ? page.itemIds.length : page.vignetteIds.length

// "Questions 9–16 of 56": numbering runs across Likert and cue-reading pages alike.
export function pageProgress(order: AssessmentOrder, pageIndex: number): PageProgress {
	const sizes = order.pages.map(pageSize)
	const totalQuestions = sizes.reduce((a, b) => a + b, 0)
	const before = sizes.slice(0, pageIndex).reduce((a, b) => a + b, 0)
	return {
		pageIndex,
		pageCount: sizes.length,
		firstQuestion: before + 1,
		lastQuestion: before + (sizes[pageIndex] ?? 0),
		totalQuestions,
		isLastPage: pageIndex === sizes.length - 1,
		percentBefore: totalQuestions === 0 ? 0 : Math.round((before / totalQuestions) * 100),
		upTo: false,
	}
}

/**
 * The adaptive form's progress: until the last statement page is known the total is "up to" the
 * most questions that can still come (so the line never promises fewer than it asks), and it
 * becomes exact once only the cue-reading pages are left.
 */
export function adaptivePageProgress(
	order: AssessmentOrder,
	pageIndex: number,
	plan: Pick<AdaptivePlan, 'finished' | 'maxRemaining'>,
	vignetteCount: number,
): PageProgress {
	const progress = pageProgress(order, pageIndex)
	if (plan.finished) return progress
	const totalQuestions = progress.totalQuestions + plan.maxRemaining + vignetteCount
	const before = progress.firstQuestion - 1
	return {
		...progress,
		totalQuestions,
		isLastPage: false,
		percentBefore: Math.round((before / totalQuestions) * 100),
		upTo: true,
	}
}
