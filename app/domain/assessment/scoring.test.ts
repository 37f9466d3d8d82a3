import { describe, expect, it } from 'vitest'
import type { LikertAnswers, LikertResponses } from '#app/domain/assessment/answers.ts'
import {
	CURRENT_INSTRUMENT,
	NOT_APPLICABLE,
	type Instrument,
	type LikertValue,
} from '#app/domain/assessment/item-bank.ts'
import { DEFAULT_NORMS, normsSchema, type Norms } from '#app/domain/assessment/norms.ts'
import { buildAssessmentOrder } from '#app/domain/assessment/order.ts'
import { assessmentResultSchema } from '#app/domain/assessment/result.ts'
import {
	classifyDot,
	placeDot,
	placementCode,
	scoreAssessment,
	scoreAxes,
	scoreStress,
} from '#app/domain/assessment/scoring.ts'
import type { StressReaction } from '#app/domain/style.ts'

const instrument = CURRENT_INSTRUMENT

/** Every Likert item answered with the same value: the no-information pattern. */
function allSame(value: LikertValue): LikertAnswers {
	return Object.fromEntries(instrument.likertItems.map((item) => [item.id, value]))
}

type Pattern = {
	tellsItems?: LikertValue // forward assertiveness items
	asksItems?: LikertValue // reverse assertiveness items
	peopleItems?: LikertValue // forward responsiveness items
	taskItems?: LikertValue // reverse responsiveness items
	stress?: Partial<Record<StressReaction, LikertValue>>
}

/** An explicit answer vector: each group of items gets one value; everything else 3, check passed. */
function answers(p: Pattern): LikertAnswers {
	const out: LikertAnswers = {}
	for (const item of instrument.likertItems) {
		if (item.kind === 'instructed') out[item.id] = item.expected
		else if (item.kind === 'stress') {
			// Reverse-keyed stress statements get the mirrored answer, so the reaction's score is the value given.
			const v = p.stress?.[item.reaction] ?? 3
			out[item.id] = (item.keying === 'reverse' ? 6 - v : v) as LikertValue
		} else if (item.axis === 'assertiveness')
			out[item.id] = (item.keying === 'forward' ? p.tellsItems : p.asksItems) ?? 3
		else out[item.id] = (item.keying === 'forward' ? p.peopleItems : p.taskItems) ?? 3
	}
	return out
}

const orgNorms: Norms = {
	id: 'acme-2025',
	instrumentVersion: instrument.version,
	source: 'Acme sales team',
	sampleSize: 400,
	axes: {
		assertiveness: { sd: 0.5, alpha: 0.75, observedMean: 3.6 },
		responsiveness: { sd: 0.9, alpha: 0.84, observedMean: 2.4 },
	},
}

describe('all-same answer patterns', () => {
	it.each([1, 2, 3, 4, 5] as const)('all %i put the dot exactly at the centre: balanced, never a style', (value) => {
		for (const norms of [DEFAULT_NORMS, orgNorms]) {
			const axes = scoreAxes(allSame(value), instrument, norms)
			expect(axes.assertiveness.raw).toBe(3)
			expect(axes.responsiveness.raw).toBe(3)
			const dot = placeDot(axes)
			expect(dot.x).toBe(0)
			expect(dot.y).toBe(0)
			expect(dot.distance).toBe(0)
			expect(dot.angleDeg).toBeNull()
			expect(classifyDot(dot)).toEqual({ kind: 'balanced' })
		}
	})

	it('the default norms are from the simulation study and valid', () => {
		expect(normsSchema.parse(DEFAULT_NORMS)).toEqual(DEFAULT_NORMS)
		expect(DEFAULT_NORMS.instrumentVersion).toBe(instrument.version)
		expect(DEFAULT_NORMS.source).toMatch(/simulat/i)
	})
})

