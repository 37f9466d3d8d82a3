import { createRandom } from '#app/domain/assessment/random.ts'
import type { LikertAnswers } from '#app/domain/assessment/answers.ts'
import { axisItems, type AxisItem, type Instrument } from '#app/domain/assessment/item-bank.ts'
import { rekey } from '#app/domain/assessment/keying.ts'
import { AXES, type Axis } from '#app/domain/style.ts'

// Classical item statistics for the admin's reliability page and for deriving norms.
// Only respondents who answered every item of an axis count towards that axis.

/** Below this many complete responses the figures are too noisy to show as more than a hint. */
export const MIN_RESPONSES_FOR_STATS = 50

/** The admin page shows an organisation's figures from this many results: fewer would rest on a handful of people. */
export const MIN_RESPONSES_FOR_DISPLAY = 30

export type ItemStat = {
	id: string
	text: string
	keying: AxisItem['keying']
	/** Mean of the answer as given (1..5), before re-keying. */
	mean: number
	sd: number
	/** Correlation of the re-keyed item with the sum of the other items of its axis; null if undefined. */
	correctedItemTotal: number | null
}

export type ScaleStats = {
	axis: Axis
	/** Complete responses used. */
	n: number
	enough: boolean
	alpha: number | null
	/** Mean and SD of the re-keyed axis mean (1..5). */
	scaleMean: number | null
	scaleSd: number | null
	items: ItemStat[]
}

export type ItemStatistics = { responses: number; axes: Record<Axis, ScaleStats> }

function mean(values: readonly number[]): number {
	let sum = 0
	for (const v of values) sum += v
	return sum / values.length
}

/** Sample variance (n − 1); 0 for fewer than two values. */
function variance(values: readonly number[]): number {
	if (values.length < 2) return 0
	const m = mean(values)
	let ss = 0
	for (const v of values) ss += (v - m) ** 2
	return ss / (values.length - 1)
}

export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
	const n = Math.min(xs.length, ys.length)
	if (n < 2) return null
	const mx = mean(xs.slice(0, n))
	const my = mean(ys.slice(0, n))
	let sxy = 0
	let sxx = 0
	let syy = 0
	for (let i = 0; i < n; i++) {
		const dx = (xs[i] as number) - mx
		const dy = (ys[i] as number) - my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if (sxx === 0 || syy === 0) return null
	return sxy / Math.sqrt(sxx * syy)
}

/** Cronbach's α for a respondents × items matrix; null when it is undefined (no spread, < 2 items). */
export function cronbachAlpha(matrix: readonly (readonly number[])[]): number | null {
	const k = matrix[0]?.length ?? 0
	if (k < 2 || matrix.length < 2) return null
	let itemVariances = 0
	for (let j = 0; j < k; j++) itemVariances += variance(matrix.map((row) => row[j] as number))
	const totalVariance = variance(matrix.map((row) => row.reduce((s, v) => s + v, 0)))
	if (totalVariance === 0) return null
	return (k / (k - 1)) * (1 - itemVariances / totalVariance)
}

function scaleStats(responses: readonly Readonly<LikertAnswers>[], items: AxisItem[], axis: Axis): ScaleStats {
	const matrix: number[][] = []
	const rawRows: number[][] = []
	for (const answers of responses) {
		const raw = items.map((item) => answers[item.id])
		if (raw.some((v) => v === undefined)) continue
		rawRows.push(raw as number[])
		matrix.push(items.map((item, j) => rekey(item, raw[j] as number)))
	}
	const n = matrix.length
	const totals = matrix.map((row) => row.reduce((s, v) => s + v, 0))
	const itemStats = items.map((item, j): ItemStat => {
		const column = rawRows.map((row) => row[j] as number)
		const keyedColumn = matrix.map((row) => row[j] as number)
		const rest = totals.map((t, i) => t - (keyedColumn[i] as number))
		return {
			id: item.id,
			text: item.text,
			keying: item.keying,
			mean: n > 0 ? mean(column) : Number.NaN,
			sd: Math.sqrt(variance(column)),
			correctedItemTotal: correlation(keyedColumn, rest),
		}
	})
	const scaleMeans = totals.map((t) => t / items.length)
	return {
		axis,
		n,
		enough: n >= MIN_RESPONSES_FOR_STATS,
		alpha: cronbachAlpha(matrix),
		scaleMean: n > 0 ? mean(scaleMeans) : null,
		scaleSd: n > 1 ? Math.sqrt(variance(scaleMeans)) : null,
		items: itemStats,
	}
}

/** Item means, corrected item–total correlations and Cronbach's α per axis, from many responses. */
export function itemStatistics(responses: readonly Readonly<LikertAnswers>[], instrument: Instrument): ItemStatistics {
	const axes = Object.fromEntries(
		AXES.map((axis) => [axis, scaleStats(responses, axisItems(instrument, axis), axis)]),
	) as Record<Axis, ScaleStats>
	return { responses: responses.length, axes }
}

/** Percentile bootstrap 95% interval for α (seeded, so the page shows the same figures on every load). */
export function alphaInterval(
	matrix: readonly (readonly number[])[],
	options: { resamples?: number; seed?: number } = {},
): { low: number; high: number } | null {
	const n = matrix.length
	if (n < 3) return null
	const random = createRandom(options.seed ?? 1)
	const values: number[] = []
	for (let b = 0; b < (options.resamples ?? 400); b++) {
		const sample = Array.from({ length: n }, () => matrix[random.int(n)] as readonly number[])
		const a = cronbachAlpha(sample)
		if (a !== null) values.push(a)
	}
	if (values.length < 10) return null
	values.sort((x, y) => x - y)
	const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))] as number
	return { low: at(0.025), high: at(0.975) }
}

/** Re-keyed answer rows for a set of items (complete rows only). */
export function keyedMatrix(
	responses: readonly Readonly<LikertAnswers>[],
	items: readonly { id: string; keying?: 'forward' | 'reverse' }[],
): number[][] {
	const rows: number[][] = []
	for (const answers of responses) {
		const row = items.map((item) => {
			const v = answers[item.id]
			return v === undefined ? undefined : item.keying === 'reverse' ? 6 - v : v
		})
		if (row.every((v) => v !== undefined)) rows.push(row as number[])
	}
	return rows
}
