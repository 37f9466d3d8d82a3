import { describe, expect, it } from 'vitest'
import { edit, tiny } from '#app/domain/scenario/fixtures/helpers.ts'
import { progressLine, repliesAhead } from '#app/domain/scenario/length.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'

function scenarioFrom(source: string): Scenario {
	const parsed = parseScenarioSource(source, 'tiny.yaml')
	if (!parsed.scenario) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.problems)}`)
	return parsed.scenario
}

describe('repliesAhead', () => {
	it('counts turns to the nearest and the farthest ending, branches free', () => {
		const scenario = scenarioFrom(tiny)
		// opening → details → (decide →) ending, or opening → details → good directly.
		expect(repliesAhead(scenario, 'opening')).toEqual({ fewest: 2, most: 2 })
		expect(repliesAhead(scenario, 'details')).toEqual({ fewest: 1, most: 1 })
		expect(repliesAhead(scenario, 'good')).toEqual({ fewest: 0, most: 0 })
	})

	it('sees a shortcut and a longer way round', () => {
		const scenario = scenarioFrom(
			edit(tiny, [
				'        to: details\n        effects: { patience: 10',
				'        to: good\n        effects: { patience: 10',
			]),
		)
		expect(repliesAhead(scenario, 'opening')).toEqual({ fewest: 1, most: 2 })
	})

	it('has no upper bound when a loop can go round forever', () => {
		const scenario = scenarioFrom(
			edit(tiny, [
				'        to: decide\n        effects: { patience: -25 }',
				'        to: opening\n        effects: { patience: -25 }',
			]),
		)
		expect(repliesAhead(scenario, 'opening')).toEqual({ fewest: 2, most: null })
	})
})

describe('progressLine', () => {
	it('says how far in and roughly how long the conversation is', () => {
		expect(progressLine({ replyNumber: 2, finished: false, ahead: { fewest: 2, most: 4 } })).toBe(
			'Reply 2 of about 3 to 5',
		)
		expect(progressLine({ replyNumber: 1, finished: false, ahead: { fewest: 3, most: 3 } })).toBe('Reply 1 of 3')
		expect(progressLine({ replyNumber: 3, finished: false, ahead: { fewest: 1, most: null } })).toBe(
			'Reply 3 of at least 3',
		)
		expect(progressLine({ replyNumber: 5, finished: true, ahead: null })).toBe('Conversation finished after 4 replies')
		expect(progressLine({ replyNumber: 2, finished: true, ahead: null })).toBe('Conversation finished after 1 reply')
	})
})
