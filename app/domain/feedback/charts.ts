import { scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'

// Chart geometry computed on the server (in loaders), so the page ships SVG path strings and
// no charting code: d3 stays out of the learner's JavaScript budget.

export type LineChart = {
	width: number
	height: number
	lines: Array<{ id: string; label: string; d: string; last: { x: number; y: number; value: number } }>
	xTicks: Array<{ x: number; label: string }>
	yTicks: Array<{ y: number; label: string }>
	threshold: { y: number; label: string } | null
}

export function meterChart(input: {
	meters: Array<{ id: string; label: string; min: number; max: number; values: number[] }>
	pressure: { meter: string; below: number }
	width?: number
	height?: number
}): LineChart {
	const width = input.width ?? 560
	const height = input.height ?? 200
	const pad = { left: 34, right: 12, top: 10, bottom: 26 }
	const steps = Math.max(1, ...input.meters.map((m) => m.values.length - 1))
	const min = Math.min(...input.meters.map((m) => m.min))
	const max = Math.max(...input.meters.map((m) => m.max))
	const x = scaleLinear()
		.domain([0, steps])
		.range([pad.left, width - pad.right])
	const y = scaleLinear()
		.domain([min, max])
		.range([height - pad.bottom, pad.top])
	const path = line<number>()
		.x((_, i) => x(i))
		.y((v) => y(v))
	const pressureMeter = input.meters.find((m) => m.id === input.pressure.meter)
	return {
		width,
		height,
		lines: input.meters.map((m) => {
			const i = m.values.length - 1
			return {
				id: m.id,
				label: m.label,
				d: path(m.values) ?? '',
				last: { x: x(i), y: y(m.values[i] ?? 0), value: m.values[i] ?? 0 },
			}
		}),
		xTicks: x
			.ticks(Math.min(steps, 10))
			.filter(Number.isInteger)
			.map((t) => ({ x: x(t), label: t === 0 ? 'start' : String(t) })),
		yTicks: y.ticks(4).map((t) => ({ y: y(t), label: String(t) })),
		threshold: pressureMeter ? { y: y(input.pressure.below), label: `${pressureMeter.label} pressure line` } : null,
	}
}

/** A sparkline path for values in 0..1 (skill level trends). */
export function sparkline(values: readonly number[], width = 120, height = 28): string {
	if (values.length === 0) return ''
	const x = scaleLinear()
		.domain([0, Math.max(1, values.length - 1)])
		.range([2, width - 2])
	const y = scaleLinear()
		.domain([0, 1])
		.range([height - 2, 2])
	const pts = values.length === 1 ? [values[0]!, values[0]!] : [...values]
	if (values.length === 1) x.domain([0, 1])
	return (
		line<number>()
			.x((_, i) => x(i))
			.y((v) => y(v))(pts) ?? ''
	)
}
