import { nodeSubtitle, type MapLayout } from '#app/domain/scenario/map.ts'

// Draws a map laid out on the server. Colours are presentation attributes, not inline styles:
// the production CSP allows no inline style, and the SVG needs no script.

const OUTCOME_COLOURS: Record<string, { fill: string; stroke: string; ink: string }> = {
	resolved: { fill: '#e6f4ec', stroke: '#2e7d4f', ink: '#1d5535' },
	partly_resolved: { fill: '#fdf4dc', stroke: '#9a6b00', ink: '#6b4a00' },
	escalated: { fill: '#f1e8f8', stroke: '#6b3fa0', ink: '#4a2b70' },
	lost: { fill: '#fcebea', stroke: '#b3261e', ink: '#8a1d17' },
}
const OUTCOME_NAMES: Record<string, string> = {
	resolved: 'Resolved',
	partly_resolved: 'Partly resolved',
	escalated: 'Escalated',
	lost: 'Customer lost',
}

export function OutcomeSwatch({ outcome }: { outcome: string }) {
	const c = OUTCOME_COLOURS[outcome] ?? TURN
	return (
		<svg className="outcome-swatch" width="28" height="16" aria-hidden="true" focusable="false">
			<rect x="1" y="1" width="26" height="14" rx="7" fill={c.fill} stroke={c.stroke} strokeWidth="1.5" />
		</svg>
	)
}

// The key drawn with the same colours as the map's endings.
export function MapLegend() {
	return (
		<ul className="map-legend small" aria-label="Ending colours">
			{Object.keys(OUTCOME_COLOURS).map((outcome) => (
				<li key={outcome}>
					<OutcomeSwatch outcome={outcome} /> {OUTCOME_NAMES[outcome]}
				</li>
			))}
		</ul>
	)
}

const TURN = { fill: '#ffffff', stroke: '#2f5d8a', ink: '#1b2230' }
const BRANCH = { fill: '#f6f7f9', stroke: '#6b7588', ink: '#1b2230' }

const pathOf = (points: Array<{ x: number; y: number }>) =>
	points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ')

export function ScenarioMap({ layout, title }: { layout: MapLayout; title: string }) {
	return (
		<svg
			className="scenario-map__svg"
			xmlns="http://www.w3.org/2000/svg"
			width={layout.width}
			height={layout.height}
			viewBox={`0 0 ${layout.width} ${layout.height}`}
			role="img"
			aria-labelledby="scenario-map-title"
			fontFamily="system-ui, -apple-system, 'Segoe UI', Arial, sans-serif"
		>
			<title id="scenario-map-title">{`Map of “${title}”: ${layout.nodes.length} steps. The outline below lists the same steps as text.`}</title>
			<defs>
				<marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
					<path d="M0 0 L10 5 L0 10 z" fill="#4a5568" />
				</marker>
			</defs>
			<g>
				{layout.edges.map((e) => (
					<path
						key={e.id}
						d={pathOf(e.points)}
						fill="none"
						stroke={e.conditional ? '#6b7588' : '#4a5568'}
						strokeWidth={1.4}
						strokeDasharray={e.conditional ? '5 4' : undefined}
						markerEnd="url(#map-arrow)"
					/>
				))}
			</g>
			<g>
				{layout.edges.map((e) =>
					e.labelBox ? (
						<g key={e.id} className="scenario-map__label">
							<title>{e.label}</title>
							<rect
								x={e.labelBox.x}
								y={e.labelBox.y}
								width={e.labelBox.width}
								height={e.labelBox.height}
								rx={4}
								fill="#ffffff"
								fillOpacity={0.92}
							/>
							<text
								x={e.labelBox.x + e.labelBox.width / 2}
								y={e.labelBox.y + e.labelBox.height / 2}
								dominantBaseline="central"
								textAnchor="middle"
								fontSize={12}
								fill={e.conditional ? '#4a2b70' : '#2d3748'}
								fontStyle={e.conditional ? 'italic' : undefined}
							>
								{e.labelBox.text}
							</text>
						</g>
					) : null,
				)}
			</g>
			<g>
				{layout.nodes.map((n) => {
					const colours =
						n.kind === 'ending' ? (OUTCOME_COLOURS[n.outcome ?? ''] ?? TURN) : n.kind === 'branch' ? BRANCH : TURN
					const cx = n.x + n.width / 2
					return (
						<g key={n.id} className={`scenario-map__node scenario-map__node--${n.kind}`} data-node={n.id}>
							<title>
								{`${n.id} (${n.kind}${n.start ? ', start' : ''}${n.outOfTime ? ', out of time' : ''}): ${n.detail}${
									n.problems.length ? `; problems ${n.problems.join(', ')}` : ''
								}`}
							</title>
							{n.kind === 'branch' ? (
								<polygon
									points={[
										[n.x + 14, n.y],
										[n.x + n.width - 14, n.y],
										[n.x + n.width, n.y + n.height / 2],
										[n.x + n.width - 14, n.y + n.height],
										[n.x + 14, n.y + n.height],
										[n.x, n.y + n.height / 2],
									]
										.map((p) => p.join(','))
										.join(' ')}
									fill={colours.fill}
									stroke={colours.stroke}
									strokeWidth={1.5}
									strokeDasharray="4 3"
								/>
							) : (
								<rect
									x={n.x}
									y={n.y}
									width={n.width}
									height={n.height}
									rx={n.kind === 'ending' ? n.height / 2 : 8}
									fill={colours.fill}
									stroke={colours.stroke}
									strokeWidth={n.start ? 3 : 1.5}
								/>
							)}
							<text x={cx} y={n.y + 18} textAnchor="middle" fontSize={14} fontWeight={700} fill={colours.ink}>
								{n.id}
							</text>
							<text x={cx} y={n.y + 35} textAnchor="middle" fontSize={12} fill={colours.ink}>
								{nodeSubtitle(n)}
							</text>
							{n.problems.length > 0 ? (
								<g>
									<circle cx={n.x + n.width - 4} cy={n.y + 4} r={11} fill="#9a6b00" stroke="#ffffff" strokeWidth={2} />
									<text
										x={n.x + n.width - 4}
										y={n.y + 4}
										dominantBaseline="central"
										textAnchor="middle"
										fontSize={12}
										fontWeight={700}
										fill="#ffffff"
									>
										{n.problems.length > 1 ? `${n.problems[0]}+` : n.problems[0]}
									</text>
								</g>
							) : null}
						</g>
					)
				})}
			</g>
		</svg>
	)
}
