import { z } from 'zod'

// Conditions are data, never code: `{ patience: { lt: 20 }, refund_promised: false }` means
// "patience below 20 AND the flag is false"; `any: [cond, cond]` is the only way to say OR.

export const comparisonOperators = ['lt', 'lte', 'gt', 'gte', 'eq'] as const
export type ComparisonOperator = (typeof comparisonOperators)[number]
export type Comparison = Partial<Record<ComparisonOperator, number>>

export type ConditionValue = Comparison | boolean | readonly Condition[]
export type Condition = { readonly [key: string]: ConditionValue }

// What a condition is evaluated against; the machine context is a superset of it.
export type ConditionState = {
	readonly meters: Readonly<Record<string, number>>
	readonly flags: Readonly<Record<string, boolean>>
}

export const NAME_PATTERN = /^[a-z][a-z0-9_]*$/
// Deep nesting of `any` is never needed in a conversation and would only make conditions unreadable.
const MAX_CONDITION_DEPTH = 4

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v)

type Report = (path: Array<string | number>, message: string) => void

function validateCondition(value: unknown, path: Array<string | number>, depth: number, report: Report): void {
	if (!isPlainObject(value)) {
		report(path, 'must be a condition, like { patience: { lt: 20 } } or { refund_promised: true }')
		return
	}
	const entries = Object.entries(value)
	if (entries.length === 0) report(path, 'an empty condition says nothing: name at least one meter or flag')
	for (const [key, v] of entries) {
		const at = [...path, key]
		if (key === 'any') {
			if (!Array.isArray(v) || v.length === 0) {
				report(at, '`any` must be a list of conditions, like any: [ { patience: { lt: 20 } }, { upset: true } ]')
				continue
			}
			if (depth >= MAX_CONDITION_DEPTH) {
				report(at, `\`any\` is nested too deeply (at most ${MAX_CONDITION_DEPTH} levels)`)
				continue
			}
			v.forEach((inner, i) => validateCondition(inner, [...at, i], depth + 1, report))
			continue
		}
		if (!NAME_PATTERN.test(key)) {
			report(at, `"${key}" is not a meter or flag name (lower-case letters, digits and _)`)
			continue
		}
		if (typeof v === 'boolean') continue
		if (!isPlainObject(v)) {
			report(at, `must be true/false (for a flag) or a comparison like { gte: 30 } (for a meter)`)
			continue
		}
		const ops = Object.entries(v)
		if (ops.length === 0) report(at, 'needs at least one of lt, lte, gt, gte, eq')
		for (const [op, n] of ops) {
			if (!(comparisonOperators as readonly string[]).includes(op)) {
				report([...at, op], `unknown comparison "${op}": use lt, lte, gt, gte or eq`)
			} else if (typeof n !== 'number' || !Number.isFinite(n)) {
				report([...at, op], 'must be a number')
			}
		}
	}
}

// Validated by hand rather than by a zod union so every mistake gets a message a trainer
// can act on, with the exact path of the offending key.
export const conditionSchema = z
	.unknown()
	.superRefine((value, ctx) => {
		validateCondition(value, [], 0, (path, message) => ctx.addIssue({ code: 'custom', path, message }))
	})
	.transform((value) => value as Condition)

function compare(value: number, c: Comparison): boolean {
	return (
		(c.lt === undefined || value < c.lt) &&
		(c.lte === undefined || value <= c.lte) &&
		(c.gt === undefined || value > c.gt) &&
		(c.gte === undefined || value >= c.gte) &&
		(c.eq === undefined || value === c.eq)
	)
}

// Interprets a validated condition; a missing condition always holds.
export function conditionHolds(condition: Condition | undefined, state: ConditionState): boolean {
	if (condition === undefined) return true
	return Object.entries(condition).every(([key, expected]) => {
		if (Array.isArray(expected)) return key === 'any' && expected.some((c: Condition) => conditionHolds(c, state))
		// hasOwn: a name like "constructor" must not find something on Object.prototype.
		if (typeof expected === 'boolean')
			return (Object.hasOwn(state.flags, key) && state.flags[key] === true) === expected
		const value = Object.hasOwn(state.meters, key) ? state.meters[key] : undefined
		return typeof value === 'number' && compare(value, expected as Comparison)
	})
}

export type ConditionReference = {
	name: string
	// What the condition treats the name as: a comparison means a meter, true/false a flag.
	kind: 'meter' | 'flag'
	path: Array<string | number>
}

// Every meter and flag a (possibly malformed) condition mentions, for the checker's
// "undeclared meter/flag" rules. Tolerant of bad shapes: the schema reports those.
export function conditionReferences(condition: unknown): ConditionReference[] {
	if (!isPlainObject(condition)) return []
	return Object.entries(condition).flatMap(([key, value]): ConditionReference[] => {
		if (key === 'any') {
			if (!Array.isArray(value)) return []
			return value.flatMap((inner, i) => conditionReferences(inner).map((r) => ({ ...r, path: ['any', i, ...r.path] })))
		}
		if (!NAME_PATTERN.test(key)) return []
		if (typeof value === 'boolean') return [{ name: key, kind: 'flag', path: [key] }]
		if (isPlainObject(value)) return [{ name: key, kind: 'meter', path: [key] }]
		return []
	})
}

// The same meaning as conditionHolds, compiled once into a closure over meter values by index
// and flags as bits: the checker's state search evaluates conditions millions of times.
export type CompiledCondition = (meters: ArrayLike<number>, flags: number) => boolean

export function compileCondition(
	condition: Condition | undefined,
	meterIndex: ReadonlyMap<string, number>,
	flagIndex: ReadonlyMap<string, number>,
): CompiledCondition {
	if (condition === undefined) return () => true
	const parts: CompiledCondition[] = Object.entries(condition).map(([key, expected]): CompiledCondition => {
		if (Array.isArray(expected)) {
			if (key !== 'any') return () => false
			const options = expected.map((c: Condition) => compileCondition(c, meterIndex, flagIndex))
			return (m, f) => options.some((o) => o(m, f))
		}
		if (typeof expected === 'boolean') {
			const bit = flagIndex.get(key)
			if (bit === undefined) return () => expected === false
			return (_, f) => (((f >> bit) & 1) === 1) === expected
		}
		const i = meterIndex.get(key)
		if (i === undefined) return () => false
		const c = expected as Comparison
		return (m) => compare(m[i]!, c)
	})
	return (m, f) => parts.every((p) => p(m, f))
}
