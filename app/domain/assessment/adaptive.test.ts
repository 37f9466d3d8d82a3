import { describe, expect, it } from 'vitest'
import {
	ADAPTIVE_RULE,
	adaptiveOrder,
	axisItemsAsked,
	axisStandardError,
	planAdaptive,
} from '#app/domain/assessment/adaptive.ts'
import type { LikertResponses } from '#app/domain/assessment/answers.ts'
import { CURRENT_INSTRUMENT, NOT_APPLICABLE, type LikertItem } from '#app/domain/assessment/item-bank.ts'
import { DEFAULT_NORMS, STYLE_V3_ADAPTIVE_NORMS } from '#app/domain/assessment/norms.ts'
import { buildAssessmentOrder, likertPages } from '#app/domain/assessment/order.ts'
import { adaptivePageProgress } from '#app/domain/assessment/progress.ts'
import { contradictoryPairs } from '#app/domain/assessment/quality.ts'
import { createRandom } from '#app/domain/assessment/random.ts'
import { scoreAssessment } from '#app/domain/assessment/scoring.ts'
import type { Axis } from '#app/domain/style.ts'

const instrument = CURRENT_INSTRUMENT
const items = instrument.likertItems
const axisTotal = items.filter((i) => i.kind === 'axis').length
const seeds = [0, 1, 2, 99, 123456, 2147483647]

// A person who answers every statement: `value(item)` for each, the checks answered as asked.
function answersBy(value: (item: LikertItem) => number): LikertResponses {
	const out: Record<string, number> = {}
	for (const item of items) out[item.id] = item.kind === 'instructed' ? item.expected : value(item)
	return out as LikertResponses
}
// Clearly "tells" and clearly "people": agrees with forward statements, disagrees with reverse ones.
const clear = answersBy((item) =>
	item.kind === 'axis' ? (item.keying === 'forward' ? 5 : 1) : 1 + (items.indexOf(item) % 5),
)
const middle = answersBy(() => 3)
const random = (seed: number) => {
	const r = createRandom(seed)
	return answersBy(() => 1 + r.int(5))
}
const asked = (answers: LikertResponses, seed: number) => new Set(planAdaptive(seed, answers).likertPages.flat())

