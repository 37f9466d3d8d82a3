import { describe, expect, it } from 'vitest'
import type { LikertAnswers } from '#app/domain/assessment/answers.ts'
import { CURRENT_INSTRUMENT, type LikertValue } from '#app/domain/assessment/item-bank.ts'
import { buildAssessmentOrder } from '#app/domain/assessment/order.ts'
import {
	FLEX_ADVICE,
	FLEX_TOWARD,
	STRESS_GUIDES,
	STYLE_PROFILES,
	buildReport,
	describePlacement,
	flexAdvice,
} from '#app/domain/assessment/report-content.ts'
import { SELF_REPORT_STATEMENT } from '#app/domain/assessment/report-notes.ts'
import { scoreAssessment } from '#app/domain/assessment/scoring.ts'
import { STRESS_REACTIONS, STYLES, type StressReaction } from '#app/domain/style.ts'

const instrument = CURRENT_INSTRUMENT
const order = buildAssessmentOrder(12)
const timings = order.pages.map((p) => ({
	itemCount: p.kind === 'likert' ? p.itemIds.length : p.vignetteIds.length,
	durationMs: 60_000,
}))
const rightCues = Object.fromEntries(instrument.vignettes.map((v) => [v.id, v.answer]))

function respond(
	axis: { tells: LikertValue; people: LikertValue },
	stress: Partial<Record<StressReaction, LikertValue>> = {},
) {
	const answers: LikertAnswers = {}
	for (const item of instrument.likertItems) {
		if (item.kind === 'instructed') answers[item.id] = item.expected
		else if (item.kind === 'stress') answers[item.id] = stress[item.reaction] ?? 2
		else {
			const v = item.axis === 'assertiveness' ? axis.tells : axis.people
			answers[item.id] = (item.keying === 'forward' ? v : 6 - v) as LikertValue
		}
	}
	return answers
}

describe('report content', () => {
	it('states plainly what the result is for', () => {
		expect(SELF_REPORT_STATEMENT).toBe(
			'This describes how you see your own communication; it is for your development, not for hiring or evaluation.',
		)
	})

	it('has strengths and blind spots for every style', () => {
		for (const style of STYLES) {
			expect(STYLE_PROFILES[style].strengths.length).toBeGreaterThanOrEqual(3)
			expect(STYLE_PROFILES[style].blindSpots.length).toBeGreaterThanOrEqual(3)
		}
	})

	it('has an early-warning sign and a tactic for every stress reaction', () => {
		for (const reaction of STRESS_REACTIONS) {
			expect(STRESS_GUIDES[reaction].earlyWarning.length).toBeGreaterThan(30)
			expect(STRESS_GUIDES[reaction].tactic.length).toBeGreaterThan(30)
		}
	})

	it('has do-more and do-less advice for every own style → other style', () => {
		for (const from of STYLES) {
			expect(flexAdvice(from, from)).toBeNull()
			for (const to of STYLES.filter((s) => s !== from)) {
				const tips = flexAdvice(from, to)
				expect(tips?.doMore.length, `${from}→${to}`).toBeGreaterThanOrEqual(2)
				expect(tips?.doLess.length, `${from}→${to}`).toBeGreaterThanOrEqual(2)
			}
		}
		// Advice toward a style differs by where you start from.
		expect(FLEX_ADVICE.director.harmonizer).not.toEqual(FLEX_ADVICE.analyst.harmonizer)
	})
})

describe('describePlacement', () => {
	it('uses blend and balanced wording instead of forcing a box', () => {
		expect(describePlacement({ kind: 'balanced' }).headline).toBe('Balanced')
		const blend = describePlacement({ kind: 'blend', styles: ['director', 'energizer'], leaning: 'energizer' })
		expect(blend.headline).toBe('A blend of Director and Energizer')
		expect(blend.body).toBe(
			'You tell more than you ask, and sit between a task focus and a people focus. You lean slightly toward Energizer.',
		)
		expect(describePlacement({ kind: 'blend', styles: ['director', 'analyst'], leaning: null }).body).toBe(
			'You focus on the task, and sit between asking and telling.',
		)
	})

	it('says how strong a clear style is', () => {
		expect(describePlacement({ kind: 'style', style: 'analyst', strength: 'strong' }).headline).toBe('Strongly Analyst')
		expect(describePlacement({ kind: 'style', style: 'analyst', strength: 'clear' }).headline).toBe('Analyst')
		expect(describePlacement({ kind: 'style', style: 'analyst', strength: 'mild' }).headline).toBe(
			'Leaning toward Analyst',
		)
	})
})

