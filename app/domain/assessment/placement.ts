import type { Placement, StyleDot } from '#app/domain/assessment/result.ts'
import { STYLE_NAMES, styleAt, type Style } from '#app/domain/style.ts'

// Imports no zod (only types from result.ts): the style circle runs this in the browser, and the
// learner pages' JavaScript budget (docs/architecture.md) leaves no room for a validation library.

/** Inside this distance from the centre (standard units) the report says "balanced". */
export const BALANCED_RADIUS = 0.5
/** Within this distance of an axis the report names a blend of the two styles either side. */
export const BLEND_BAND = 0.3
/** Distance bands for a clear style: below 1 "mild", below 1.75 "clear", beyond that "strong". */
export const STRENGTH_BANDS = { clear: 1, strong: 1.75 } as const

/** The region drawn around the dot is this many standard errors wide on each axis. Calibrated by
 * simulation so that about 85% of retest dots fall inside it (docs/assessment.md §4). */
export const REGION_SE_MULTIPLE = 2.65

/** The uncertainty region around a dot: an ellipse with these radii (standard units). */
export function uncertaintyRegion(dot: Pick<StyleDot, 'se'>): { rx: number; ry: number } {
	return { rx: REGION_SE_MULTIPLE * dot.se.x, ry: REGION_SE_MULTIPLE * dot.se.y }
}

/** Balanced near the centre, a blend near an axis, otherwise a style with a strength. */
export function classifyDot(
	dot: Pick<StyleDot, 'x' | 'y' | 'distance'>,
	/** The uncertainty region; when it crosses a quadrant line, a style is only "leaning". */
	region?: { rx: number; ry: number },
): Placement {
	const nearVertical = Math.abs(dot.x) < BLEND_BAND // between task and people
	const nearHorizontal = Math.abs(dot.y) < BLEND_BAND // between asks and tells
	if (dot.distance < BALANCED_RADIUS || (nearVertical && nearHorizontal)) return { kind: 'balanced' }
	const leaning = styleAt(dot.y, dot.x)
	if (nearVertical) {
		const styles: [Style, Style] = dot.y > 0 ? ['director', 'energizer'] : ['analyst', 'harmonizer']
		return { kind: 'blend', styles, leaning }
	}
	if (nearHorizontal) {
		const styles: [Style, Style] = dot.x > 0 ? ['energizer', 'harmonizer'] : ['director', 'analyst']
		return { kind: 'blend', styles, leaning }
	}
	// Off both axes, so styleAt cannot be null here.
	const style = leaning as Style
	const crossesLine = region !== undefined && (Math.abs(dot.x) < region.rx || Math.abs(dot.y) < region.ry)
	const strength = crossesLine
		? 'mild'
		: dot.distance >= STRENGTH_BANDS.strong
			? 'strong'
			: dot.distance >= STRENGTH_BANDS.clear
				? 'clear'
				: 'mild'
	return { kind: 'style', style, strength }
}

/** The one-line summary of each placement; the report's profiles (report-content.ts) reuse them. */
export const PLACEMENT_SUMMARIES: Record<Style | 'balanced', string> = {
	director:
		'You describe yourself as setting a brisk pace, saying what you think, and keeping conversations pointed at the result.',
	energizer:
		'You describe yourself as bringing energy and ideas, talking readily, and winning people over with enthusiasm.',
	harmonizer:
		'You describe yourself as listening well, putting people at ease, and looking for solutions everyone can live with.',
	analyst:
		'You describe yourself as thinking before you speak, valuing accuracy, and liking decisions that are backed by facts.',
	balanced:
		'Your answers put you near the centre of the circle: no strong pull toward asking or telling, or toward task or people.',
}

/** Headline and explanation of where the dot is, with blend and balanced wording. */
export function describePlacement(placement: Placement): { headline: string; body: string } {
	switch (placement.kind) {
		case 'balanced':
			return { headline: 'Balanced', body: PLACEMENT_SUMMARIES.balanced }
		case 'blend': {
			const [a, b] = placement.styles
			const key = [a, b].sort().join('+')
			const where: Record<string, string> = {
				'director+energizer': 'You tell more than you ask, and sit between a task focus and a people focus.',
				'analyst+harmonizer': 'You ask more than you tell, and sit between a task focus and a people focus.',
				'energizer+harmonizer': 'You focus on people, and sit between asking and telling.',
				'analyst+director': 'You focus on the task, and sit between asking and telling.',
			}
			const leaning = placement.leaning ? ` You lean slightly toward ${STYLE_NAMES[placement.leaning]}.` : ''
			return {
				headline: `A blend of ${STYLE_NAMES[a]} and ${STYLE_NAMES[b]}`,
				body: `${where[key] ?? ''}${leaning}`.trim(),
			}
		}
		case 'style': {
			const name = STYLE_NAMES[placement.style]
			const headline =
				placement.strength === 'strong'
					? `Strongly ${name}`
					: placement.strength === 'mild'
						? `Leaning toward ${name}`
						: name
			return { headline, body: PLACEMENT_SUMMARIES[placement.style] }
		}
	}
}
