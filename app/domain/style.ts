// The one style vocabulary (the model: docs/assessment.md): two continuous axes, four named regions
// of the circle they span, and the four "backup" reactions under stress. The assessment, the scenario schema,
// the catalogue and the feedback all import these names, so they cannot drift apart.

export const AXES = ['assertiveness', 'responsiveness'] as const
export type Axis = (typeof AXES)[number]

export const STYLES = ['director', 'energizer', 'harmonizer', 'analyst'] as const
export type Style = (typeof STYLES)[number]

export const STRESS_REACTIONS = ['take_over', 'push_harder', 'give_in', 'withdraw'] as const
export type StressReaction = (typeof STRESS_REACTIONS)[number]

export const AXIS_LABELS: Record<Axis, { name: string; low: string; high: string }> = {
	assertiveness: { name: 'Assertiveness', low: 'asks', high: 'tells' },
	responsiveness: { name: 'Responsiveness', low: 'task', high: 'people' },
}

export const STYLE_NAMES: Record<Style, string> = {
	director: 'Director',
	energizer: 'Energizer',
	harmonizer: 'Harmonizer',
	analyst: 'Analyst',
}

export const STRESS_REACTION_NAMES: Record<StressReaction, string> = {
	take_over: 'Take over',
	push_harder: 'Push harder',
	give_in: 'Give in',
	withdraw: 'Withdraw',
}

export const STYLE_DESCRIPTIONS: Record<Style, string> = {
	director: 'Tells and stays on the task: wants results, speed and control.',
	energizer: 'Tells and puts people first: wants recognition, ideas and energy.',
	harmonizer: 'Asks and puts people first: wants safety, harmony and support.',
	analyst: 'Asks and stays on the task: wants accuracy, data and process.',
}

export const STRESS_REACTION_DESCRIPTIONS: Record<StressReaction, string> = {
	take_over: 'Takes control of the conversation and decides for the other person.',
	push_harder: 'Argues, over-talks or attacks to win the point.',
	give_in: 'Concedes or agrees too easily to make the tension stop.',
	withdraw: 'Goes quiet, retreats into detail or avoids the issue.',
}

// Which side of each axis a style sits on: +1 = tells / people, -1 = asks / task.
export const STYLE_SIGNS: Record<Style, { assertiveness: 1 | -1; responsiveness: 1 | -1 }> = {
	director: { assertiveness: 1, responsiveness: -1 },
	energizer: { assertiveness: 1, responsiveness: 1 },
	harmonizer: { assertiveness: -1, responsiveness: 1 },
	analyst: { assertiveness: -1, responsiveness: -1 },
}

// Each style's typical backup reaction, used to connect a stress profile to the style it echoes.
export const STYLE_BACKUP: Record<Style, StressReaction> = {
	director: 'take_over',
	energizer: 'push_harder',
	harmonizer: 'give_in',
	analyst: 'withdraw',
}

/** The style whose quadrant holds a point; null on an axis (no side can be named). */
export function styleAt(assertiveness: number, responsiveness: number): Style | null {
	if (assertiveness === 0 || responsiveness === 0) return null
	if (assertiveness > 0) return responsiveness < 0 ? 'director' : 'energizer'
	return responsiveness > 0 ? 'harmonizer' : 'analyst'
}
