import type { Choice, Scenario } from '#app/domain/scenario/schema.ts'

export type PathStep = { node: string; choice: string }

export type PlayContext = {
	meters: Record<string, number>
	flags: Record<string, boolean>
	path: PathStep[]
}

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

export function initialContext(scenario: Scenario): PlayContext {
	return {
		meters: Object.fromEntries(Object.entries(scenario.meters).map(([k, m]) => [k, m.start])),
		flags: Object.fromEntries((scenario.flags ?? []).map((f) => [f, false])),
		path: [],
	}
}

// One place for "what a choice does", shared by the machine and the checker's state search,
// so the two can never disagree. Meters are clamped to their declared range after the effect.
export function applyChoiceToContext(
	scenario: Scenario,
	context: PlayContext,
	node: string,
	choice: Choice,
): PlayContext {
	const meters = { ...context.meters }
	for (const [meter, delta] of Object.entries(choice.effects ?? {})) {
		const spec = Object.hasOwn(scenario.meters, meter) ? scenario.meters[meter] : undefined
		if (spec) meters[meter] = clamp((meters[meter] ?? spec.start) + delta, spec.min, spec.max)
	}
	const flags = { ...context.flags }
	for (const [flag, value] of Object.entries(choice.set ?? {})) if (Object.hasOwn(flags, flag)) flags[flag] = value
	return { meters, flags, path: [...context.path, { node, choice: choice.id }] }
}

// A cue moment moves nothing: it only takes a step, so the path (and the reply count) records it.
export function applyCueToContext(context: PlayContext, node: string, optionId: string): PlayContext {
	return { ...context, path: [...context.path, { node, choice: optionId }] }
}
