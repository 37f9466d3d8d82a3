import type { LikertAnswers, LikertResponses } from '#app/domain/assessment/answers.ts'
import {
	LIKERT_MAX,
	LIKERT_MIN,
	NOT_APPLICABLE,
	axisItems,
	type AxisItem,
	type Instrument,
} from '#app/domain/assessment/item-bank.ts'
import type { Axis } from '#app/domain/style.ts'

/** The answer on the axis's own direction: 5 on a reverse item ("I let others set the pace") counts as 1. */
export function rekey(item: AxisItem, value: number): number {
	return item.keying === 'reverse' ? LIKERT_MIN + LIKERT_MAX - value : value
}

/** Mean of the re-keyed items of one axis (1..5), or null when any of them is unanswered. Items in
 * `skip` (pairs dropped by "doesn't apply") are left out. */
export function rawAxisScore(
	answers: Readonly<LikertAnswers>,
	instrument: Instrument,
	axis: Axis,
	skip: ReadonlySet<string> = new Set(),
): number | null {
	const items = axisItems(instrument, axis).filter((item) => !skip.has(item.id))
	let sum = 0
	for (const item of items) {
		const value = answers[item.id]
		if (value === undefined) return null
		sum += rekey(item, value)
	}
	return items.length === 0 ? null : sum / items.length
}

/**
 * The answers that count. A "doesn't apply" drops its statement and, on an axis, the statement's
 * antonym partner too, so the axis stays balanced between forward and reverse keying. `skipped` lists
 * every statement left out, so scoring can tell a dropped pair from an unanswered one.
 */
export function applicableAnswers(
	responses: Readonly<LikertResponses>,
	instrument: Instrument,
): { answers: LikertAnswers; notApplicable: string[]; skipped: Set<string> } {
	const notApplicable = Object.keys(responses).filter((id) => responses[id] === NOT_APPLICABLE)
	const skipped = new Set(notApplicable)
	for (const item of instrument.likertItems) {
		if (item.kind !== 'axis' || !item.antonymOf) continue
		if (skipped.has(item.id) || skipped.has(item.antonymOf)) {
			skipped.add(item.id)
			skipped.add(item.antonymOf)
		}
	}
	const answers: LikertAnswers = {}
	for (const [id, value] of Object.entries(responses)) {
		if (!skipped.has(id) && value !== NOT_APPLICABLE) answers[id] = value
	}
	return { answers, notApplicable, skipped }
}
