import type { LineChart } from '#app/domain/feedback/charts.ts'

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
