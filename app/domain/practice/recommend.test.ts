import { describe, expect, it } from 'vitest'
import { recommendNext, type PracticeHistory, type RecommendableScenario } from '#app/domain/practice/recommend.ts'

const scenario = (
	id: string,
	style: RecommendableScenario['style'],
	skills: string[],
	difficulty: RecommendableScenario['difficulty'] = 'easy',
): RecommendableScenario => ({
	id,
	title: id,
	style,
	customer: `${id} customer`,
	skills,
	difficulty,
})
const library = [
	scenario('a-director', 'director', ['clarity', 'realistic_promises']),
	scenario('b-harmonizer', 'harmonizer', ['empathy', 'questioning']),
	scenario('c-analyst', 'analyst', ['clarity', 'questioning']),
	scenario('d-energizer', 'energizer', ['win_win', 'empathy']),
	scenario('e-harmonizer', 'harmonizer', ['realistic_promises'], 'hard'),
]
const none: PracticeHistory = { levels: {}, flexByStyle: {}, best: {}, home: null }

describe('recommendNext', () => {
	it('targets the weakest skill, skipping a scenario already resolved', () => {
		const [r] = recommendNext(library, {
			...none,
			levels: { realistic_promises: { level: 0.2, attempts: 3 }, empathy: { level: 0.8, attempts: 3 } },
			flexByStyle: { director: { rate: 0.9, turns: 6 } },
			best: { 'a-director': 'resolved' },
		})
		// a-director practises it too, but is resolved: e-harmonizer is next.
		expect(r).toMatchObject({ id: 'e-harmonizer' })
		expect(r!.reason).toMatch(/realistic promises, your lowest skill so far \(20 %\)/)
	})

	it('targets the customer style flexed least well when that is weaker than any skill', () => {
		const [r] = recommendNext(library, {
			...none,
			levels: { empathy: { level: 0.7, attempts: 2 } },
			flexByStyle: { analyst: { rate: 0.1, turns: 5 }, harmonizer: { rate: 0.8, turns: 5 } },
		})
		expect(r).toMatchObject({ id: 'c-analyst' })
		expect(r!.reason).toMatch(/Analyst customer/)
	})

	it("without history, starts with the style furthest from the learner's own", () => {
		const [r] = recommendNext(library, { ...none, home: 'director' })
		expect(r).toMatchObject({ style: 'harmonizer' })
	})

	it('gives distinct scenarios up to the limit, each with a one-line reason', () => {
		const list = recommendNext(library, none, 3)
		expect(new Set(list.map((r) => r.id)).size).toBe(3)
		for (const r of list) expect(r.reason).not.toMatch(/\n/)
	})
})
