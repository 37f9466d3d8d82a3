import { describe, expect, it } from 'vitest'
import {
	compileCondition,
	conditionHolds,
	conditionReferences,
	conditionSchema,
	type Condition,
} from '#app/domain/scenario/conditions.ts'

const state = { meters: { patience: 20, trust: 55 }, flags: { promised: true, checked: false } }

describe('conditionHolds', () => {
	it.each<[Condition, boolean]>([
		[{ patience: { lt: 21 } }, true],
		[{ patience: { lt: 20 } }, false],
		[{ patience: { lte: 20 } }, true],
		[{ patience: { gt: 20 } }, false],
		[{ patience: { gte: 20 } }, true],
		[{ patience: { eq: 20 } }, true],
		[{ patience: { gte: 10, lt: 30 } }, true], // a range: every operator must hold
		[{ patience: { gte: 10, lt: 15 } }, false],
		[{ promised: true }, true],
		[{ checked: true }, false],
		[{ checked: false, trust: { gt: 50 } }, true], // keys are ANDed
		[{ checked: true, trust: { gt: 50 } }, false],
		[{ any: [{ checked: true }, { trust: { gt: 50 } }] }, true], // any is OR
		[{ any: [{ checked: true }, { trust: { gt: 60 } }] }, false],
		[{ any: [{ any: [{ checked: true }, { promised: true }] }], patience: { eq: 20 } }, true],
	])('%j → %s', (condition, expected) => {
		expect(conditionHolds(condition, state)).toBe(expected)
	})

	it('treats no condition as always true, and an unknown meter as never true', () => {
		expect(conditionHolds(undefined, state)).toBe(true)
		expect(conditionHolds({ mood: { gte: 0 } }, state)).toBe(false)
	})

	it('treats an unset flag as false', () => {
		expect(conditionHolds({ unseen: false }, state)).toBe(true)
	})
})

describe('conditionSchema', () => {
	it('accepts comparisons, flags and nested any', () => {
		const c = { patience: { lt: 20 }, promised: false, any: [{ trust: { gte: 30 } }, { any: [{ checked: true }] }] }
		expect(conditionSchema.parse(c)).toEqual(c)
	})

	it('never treats text as code', () => {
		const r = conditionSchema.safeParse('patience < 20 || process.exit()')
		expect(r.success).toBe(false)
	})

	it('reports each bad part at its own path', () => {
		const r = conditionSchema.safeParse({ patience: { lt: 'x', near: 3 }, Bad: true, any: [], trust: 5 })
		expect(r.success).toBe(false)
		expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['patience.lt', 'must be a number'],
			['patience.near', 'unknown comparison "near": use lt, lte, gt, gte or eq'],
			['Bad', '"Bad" is not a meter or flag name (lower-case letters, digits and _)'],
			['any', '`any` must be a list of conditions, like any: [ { patience: { lt: 20 } }, { upset: true } ]'],
			['trust', 'must be true/false (for a flag) or a comparison like { gte: 30 } (for a meter)'],
		])
	})

	it('limits how deeply any can nest', () => {
		let c: unknown = { promised: true }
		for (let i = 0; i < 6; i++) c = { any: [c] }
		expect(conditionSchema.safeParse(c).success).toBe(false)
	})
})

describe('conditionReferences', () => {
	it('lists meters and flags with their paths, including inside any', () => {
		expect(conditionReferences({ patience: { lt: 2 }, any: [{ promised: true }, { trust: { gt: 1 } }] })).toEqual([
			{ name: 'patience', kind: 'meter', path: ['patience'] },
			{ name: 'promised', kind: 'flag', path: ['any', 0, 'promised'] },
			{ name: 'trust', kind: 'meter', path: ['any', 1, 'trust'] },
		])
	})
})

describe('compileCondition', () => {
	const meterIndex = new Map([
		['patience', 0],
		['trust', 1],
	])
	const flagIndex = new Map([
		['promised', 0],
		['checked', 1],
	])
	const conditions: Condition[] = [
		{ patience: { lt: 21 } },
		{ patience: { gte: 20, lt: 60 }, trust: { eq: 55 } },
		{ promised: true },
		{ checked: true },
		{ promised: false, trust: { gt: 10 } },
		{ any: [{ checked: true }, { patience: { lte: 20 } }] },
		{ any: [{ any: [{ checked: true }] }, { trust: { lt: 0 } }] },
		{ undeclared: true },
		{ undeclared: false },
		{ nometer: { lt: 100 } },
	]
	const states = [0, 20, 55, 100].flatMap((p) =>
		[0, 55].flatMap((t) =>
			[0, 1, 2, 3].map((bits) => ({
				meters: { patience: p, trust: t },
				flags: { promised: (bits & 1) === 1, checked: (bits & 2) === 2 },
				bits,
			})),
		),
	)

	it.each(conditions.map((c) => [JSON.stringify(c), c] as const))('means what conditionHolds means: %s', (_, c) => {
		const compiled = compileCondition(c, meterIndex, flagIndex)
		for (const s of states) {
			expect(compiled([s.meters.patience, s.meters.trust], s.bits), JSON.stringify(s)).toBe(conditionHolds(c, s))
		}
	})
})