describe('planAdaptive: the adaptive page plan', () => {
	it('rebuilds exactly the same pages from the same seed and answers, and resumes as a prefix', () => {
		const full = planAdaptive(7, clear)
		expect(planAdaptive(7, clear)).toEqual(full)
		// Resuming after any page (answers so far only) shows the same pages up to the current one.
		for (let k = 0; k < full.likertPages.length; k++) {
			const soFar: Record<string, number> = {}
			for (const id of full.likertPages.slice(0, k).flat()) soFar[id] = clear[id] as number
			const resumed = planAdaptive(7, soFar as LikertResponses)
			expect(resumed.finished).toBe(false)
			expect(resumed.likertPages).toEqual(full.likertPages.slice(0, k + 1))
		}
		expect(planAdaptive(8, clear).likertPages).not.toEqual(full.likertPages)
	})

	it.each(seeds)('asks whole antonym pairs, never both on one page (seed %i)', (seed) => {
		for (const answers of [clear, middle, random(seed)]) {
			const plan = planAdaptive(seed, answers)
			const shown = new Set(plan.likertPages.flat())
			for (const page of plan.likertPages) {
				for (const id of page) {
					const item = items.find((i) => i.id === id)
					if (item?.kind === 'axis' && item.antonymOf) expect(page).not.toContain(item.antonymOf)
				}
			}
			for (const item of items) {
				if (item.kind === 'axis' && item.antonymOf) expect(shown.has(item.id)).toBe(shown.has(item.antonymOf))
			}
			expect(plan.likertPages.flat().length).toBe(shown.size)
		}
	})

	it.each(seeds)(
		'always asks every stress statement and both attention checks, never first or last (seed %i)',
		(seed) => {
			for (const answers of [clear, middle, random(seed)]) {
				const plan = planAdaptive(seed, answers)
				const shown = plan.likertPages.flat()
				for (const item of items.filter((i) => i.kind !== 'axis')) expect(shown).toContain(item.id)
				const checks = items.filter((i) => i.kind === 'instructed')
				expect(checks.length).toBeGreaterThanOrEqual(2)
				for (const check of checks) {
					const at = plan.likertPages.findIndex((p) => p.includes(check.id))
					expect(at).toBeGreaterThan(0)
					expect(at).toBeLessThan(plan.likertPages.length - 1)
				}
			}
		},
	)

	it('stops a clear axis after the fewest pairs the rule allows, and asks a midpoint answerer in full', () => {
		const short = planAdaptive(3, clear)
		// Stop is decided on 4 complete pairs; the 2 pairs begun on that page are completed, so 6 pairs.
		const minimum = (ADAPTIVE_RULE.minPairs + ADAPTIVE_RULE.pairsPerPage) * 2
		for (const axis of ['assertiveness', 'responsiveness'] as Axis[]) {
			expect(short.axes[axis].stopped).toBe(true)
			expect(short.axes[axis].asked).toBe(minimum)
		}
		expect(short.finished).toBe(true)
		const full = planAdaptive(3, middle)
		expect(full.axes.assertiveness.stopped).toBe(false)
		expect(full.axes.responsiveness.stopped).toBe(false)
		expect(asked(middle, 3).size).toBe(items.length)
	})

	it('does not count a "doesn\'t apply" pair toward the four', () => {
		// Seeds whose first three pages (the earliest stop) hold a role-bound assertiveness statement.
		let tried = 0
		for (let seed = 0; seed < 40 && tried < 3; seed++) {
			const plan = planAdaptive(seed, clear)
			const firstPages = plan.likertPages.slice(0, 3).flat()
			const roleBound = items.find(
				(i) => i.kind === 'axis' && i.roleBound && i.axis === 'assertiveness' && firstPages.includes(i.id),
			)
			if (!roleBound) continue
			tried++
			const withNa = { ...clear, [roleBound.id]: NOT_APPLICABLE } as LikertResponses
			const later = planAdaptive(seed, withNa)
			// One pair fewer counts, so the stop comes a page later: two more pairs are asked.
			expect(later.axes.assertiveness.asked).toBe(plan.axes.assertiveness.asked + 2 * ADAPTIVE_RULE.pairsPerPage)
		}
		expect(tried).toBe(3)
	})

	it('keeps asking an axis whose pairs contradict each other (a careless pattern), whatever its mean', () => {
		// Agrees with both sides of every assertiveness pair (strongly with "tells"): a far-off mean, but
		// every pair contradicts.
		const careless = answersBy((item) =>
			item.kind === 'axis' && item.axis === 'assertiveness' ? (item.keying === 'forward' ? 5 : 4) : 3,
		)
		expect(planAdaptive(5, careless).axes.assertiveness.stopped).toBe(false)
	})

	it('never promises fewer questions than it asks', () => {
		for (const seed of seeds) {
			const answers = random(seed)
			const whole = planAdaptive(seed, answers)
			const total = whole.likertPages.flat().length + instrument.vignettes.length
			for (let k = 0; k < whole.likertPages.length; k++) {
				const soFar: Record<string, number> = {}
				for (const id of whole.likertPages.slice(0, k).flat()) soFar[id] = answers[id] as number
				const { order, plan } = adaptiveOrder(seed, soFar as LikertResponses)
				const progress = adaptivePageProgress(order, k, plan, instrument.vignettes.length)
				expect(progress.upTo).toBe(true)
				expect(progress.totalQuestions).toBeGreaterThanOrEqual(total)
				expect(progress.isLastPage).toBe(false)
			}
			const { order, plan } = adaptiveOrder(seed, answers)
			const last = adaptivePageProgress(order, order.pages.length - 1, plan, instrument.vignettes.length)
			expect(last).toMatchObject({ upTo: false, isLastPage: true, totalQuestions: total, lastQuestion: total })
		}
	})
})

