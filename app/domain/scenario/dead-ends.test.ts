// Condition-aware dead ends (issue 11, item 1), found by the state search rather than the graph.
import { describe, expect, it } from 'vitest'
import looping from '#app/domain/scenario/fixtures/looping-trust.yaml?raw'
import { edit, positionOf } from '#app/domain/scenario/fixtures/helpers.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'

const FILE = 'scenarios/looping-trust.yaml'

describe('the looping-trust scenario', () => {
	it('is an error at the looping reply: after it, trust can never get back to 30', () => {
		const { scenario, problems } = parseScenarioSource(looping, FILE)
		expect(scenario).toBeUndefined()
		const errors = problems.filter((p) => p.severity === 'error')
		expect(errors).toHaveLength(1)
		expect(errors[0]).toMatchObject({
			file: FILE,
			path: 'nodes.opening.choices[0]',
			...positionOf(looping, '- id: reassure', 'id:'),
		})
		expect(errors[0]!.message).toMatch(/trap the learner: with trust 40/)
	})

	it('passes once the way out no longer depends on trust the loop destroys', () => {
		const fixed = edit(looping, ['effects: { trust: -15 }', 'effects: { trust: 5 }'])
		expect(parseScenarioSource(fixed, FILE).problems.filter((p) => p.severity === 'error')).toEqual([])
	})

	it('says it could not prove the property when the search is too large; strict mode makes that an error', () => {
		const fixed = edit(looping, ['effects: { trust: -15 }', 'effects: { trust: 5 }'])
		const lax = parseScenarioSource(fixed, FILE, { maxStates: 2 }).problems
		expect(lax).toContainEqual(
			expect.objectContaining({ severity: 'warning', message: expect.stringContaining('could not prove') }),
		)
		const strict = parseScenarioSource(fixed, FILE, { maxStates: 2, strict: true }).problems
		expect(strict).toContainEqual(
			expect.objectContaining({ severity: 'error', message: expect.stringContaining('could not prove') }),
		)
	})

	it('rejects a maxReplies too small to reach a resolved ending', () => {
		const fixed = edit(
			looping,
			['effects: { trust: -15 }', 'effects: { trust: 5 }'],
			['maxReplies: 8', 'maxReplies: 2'],
			['to: good', 'to: middle'],
		)
		const withMiddle = fixed.replace(
			'  good: {',
			'  middle:\n    type: turn\n    says: And then?\n    choices:\n      - { id: a, text: Then this., to: more, flex: fit, why: Fine. }\n      - { id: b, text: Then that., to: more, flex: miss, why: Fine. }\n  more:\n    type: turn\n    says: And?\n    choices:\n      - { id: a, text: Done., to: good, flex: fit, why: Fine. }\n      - { id: b, text: Over., to: good, flex: miss, why: Fine. }\n  good: {',
		)
		const problems = parseScenarioSource(withMiddle, FILE).problems
		expect(problems).toContainEqual(
			expect.objectContaining({
				path: 'maxReplies',
				severity: 'error',
				message: expect.stringContaining('takes 3 replies'),
			}),
		)
	})
})