describe('explicit answer vectors', () => {
	it.each([
		['director', { tellsItems: 5, asksItems: 1, peopleItems: 1, taskItems: 5 }, [90, 180]],
		['energizer', { tellsItems: 5, asksItems: 1, peopleItems: 5, taskItems: 1 }, [0, 90]],
		['analyst', { tellsItems: 1, asksItems: 5, peopleItems: 1, taskItems: 5 }, [180, 270]],
		['harmonizer', { tellsItems: 1, asksItems: 5, peopleItems: 5, taskItems: 1 }, [270, 360]],
	] as const)('a consistent %s pattern lands in its quadrant as a strong style', (style, pattern, [lo, hi]) => {
		const dot = placeDot(scoreAxes(answers(pattern), instrument))
		expect(dot.angleDeg).toBeGreaterThan(lo)
		expect(dot.angleDeg).toBeLessThan(hi)
		expect(classifyDot(dot)).toEqual({ kind: 'style', style, strength: 'strong' })
	})

	it('re-keys reverse items: agreeing only with the "asks" statements moves the dot down', () => {
		const axes = scoreAxes(answers({ asksItems: 5 }), instrument)
		expect(axes.assertiveness.raw).toBe(2)
		expect(axes.assertiveness.z).toBeCloseTo(-1 / DEFAULT_NORMS.axes.assertiveness.sd, 10)
		expect(axes.responsiveness.z).toBe(0)
	})

	it('scores z against the norm SD around the midpoint, with SE from the reliability', () => {
		const axes = scoreAxes(answers({ tellsItems: 4, asksItems: 2, peopleItems: 2 }), instrument, orgNorms)
		expect(axes.assertiveness.raw).toBe(4)
		expect(axes.assertiveness.z).toBeCloseTo(1 / 0.5, 10)
		expect(axes.assertiveness.se).toBeCloseTo(Math.sqrt(0.25), 10)
		expect(axes.responsiveness.raw).toBe(2.5)
		expect(axes.responsiveness.z).toBeCloseTo(-0.5 / 0.9, 10)
		expect(axes.responsiveness.se).toBeCloseTo(Math.sqrt(0.16), 10)
	})

	it('calls a clear "tells" with no task/people lean a blend of Director and Energizer', () => {
		const placement = classifyDot(placeDot(scoreAxes(answers({ tellsItems: 5, asksItems: 1 }), instrument)))
		expect(placement).toEqual({ kind: 'blend', styles: ['director', 'energizer'], leaning: null })
	})

	it('names the lean inside a blend', () => {
		// One "people" statement agreed with: a small step right of the axis.
		const vector = answers({ tellsItems: 5, asksItems: 1 })
		vector['re-01f'] = 4
		expect(classifyDot(placeDot(scoreAxes(vector, instrument)))).toEqual({
			kind: 'blend',
			styles: ['director', 'energizer'],
			leaning: 'energizer',
		})
	})

	it('calls small leanings balanced', () => {
		const vector = { ...answers({}), 'as-01f': 4, 'as-02f': 4, 're-01f': 4 } satisfies LikertAnswers
		const dot = placeDot(scoreAxes(vector, instrument))
		expect(dot.x).toBeGreaterThan(0)
		expect(dot.y).toBeGreaterThan(0)
		expect(classifyDot(dot)).toEqual({ kind: 'balanced' })
	})

	it('refuses to score with a missing answer or with norms for another version', () => {
		const vector = allSame(3)
		delete vector['as-05r']
		expect(() => scoreAxes(vector, instrument)).toThrow(/assertiveness/)
		expect(() => scoreAxes(allSame(3), instrument, { ...DEFAULT_NORMS, instrumentVersion: 'style-v0' })).toThrow(
			/style-v0/,
		)
	})
})

describe('classifyDot', () => {
	it.each([
		[{ x: 0.2, y: -0.3 }, { kind: 'balanced' }],
		[{ x: 0.25, y: 0.25 }, { kind: 'balanced' }],
		[
			{ x: 0.2, y: 1.5 },
			{ kind: 'blend', styles: ['director', 'energizer'], leaning: 'energizer' },
		],
		[
			{ x: -0.1, y: -1.2 },
			{ kind: 'blend', styles: ['analyst', 'harmonizer'], leaning: 'analyst' },
		],
		[
			{ x: 1.4, y: 0.1 },
			{ kind: 'blend', styles: ['energizer', 'harmonizer'], leaning: 'energizer' },
		],
		[
			{ x: -1, y: 0.1 },
			{ kind: 'blend', styles: ['director', 'analyst'], leaning: 'director' },
		],
		[
			{ x: 0.5, y: 0.5 },
			{ kind: 'style', style: 'energizer', strength: 'mild' },
		],
		[
			{ x: 1.2, y: -1.2 },
			{ kind: 'style', style: 'harmonizer', strength: 'clear' },
		],
		[
			{ x: -2, y: -2 },
			{ kind: 'style', style: 'analyst', strength: 'strong' },
		],
	] as const)('%o → %o', (point, expected) => {
		expect(classifyDot({ ...point, distance: Math.hypot(point.x, point.y) })).toEqual(expected)
	})
})

