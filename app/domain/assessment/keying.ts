import type { LikertAnswers } from '#app/domain/assessment/answers.ts'
import { LIKERT_MAX, LIKERT_MIN, axisItems, type AxisItem, type Instrument } from '#app/domain/assessment/item-bank.ts'
import type { Axis } from '#app/domain/style.ts'

/** The answer on the axis's own direction: 5 on a reverse item ("I let others set the pace") counts as 1. */
export function rekey(item: AxisItem, value: number): number {
	return item.keying === 'reverse' ? LIKERT_MIN + LIKERT_MAX - value : value
}

/** Mean of the re-keyed items of one axis (1..5), or null when any of them is unanswered. */
export function rawAxisScore(answers: Readonly<LikertAnswers>, instrument: Instrument, axis: Axis): number | null {
	const items = axisItems(instrument, axis)
	let sum = 0
	for (const item of items) {
		const value = answers[item.id]
		if (value === undefined) return null
		sum += rekey(item, value)
	}
	return items.length === 0 ? null : sum / items.length
}