describe('scoring the adaptive form', () => {
	const timings = (n: number) => Array.from({ length: n }, () => ({ itemCount: 8, durationMs: 40_000 }))
	const score = (answers: LikertResponses, seed: number) => {
		const { order } = adaptiveOrder(seed, answers)
		const shown = new Set(likertPages(order).flat())
		const given = Object.fromEntries(Object.entries(answers).filter(([id]) => shown.has(id))) as LikertResponses
		const cueAnswers = Object.fromEntries(instrument.vignettes.map((v) => [v.id, v.answer]))
		return scoreAssessment({
			instrument,
			answers: given,
			cueAnswers,
			order,
			pageTimings: timings(order.pages.length),
			form: 'adaptive',
		})
	}

	it('widens the standard error for fewer statements (sqrt((1 − α)·K/k)), and equals the full form at K', () => {
		expect(axisStandardError(0.935, 28, 28)).toBeCloseTo(Math.sqrt(0.065), 10)
		expect(axisStandardError(0.935, 12, 28)).toBeCloseTo(Math.sqrt(0.065 * (28 / 12)), 10)
		expect(axisStandardError(0.935, 12, 28)).toBeGreaterThan(axisStandardError(0.935, 20, 28))
	})

	it('scores the statements asked, records the form and the count, and draws a larger region', () => {
		const r = score(clear, 3)
		expect(r.form).toBe('adaptive')
		expect(r.axisItemsAsked).toBe(24)
		// Scored on the adaptive norms (its own unit), the SE rescaled from the full form's unit.
		expect(r.normsId).toBe(STYLE_V3_ADAPTIVE_NORMS.id)
		const full = DEFAULT_NORMS.axes.assertiveness
		const unit = full.sd / STYLE_V3_ADAPTIVE_NORMS.axes.assertiveness.sd
		expect(r.axes.assertiveness.se).toBeCloseTo(axisStandardError(full.alpha, 12, 28) * unit, 10)
		expect(r.axes.assertiveness.se).toBeGreaterThan(Math.sqrt(1 - DEFAULT_NORMS.axes.assertiveness.alpha))
		expect(r.placement).toMatchObject({ kind: 'style', style: 'energizer' })
		expect(r.flags).toEqual([])
	})

	it('puts an all-same pattern at the exact centre, asked in full', () => {
		for (const v of [1, 3, 5]) {
			const r = score(
				answersBy(() => v),
				11,
			)
			expect(r.dot.x).toBe(0)
			expect(r.dot.y).toBe(0)
			expect(r.axisItemsAsked).toBe(axisTotal)
		}
	})

	it('runs the quality checks on the statements asked only', () => {
		const { order } = adaptiveOrder(3, clear)
		const shown = new Set(likertPages(order).flat())
		const given = Object.fromEntries(Object.entries(clear).filter(([id]) => shown.has(id)))
		expect(contradictoryPairs(given as never, instrument).pairs).toBe(12)
		// A random responder on the short form is still flagged (here: seed 4's pattern).
		const flaggedShare = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((s) => score(random(s), s).flags.length > 0).length / 10
		expect(flaggedShare).toBeGreaterThanOrEqual(0.7)
	})

	it("records the full form and every axis statement on a full-form result, with the full form's SE", () => {
		const order = buildAssessmentOrder(3)
		const cueAnswers = Object.fromEntries(instrument.vignettes.map((v) => [v.id, v.answer]))
		const r = scoreAssessment({
			instrument,
			answers: clear,
			cueAnswers,
			order,
			pageTimings: timings(order.pages.length),
		})
		expect(r).toMatchObject({ form: 'full', axisItemsAsked: axisTotal, normsId: DEFAULT_NORMS.id })
		expect(r.axes.assertiveness.se).toBeCloseTo(Math.sqrt(1 - DEFAULT_NORMS.axes.assertiveness.alpha), 10)
	})

	it('counts the axis statements in an order', () => {
		const { order } = adaptiveOrder(3, clear)
		expect(axisItemsAsked(order, instrument)).toBe(24)
	})
})
