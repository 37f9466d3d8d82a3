import { BALANCED_RADIUS, BLEND_BAND } from '#app/domain/assessment/placement.ts'
import { STYLE_NAMES, styleAt, type Style } from '#app/domain/style.ts'

// The style circle as plain inline SVG: renders on the server, needs no JavaScript, and takes
// its colours from currentColor so the page decides the palette. Every part carries a
// style-circle__ class for the stylesheet; there are no inline styles (the CSP forbids them).

/** Standard units (z) shown from the centre to the rim; dots further out are drawn on the rim. */
export const STYLE_CIRCLE_RIM_Z = 2.5

const R = 100
const toUnits = (z: number) => (z / STYLE_CIRCLE_RIM_Z) * R

export type StyleCirclePoint = {
	/** Responsiveness z: task (−) ← → people (+). */
	x: number
	/** Assertiveness z: asks (−) ↓ ↑ tells (+). */
	y: number
}

export type StyleCircleProps = {
	/** The current result; null draws the empty circle (no result yet). */
	dot: (StyleCirclePoint & { se?: { x: number; y: number } }) | null
	/** Earlier results, oldest first; drawn faded. */
	history?: (StyleCirclePoint & { label: string })[]
	/** Prefix for the ids that tie the title and description to the SVG; unique per page. */
	id?: string
	title?: string
	/** Replaces the generated description of where the dot is. */
	description?: string
	/** The report's own words for the result (headline and summary), computed by the page with the
	 * uncertainty region, so the picture's text alternative says what the report says. */
	placement?: { headline: string; body: string }
	className?: string
	/** Another person to show beside the dot (the pre-brief's customer): a labelled diamond. */
	other?: StyleCirclePoint & { label: string }
}

function position(point: StyleCirclePoint): { cx: number; cy: number; clamped: boolean } {
	const distance = Math.hypot(point.x, point.y)
	// Keep far-out dots just inside the rim so they stay visible.
	const limit = STYLE_CIRCLE_RIM_Z * 0.96
	const k = distance > limit ? limit / distance : 1
	return { cx: round(toUnits(point.x * k)), cy: round(-toUnits(point.y * k)), clamped: k < 1 }
}

function round(n: number): number {
	return Math.round(n * 100) / 100
}

// Without the page's words, name only where the dot sits: the placement rules and their text stay
// on the server (the learner pages' JavaScript budget).
function whereWords(dot: StyleCirclePoint): string {
	if (Math.hypot(dot.x, dot.y) < BALANCED_RADIUS) return 'Balanced.'
	const style = styleAt(dot.y, dot.x)
	return style ? `in the ${STYLE_NAMES[style]} quarter.` : 'on an axis between two styles.'
}

function defaultDescription(
	dot: StyleCircleProps['dot'],
	history: StyleCirclePoint[],
	placement?: { headline: string; body: string },
): string {
	const axes =
		'A circle with two axes: asks to tells from bottom to top, task to people from left to right. Director is top left, Energizer top right, Analyst bottom left and Harmonizer bottom right, with a blend zone around the centre and along the axes.'
	if (!dot) return `${axes} No result is shown yet.`
	const said = placement ? `${placement.headline}. ${placement.body}` : whereWords(dot)
	const earlier =
		history.length > 0 ? ` Faded dots show ${history.length} earlier result${history.length === 1 ? '' : 's'}.` : ''
	return `${axes} The dot shows your result: ${said} ${coordinates(dot)}${earlier}`
}

// The same numbers the picture plots, so a screen-reader user gets the position, not just its name.
function coordinates(dot: NonNullable<StyleCircleProps['dot']>): string {
	const n = (v: number) => (Math.round(Math.abs(v) * 10) / 10).toFixed(1)
	const vertical = `${n(dot.y)} toward ${dot.y >= 0 ? 'tells' : 'asks'}`
	const horizontal = `${n(dot.x)} toward ${dot.x >= 0 ? 'people' : 'task'}`
	const spread = dot.se ? `, give or take ${n(dot.se.y)} and ${n(dot.se.x)} (the shaded halo)` : ''
	return `Position: ${vertical} and ${horizontal}${spread}.`
}

// One path (bands along both axes plus the balanced disc, all drawn clockwise so the nonzero
// fill rule paints overlaps once) so the zone has an even shade.
function blendZonePath(): string {
	const w = round(toUnits(BLEND_BAND))
	// Bands end exactly on the rim: half-length = sqrt(R² − halfWidth²).
	const reach = round(Math.sqrt(R * R - w * w))
	const r = round(toUnits(BALANCED_RADIUS))
	return [
		`M${-w} ${-reach} H${w} V${reach} H${-w} Z`,
		`M${-reach} ${-w} H${reach} V${w} H${-reach} Z`,
		`M${r} 0 A${r} ${r} 0 1 1 ${-r} 0 A${r} ${r} 0 1 1 ${r} 0 Z`,
	].join(' ')
}

