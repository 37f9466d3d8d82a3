import { conditionHolds, type Condition, type ConditionState } from '#app/domain/scenario/conditions.ts'
import {
	DEFAULT_CUE_QUESTION,
	UNDER_PRESSURE,
	type Choice,
	type CueNode,
	type Lines,
	type Scenario,
	type TurnNode,
	type Variant,
} from '#app/domain/scenario/schema.ts'
import { STYLE_NAMES, STYLES, type Style } from '#app/domain/style.ts'

// Customers who react: which line variant a node shows, and what a cue moment asks and expects.
// Pure functions of the scenario and the meters/flags when the node is entered, so the play page,
// a reload, the debrief and the checker all agree on what was shown.

/** `under_pressure`: the scenario's pressure meter is below its threshold (DESIGN §7). */
export const pressureCondition = (scenario: Pick<Scenario, 'pressure'>): Condition => ({
	[scenario.pressure.meter]: { lt: scenario.pressure.below },
})

export function variantCondition(scenario: Pick<Scenario, 'pressure'>, when: Variant['when']): Condition | undefined {
	return when === UNDER_PRESSURE ? pressureCondition(scenario) : when
}

/** The index of the variant shown in this state: the first whose `when` holds, else the default (last). Plain text is 0. */
export function variantIndex(scenario: Pick<Scenario, 'pressure'>, lines: Lines, state: ConditionState): number {
	if (typeof lines === 'string') return 0
	const i = lines.findIndex((v) => v.when !== undefined && conditionHolds(variantCondition(scenario, v.when), state))
	return i === -1 ? lines.length - 1 : i
}

export function lineAt(lines: Lines, index: number): string {
	if (typeof lines === 'string') return lines
	return (lines[index] ?? lines[lines.length - 1]!).text
}

/** Which variants a node showed; absent for plain lines. Stored with each decision. */
export type ShownVariants = { says?: number; narration?: number }

export type TurnLines = { says: string; narration?: string; shown: ShownVariants }

export function turnLines(scenario: Pick<Scenario, 'pressure'>, node: TurnNode, state: ConditionState): TurnLines {
	const shown: ShownVariants = {}
	const saysIndex = variantIndex(scenario, node.says, state)
	if (typeof node.says !== 'string') shown.says = saysIndex
	let narration: string | undefined
	if (node.narration !== undefined) {
		const n = variantIndex(scenario, node.narration, state)
		if (typeof node.narration !== 'string') shown.narration = n
		narration = lineAt(node.narration, n)
	}
	return { says: lineAt(node.says, saysIndex), narration, shown }
}

export const hasVariants = (shown: ShownVariants) => shown.says !== undefined || shown.narration !== undefined

// ── Cue moments ──────────────────────────────────────────────────────────────

export type CueOption = { id: string; text: string }

export const cueQuestion = (node: CueNode) => node.question ?? DEFAULT_CUE_QUESTION

export function cueOptions(node: CueNode): CueOption[] {
	if (node.options === 'styles') return STYLES.map((s) => ({ id: s, text: STYLE_NAMES[s] }))
	return node.options.map((o) => ({ id: o.id, text: o.text }))
}

export type CueReading = { answer: string; why: string }

/** The right reading of the line the learner is about to answer: the shown variant's, else the node's. */
export function cueReading(scenario: Scenario, node: CueNode, state: ConditionState): CueReading {
	const target = scenario.nodes[node.to]
	if (target?.type === 'turn' && typeof target.says !== 'string') {
		const variant = target.says[variantIndex(scenario, target.says, state)]
		if (variant?.cue) return { answer: variant.cue.answer, why: variant.cue.why }
	}
	return { answer: node.answer ?? scenario.persona.style, why: node.why }
}

// Evidence for the cue_reading skill: a right reading is worth as much as a best reply, a wrong
// one counts against it, so a guess at random scores below half.
export const CUE_EVIDENCE = { right: 2, wrong: -1 } as const

/**
 * A cue moment's options as replies, for the code that already understands replies (the
 * debrief's skill scores and "a better reply"). Flex does not apply: `neutral`, and the
 * debrief leaves cue steps out of the style-flex rate.
 */
export function cueChoices(scenario: Scenario, node: CueNode, state: ConditionState): Choice[] {
	const reading = cueReading(scenario, node, state)
	const options = cueOptions(node)
	return options.map((o) => ({
		id: o.id,
		text: o.text,
		to: node.to,
		flex: 'neutral',
		evidence: { cue_reading: o.id === reading.answer ? CUE_EVIDENCE.right : CUE_EVIDENCE.wrong },
		why: reading.why,
	}))
}

export const isStyle = (s: string): s is Style => (STYLES as readonly string[]).includes(s)
