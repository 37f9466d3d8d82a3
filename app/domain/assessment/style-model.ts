// The communication-style model (DESIGN.md §1): two continuous axes, four named regions of the
// circle they span, and the four "backup" reactions under stress. Everything else in the
// assessment builds on these names, so they live apart from any one instrument version.

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
