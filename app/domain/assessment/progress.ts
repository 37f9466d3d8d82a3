import type { AssessmentOrder } from '#app/domain/assessment/order.ts'

export type PageProgress = {
	pageIndex: number
	pageCount: number
	firstQuestion: number
	lastQuestion: number
	totalQuestions: number
	isLastPage: boolean
	percentBefore: number
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
	}
}