const QUADRANTS: { style: Style; path: string; label: { x: number; y: number } }[] = [
	{ style: 'director', path: `M0 0 L${-R} 0 A${R} ${R} 0 0 1 0 ${-R} Z`, label: { x: -52, y: -58 } },
	{ style: 'energizer', path: `M0 0 L0 ${-R} A${R} ${R} 0 0 1 ${R} 0 Z`, label: { x: 52, y: -58 } },
	{ style: 'harmonizer', path: `M0 0 L${R} 0 A${R} ${R} 0 0 1 0 ${R} Z`, label: { x: 52, y: 64 } },
	{ style: 'analyst', path: `M0 0 L0 ${R} A${R} ${R} 0 0 1 ${-R} 0 Z`, label: { x: -52, y: 64 } },
]

export function StyleCircle({
	dot,
	history = [],
	id = 'style-circle',
	title,
	description,
	placement,
	className,
	other,
}: StyleCircleProps) {
	const titleId = `${id}-title`
	const descId = `${id}-desc`
	const current = dot ? position(dot) : null
	return (
		<svg
			className={['style-circle', className].filter(Boolean).join(' ')}
			viewBox="-150 -124 300 248"
			role="img"
			aria-labelledby={`${titleId} ${descId}`}
		>
			<title id={titleId}>{title ?? 'Communication style circle'}</title>
			<desc id={descId}>{description ?? defaultDescription(dot, history, placement)}</desc>

			<g className="style-circle__quadrants">
				{QUADRANTS.map((q, i) => (
					<path
						key={q.style}
						className={`style-circle__quadrant style-circle__quadrant--${q.style}`}
						d={q.path}
						fill="currentColor"
						fillOpacity={i % 2 === 0 ? 0.05 : 0.09}
					/>
				))}
			</g>

			<path className="style-circle__blend" d={blendZonePath()} fill="currentColor" fillOpacity={0.1} />

			<circle className="style-circle__rim" r={R} fill="none" stroke="currentColor" strokeOpacity={0.5} />
			<g className="style-circle__axes" stroke="currentColor" strokeOpacity={0.45} strokeWidth={1}>
				<line x1={0} y1={-R} x2={0} y2={R} />
				<line x1={-R} y1={0} x2={R} y2={0} />
			</g>

			<g className="style-circle__axis-labels" fill="currentColor" fontSize={11}>
				<text x={0} y={-108} textAnchor="middle">
					tells
				</text>
				<text x={0} y={117} textAnchor="middle">
					asks
				</text>
				<text x={-106} y={4} textAnchor="end">
					task
				</text>
				<text x={106} y={4} textAnchor="start">
					people
				</text>
			</g>

			<g className="style-circle__labels" fill="currentColor" fontSize={12} fontWeight={600} textAnchor="middle">
				{QUADRANTS.map((q) => (
					<text
						key={q.style}
						className={`style-circle__label style-circle__label--${q.style}`}
						x={q.label.x}
						y={q.label.y}
					>
						{STYLE_NAMES[q.style]}
					</text>
				))}
			</g>

			{history.length > 0 ? (
				<g className="style-circle__history" fill="currentColor" fillOpacity={0.3}>
					{history.map((point, i) => {
						const p = position(point)
						return (
							<circle key={`${i}-${point.label}`} className="style-circle__history-dot" cx={p.cx} cy={p.cy} r={4}>
								<title>{point.label}</title>
							</circle>
						)
					})}
				</g>
			) : null}

			{other
				? (() => {
						const o = position(other)
						return (
							<g className="style-circle__other" fill="currentColor">
								<path d={`M${o.cx} ${o.cy - 7} L${o.cx + 7} ${o.cy} L${o.cx} ${o.cy + 7} L${o.cx - 7} ${o.cy} Z`} />
								<text x={o.cx} y={o.cy + 20} fontSize={11} textAnchor="middle">
									{other.label}
								</text>
							</g>
						)
					})()
				: null}

			{dot && current ? (
				<g className="style-circle__result">
					{dot.se ? (
						<ellipse
							className="style-circle__uncertainty"
							cx={current.cx}
							cy={current.cy}
							rx={round(Math.max(2, toUnits(dot.se.x)))}
							ry={round(Math.max(2, toUnits(dot.se.y)))}
							fill="currentColor"
							fillOpacity={0.15}
							stroke="currentColor"
							strokeOpacity={0.6}
							strokeDasharray="3 2"
						/>
					) : null}
					<circle
						className="style-circle__dot-ring"
						cx={current.cx}
						cy={current.cy}
						r={9}
						fill="none"
						stroke="currentColor"
						strokeWidth={1.5}
					/>
					<circle
						className={`style-circle__dot${current.clamped ? ' style-circle__dot--beyond' : ''}`}
						cx={current.cx}
						cy={current.cy}
						r={5.5}
						fill="currentColor"
					/>
				</g>
			) : null}
		</svg>
	)
}
