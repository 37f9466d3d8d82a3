import { scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'
import type { LineChart } from '#app/domain/feedback/charts.ts'

// A skill level over the attempts a coach may see (0..1 levels drawn as 0..100), computed on the
// server: the page ships the SVG path, not d3.
export function skillTrendChart(input: { id: string; label: string; levels: readonly number[] }): LineChart {
	const width = 320
	const height = 120
	const pad = { left: 34, right: 12, top: 10, bottom: 26 }
	const steps = Math.max(1, input.levels.length - 1)
	const x = scaleLinear()
		.domain([0, steps])
		.range([pad.left, width - pad.right])
	const y = scaleLinear()
		.domain([0, 100])
		.range([height - pad.bottom, pad.top])
	const values = input.levels.map((l) => Math.round(l * 100))
	// One point draws as a short flat line, so a single attempt is still visible.
	const points = values.length === 1 ? [values[0]!, values[0]!] : values
	const path = line<number>()
		.x((_, i) => x(values.length === 1 ? i * steps : i))
		.y((v) => y(v))
	const i = Math.max(0, values.length - 1)
	return {
		width,
		height,
		lines: [
			{
				id: input.id,
				label: input.label,
				d: path(points) ?? '',
				last: { x: x(values.length === 1 ? steps : i), y: y(values[i] ?? 0), value: values[i] ?? 0 },
			},
		],
		// Ticks number the attempts; a single attempt has one.
		xTicks:
			values.length === 1
				? [{ x: x(0), label: '1' }]
				: x
						.ticks(Math.min(steps, 6))
						.filter(Number.isInteger)
						.map((t) => ({ x: x(t), label: String(t + 1) })),
		yTicks: [0, 50, 100].map((t) => ({ y: y(t), label: String(t) })),
		threshold: null,
	}
}
