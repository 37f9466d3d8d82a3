import type { Comparison, Condition } from '#app/domain/roleplay/schema.ts'

export type PlayState = { meters: Record<string, number>; flags: Record<string, boolean> }

function compare(value: number, c: Comparison): boolean {
	return (
		(c.lt === undefined || value < c.lt) &&
		(c.lte === undefined || value <= c.lte) &&
		(c.gt === undefined || value > c.gt) &&
		(c.gte === undefined || value >= c.gte) &&
		(c.eq === undefined || value === c.eq)
	)
}

// Conditions are interpreted, never evaluated as code.
export function conditionHolds(condition: Condition | undefined, state: PlayState): boolean {
	if (!condition) return true
	return Object.entries(condition).every(([key, expected]) => {
		if (expected === undefined) return true
		if (key === 'any' && Array.isArray(expected)) return expected.some((c) => conditionHolds(c, state))
		if (typeof expected === 'boolean') return (state.flags[key] ?? false) === expected
		if (Array.isArray(expected)) return false
		const value = state.meters[key]
		return value !== undefined && compare(value, expected)
	})
}

// Names a condition refers to, for the checker's "undeclared meter or flag" rule.
export function conditionReferences(condition: Condition | undefined): Array<{ key: string; kind: 'meter' | 'flag'; path: Array<string | number> }> {
	if (!condition) return []
	return Object.entries(condition).flatMap(([key, value]) => {
		if (key === 'any' && Array.isArray(value)) {
			return value.flatMap((c, i) => conditionReferences(c).map((r) => ({ ...r, path: ['any', i, ...r.path] })))
		}
		if (value === undefined || Array.isArray(value)) return []
		return [{ key, kind: typeof value === 'boolean' ? ('flag' as const) : ('meter' as const), path: [key] }]
	})
}