describe('placementCode', () => {
	it('gives a short code for storage and dashboards', () => {
		expect(placementCode({ kind: 'balanced' })).toBe('balanced')
		expect(placementCode({ kind: 'blend', styles: ['director', 'analyst'], leaning: null })).toBe('director+analyst')
		expect(placementCode({ kind: 'style', style: 'energizer', strength: 'mild' })).toBe('energizer')
	})
})

describe('scoreStress', () => {
	it('names the backup reaction that clearly leads', () => {
		const profile = scoreStress(
			answers({ stress: { give_in: 5, withdraw: 4, take_over: 2, push_harder: 1 } }),
			instrument,
		)
		expect(profile.scores).toEqual({ take_over: 2, push_harder: 1, give_in: 5, withdraw: 4 })
		expect(profile.elevated).toEqual(['give_in', 'withdraw'])
		expect(profile.primary).toBe('give_in')
	})

	it('names none when two reactions tie, and none when nothing is elevated', () => {
		const tie = scoreStress(answers({ stress: { take_over: 4, push_harder: 4 } }), instrument)
		expect(tie.primary).toBeNull()
		expect(tie.elevated).toEqual(expect.arrayContaining(['take_over', 'push_harder']))
		const calm = scoreStress(answers({ stress: { take_over: 2, push_harder: 2, give_in: 3, withdraw: 3 } }), instrument)
		expect(calm).toMatchObject({ elevated: [], primary: null })
	})
})

describe('scoreAssessment', () => {
	const order = buildAssessmentOrder(31337)
	const timings = order.pages.map((p) => ({
		itemCount: p.kind === 'likert' ? p.itemIds.length : p.vignetteIds.length,
		durationMs: 40_000,
	}))
	const cueAnswers = Object.fromEntries(instrument.vignettes.map((v) => [v.id, v.answer]))

	it('produces a result that survives a round trip through storage', () => {
		const result = scoreAssessment({
			instrument,
			answers: answers({ tellsItems: 5, asksItems: 1, peopleItems: 2, taskItems: 4, stress: { take_over: 5 } }),
			cueAnswers,
			order,
			pageTimings: timings,
		})
		expect(result.instrumentVersion).toBe(instrument.version)
		expect(result.normsId).toBe(DEFAULT_NORMS.id)
		expect(result.placement).toEqual({ kind: 'style', style: 'director', strength: 'strong' })
		expect(result.stress.primary).toBe('take_over')
		expect(result.cues).toMatchObject({ correct: instrument.vignettes.length, missed: [] })
		expect(result.flags).toEqual([])
		expect(assessmentResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result)
	})

	it('still scores a flagged response (all 5s), and the flags travel with the result', () => {
		const result = scoreAssessment({ instrument, answers: allSame(5), cueAnswers, order, pageTimings: timings })
		expect(result.placement).toEqual({ kind: 'balanced' })
		expect(result.flags.map((f) => f.kind)).toEqual(
			expect.arrayContaining(['longstring', 'inconsistent', 'failed_check']),
		)
	})

	it('refuses an order built for another instrument version', () => {
		expect(() =>
			scoreAssessment({
				instrument,
				answers: allSame(3),
				cueAnswers,
				order: { ...order, instrumentVersion: 'style-v0' },
				pageTimings: timings,
			}),
		).toThrow(/style-v0/)
	})
})

