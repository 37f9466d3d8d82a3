import type { Prebrief, Scenario } from '#app/domain/scenario/schema.ts'
import { STYLE_NAMES, STYLE_SIGNS, type Style } from '#app/domain/style.ts'

// "You and this customer": what the intro page shows before a role-play and the debrief comes
// back to. Pure: the learner's styles come from their latest assessment result (or none).

export type Tip = Prebrief['tips'][number]

/** One thing to try: the first tip for one of the learner's styles, else the first for everyone, else the first. */
export function pickTip(prebrief: Prebrief | undefined, learnerStyles: readonly Style[]): Tip | undefined {
	if (!prebrief) return undefined
	const tips = prebrief.tips
	return tips.find((t) => t.for?.some((s) => learnerStyles.includes(s))) ?? tips.find((t) => !t.for) ?? tips[0]
}

const AXIS_GAP = {
	assertiveness: (you: Style, them: Style) =>
		STYLE_SIGNS[you].assertiveness > 0
			? `You tend to tell and move fast; ${STYLE_NAMES[them]}s tend to ask and take their time.`
			: `You tend to ask and take your time; ${STYLE_NAMES[them]}s tend to tell and move fast.`,
	responsiveness: (you: Style, them: Style) =>
		STYLE_SIGNS[you].responsiveness > 0
			? `You lead with the relationship; ${STYLE_NAMES[them]}s lead with the task.`
			: `You lead with the task; ${STYLE_NAMES[them]}s lead with the relationship.`,
}

/** Where the learner's style and the customer's pull apart: the scenario's own lines, else a line per axis they differ on. */
export function apartLines(scenario: Pick<Scenario, 'prebrief' | 'persona'>, learner: Style): string[] {
	const authored = scenario.prebrief?.apart?.[learner]
	if (authored?.length) return authored
	const them = scenario.persona.style
	const lines = (['assertiveness', 'responsiveness'] as const)
		.filter((axis) => STYLE_SIGNS[learner][axis] !== STYLE_SIGNS[them][axis])
		.map((axis) => AXIS_GAP[axis](learner, them))
	return lines.length
		? lines
		: [`You share ${STYLE_NAMES[them]} habits: watch for the same blind spots in you both, especially under pressure.`]
}

export type PrebriefView = {
	customer: { name: string; style: Style }
	/** null: no assessment result, so the page shows the persona's brief and an invitation. */
	you: { styles: Style[]; dot: { x: number; y: number }; apart: string[] } | null
	tip: { id: string; text: string } | null
}

export function prebriefView(
	scenario: Pick<Scenario, 'prebrief' | 'persona'>,
	learner: { styles: Style[]; dot: { x: number; y: number } } | null,
): PrebriefView {
	const styles = learner?.styles ?? []
	const tip = pickTip(scenario.prebrief, styles)
	// A balanced learner (no style) still gets the tip for everyone, but no "pull apart" lines.
	const apart = styles[0] ? apartLines(scenario, styles[0]) : []
	return {
		customer: { name: scenario.persona.name, style: scenario.persona.style },
		you: learner ? { styles, dot: learner.dot, apart } : null,
		tip: tip ? { id: tip.id, text: tip.text } : null,
	}
}