describe('report language (issue 16 item 8)', () => {
	it('never states a strength or blind spot as a fact about the learner', () => {
		for (const style of Object.values(STYLE_PROFILES)) {
			for (const line of [...style.strengths, ...style.blindSpots]) {
				expect(line, line).not.toMatch(/^(You|Your)\b/)
				expect(line, line).not.toMatch(/\bYou are\b/i)
			}
			expect(style.summary).toMatch(/^You describe yourself as/)
		}
	})
})

describe('buildReport', () => {
	it('says how much of the short form was asked, and never that it was cut short when it was not', () => {
		const full = scoreAssessment({
			instrument,
			answers: respond({ tells: 5, people: 1 }, { take_over: 5 }),
			cueAnswers: rightCues,
			order,
			pageTimings: timings,
		})
		const axisTotal = instrument.likertItems.filter((i) => i.kind === 'axis').length
		expect(buildReport(full, instrument).shortForm).toBeNull()
		const cut = buildReport({ ...full, form: 'adaptive', axisItemsAsked: 24 }, instrument).shortForm
		expect(cut).toMatch(new RegExp(`you answered 24 of the ${axisTotal} style statements`))
		expect(cut).toMatch(/wider/)
		const whole = buildReport({ ...full, form: 'adaptive', axisItemsAsked: axisTotal }, instrument).shortForm
		expect(whole).toMatch(new RegExp(`you answered all ${axisTotal} style statements`))
		expect(whole).not.toMatch(/wider|stopped asking/)
	})

	it('for a Director: profile, flex toward the other three, and the matching backup under stress', () => {
		const result = scoreAssessment({
			instrument,
			answers: respond({ tells: 5, people: 1 }, { take_over: 5 }),
			cueAnswers: { ...rightCues, 'cue3-03': 'director' },
			order,
			pageTimings: timings,
		})
		const report = buildReport(result, instrument)
		expect(report.headline).toBe('Strongly Director')
		expect(report.strengths).toEqual(STYLE_PROFILES.director.strengths)
		expect(report.flex.map((f) => f.to)).toEqual(['energizer', 'harmonizer', 'analyst'])
		expect(report.flex[1]?.tips).toEqual(FLEX_ADVICE.director.harmonizer)
		expect(report.stress.primary?.reaction).toBe('take_over')
		// No claim that a reaction is "typical of your style": nothing in the data supports it.
		expect(JSON.stringify(report.stress)).not.toMatch(/typical backup/)
		expect(report.stress.readings.find((r) => r.reaction === 'take_over')?.level).toBe('elevated')
		expect(report.cues.summary).toBe(
			`You read ${instrument.vignettes.length - 1} of ${instrument.vignettes.length} speakers' styles correctly. Here are the cues you missed.`,
		)
		expect(report.cues.missed).toEqual([
			expect.objectContaining({
				id: 'cue3-03',
				chosen: 'Director',
				answer: 'Analyst',
				cue: expect.stringMatching(/reasoning behind a figure/),
			}),
		])
		expect(report.quality).toEqual({ flagged: false, messages: [], advice: null })
		expect(report.statement).toBe(SELF_REPORT_STATEMENT)
	})

	it('for an all-same response: balanced, general flex advice, and the flags with a retake offer', () => {
		const all4 = Object.fromEntries(instrument.likertItems.map((i) => [i.id, 4])) as LikertAnswers
		const report = buildReport(
			scoreAssessment({ instrument, answers: all4, cueAnswers: rightCues, order, pageTimings: timings }),
			instrument,
		)
		expect(report.headline).toBe('Balanced')
		expect(report.note).toMatch(/near the centre/)
		expect(report.flex.map((f) => f.to)).toEqual([...STYLES])
		expect(report.flex[0]?.tips).toEqual(FLEX_TOWARD.director)
		expect(report.stress.primary).toBeNull()
		expect(report.stress.summary).toMatch(
			/tending to take over, push harder, give in and withdraw under pressure\. Their scores are within each other.s margin of error/,
		)
		expect(report.quality.flagged).toBe(true)
		expect(report.quality.advice).toMatch(/retake/)
	})

	it('for a blend: strengths from both sides, the side it leans to first', () => {
		const answers = respond({ tells: 1, people: 3 })
		answers['re-02f'] = 4 // a small step toward people
		const report = buildReport(
			scoreAssessment({ instrument, answers, cueAnswers: rightCues, order, pageTimings: timings }),
			instrument,
		)
		expect(report.placement).toEqual({ kind: 'blend', styles: ['analyst', 'harmonizer'], leaning: 'harmonizer' })
		expect(report.strengths).toEqual([
			...STYLE_PROFILES.harmonizer.strengths.slice(0, 2),
			...STYLE_PROFILES.analyst.strengths.slice(0, 2),
		])
		expect(report.flex.map((f) => f.to)).toEqual(['director', 'energizer', 'analyst'])
	})
})