describe('assessmentResultSchema', () => {
	const order = buildAssessmentOrder(8)
	const valid = scoreAssessment({
		instrument,
		answers: answers({ peopleItems: 5, taskItems: 1 }),
		cueAnswers: {},
		order,
		pageTimings: [],
	})

	it('rejects tampered or corrupt stored results', () => {
		expect(assessmentResultSchema.safeParse(valid).success).toBe(true)
		expect(assessmentResultSchema.safeParse({ ...valid, instrumentVersion: undefined }).success).toBe(false)
		expect(
			assessmentResultSchema.safeParse({ ...valid, placement: { kind: 'style', style: 'driver', strength: 'clear' } })
				.success,
		).toBe(false)
		expect(
			assessmentResultSchema.safeParse({ ...valid, axes: { ...valid.axes, assertiveness: { raw: 7, z: 0, se: 0.3 } } })
				.success,
		).toBe(false)
		expect(assessmentResultSchema.safeParse({ ...valid, dot: { ...valid.dot, x: Number.NaN } }).success).toBe(false)
		expect(assessmentResultSchema.safeParse({ ...valid, flags: [{ kind: 'lazy', message: 'x' }] }).success).toBe(false)
	})
})

describe('"doesn\'t apply" (style-v3)', () => {
	const order = buildAssessmentOrder(12)
	const score = (a: LikertResponses, inst: Instrument = instrument) =>
		scoreAssessment({
			instrument: inst,
			answers: a,
			cueAnswers: {},
			order: { ...order, instrumentVersion: inst.version },
			pageTimings: [],
		})

	it('drops the whole antonym pair, so keying stays balanced', () => {
		// Tells 5, asks 1 everywhere, except the role-bound pair as-03 where both sides got 5 and the
		// forward side then "doesn't apply": dropping only as-03f would leave a stray 5 on as-03r.
		const base = answers({ tellsItems: 5, asksItems: 1 })
		const result = score({ ...base, 'as-03f': NOT_APPLICABLE, 'as-03r': 5 })
		expect(result.axes.assertiveness.raw).toBe(5)
		expect(result.notApplicable).toEqual(['as-03f'])
		// An all-same pattern stays exactly at the centre with pairs left out.
		const same = score({ ...allSame(4), 're-10r': NOT_APPLICABLE, 'st-withdraw-5': NOT_APPLICABLE })
		expect(same.dot).toMatchObject({ x: 0, y: 0 })
		expect(same.stress.scores.withdraw).toBeCloseTo((4 * 4 + 2) / 5, 10)
		expect(assessmentResultSchema.parse(same).notApplicable).toEqual(['re-10r', 'st-withdraw-5'])
		// Results without the field (style-v1/v2) still read back.
		expect(score(answers({})).notApplicable).toBeUndefined()
	})

	it('refuses to place the dot when fewer than 6 pairs of an axis apply', () => {
		// A synthetic instrument where every assertiveness pair is role-bound.
		const allBound: Instrument = {
			...instrument,
			version: 'style-test',
			likertItems: instrument.likertItems.map((i) =>
				i.kind === 'axis' && i.axis === 'assertiveness' ? { ...i, roleBound: true } : i,
			),
		}
		const norms = { ...DEFAULT_NORMS, instrumentVersion: 'style-test' }
		const a: LikertResponses = { ...answers({}) }
		const pairs = instrument.likertItems.filter((i) => i.kind === 'axis' && i.axis === 'assertiveness' && i.antonymOf)
		pairs.slice(0, pairs.length - 5).forEach((i) => (a[i.id] = NOT_APPLICABLE))
		expect(() =>
			scoreAssessment({
				instrument: allBound,
				norms,
				answers: a,
				cueAnswers: {},
				order: { ...order, instrumentVersion: 'style-test' },
				pageTimings: [],
			}),
		).toThrow(/Cannot place the dot honestly: only 5 pairs/)
		pairs.slice(0, pairs.length - 6).forEach((i) => (a[i.id] = NOT_APPLICABLE))
		a[pairs[pairs.length - 6]!.id] = 3
		expect(
			scoreAssessment({
				instrument: allBound,
				norms,
				answers: a,
				cueAnswers: {},
				order: { ...order, instrumentVersion: 'style-test' },
				pageTimings: [],
			}).axes.assertiveness.raw,
		).toBe(3)
	})
})
