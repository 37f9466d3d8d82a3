import type { LineChart } from '#app/domain/feedback/charts.ts'
import type { MeterTrace } from '#app/domain/feedback/debrief.ts'

// Plain SVG from geometry computed in the loader (d3 runs on the server only).
export function MeterChart({ chart, title }: { chart: LineChart; title: string }) {
	return (
		<svg
			viewBox={`0 0 ${chart.width} ${chart.height}`}
			className="meter-chart"
			role="img"
			aria-labelledby="meter-chart-title"
			preserveAspectRatio="xMidYMid meet"
		>
			<title id="meter-chart-title">{title}</title>
			{chart.yTicks.map((t) => (
				<g key={t.label}>
					<line x1={34} x2={chart.width - 12} y1={t.y} y2={t.y} className="meter-chart__grid" />
					<text x={28} y={t.y + 4} textAnchor="end" className="meter-chart__tick">
						{t.label}
					</text>
				</g>
			))}
			{chart.xTicks.map((t) => (
				<text key={t.label} x={t.x} y={chart.height - 8} textAnchor="middle" className="meter-chart__tick">
					{t.label}
				</text>
			))}
			{chart.threshold ? (
				<line
					x1={34}
					x2={chart.width - 12}
					y1={chart.threshold.y}
					y2={chart.threshold.y}
					className="meter-chart__threshold"
				/>
			) : null}
			{chart.lines.map((l, i) => (
				<g key={l.id} className={`meter-chart__series meter-chart__series--${i}`}>
					<path d={l.d} fill="none" />
					<circle cx={l.last.x} cy={l.last.y} r={3} />
				</g>
			))}
		</svg>
	)
}

export function Sparkline({ d, label }: { d: string; label: string }) {
	return (
		<svg viewBox="0 0 120 28" className="sparkline" role="img" aria-label={label}>
			<path d={d} fill="none" />
		</svg>
	)
}

// The chart's numbers, for screen readers and for anyone who wants the exact values.
export function MeterTable({ meters }: { meters: MeterTrace[] }) {
	return (
		<details>
			<summary className="small">The meters as a table</summary>
			<table className="small data-table">
				<caption className="visually-hidden">Meter values after each reply</caption>
				<thead>
					<tr>
						<th scope="col">After</th>
						{meters.map((m) => (
							<th scope="col" key={m.id}>
								{m.label}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{meters[0]?.values.map((_, i) => (
						<tr key={i}>
							<th scope="row">{i === 0 ? 'Start' : `Reply ${i}`}</th>
							{meters.map((m) => (
								<td key={m.id}>{m.values[i]}</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</details>
	)
}
