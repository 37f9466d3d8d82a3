import { describe, expect, it } from 'vitest'
import { tiny } from '#app/domain/scenario/fixtures/helpers.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { canonicalScenarioJson, scenarioSchema } from '#app/domain/scenario/schema.ts'

const load = (source: string) => parseScenarioSource(source, 'scenarios/tiny.yaml').scenario!

describe('canonicalScenarioJson', () => {
	it('is the same for the same content, whatever the YAML layout or key order', () => {
		const reordered = tiny
			.replace('audience: onboarding\nchannel: call\n', 'channel: call\naudience: onboarding\n')
			.replace(
				'  good: { type: ending, outcome: resolved, title: Sorted, debrief: Well done. }',
				'  good:\n    debrief: "Well done."\n    title: Sorted\n    outcome: resolved\n    type: ending',
			)
			.replace('# The smallest', '# A different comment. The smallest')
		expect(reordered).not.toBe(tiny)
		expect(canonicalScenarioJson(load(reordered))).toBe(canonicalScenarioJson(load(tiny)))
	})

	it('changes when the content changes, including the order of choices', () => {
		const base = canonicalScenarioJson(load(tiny))
		expect(canonicalScenarioJson(load(tiny.replace('Where is my parcel?', 'Where is my parcel??')))).not.toBe(base)
		const scenario = load(tiny)
		const turn = scenario.nodes.opening
		if (turn?.type !== 'turn') throw new Error('fixture changed')
		turn.choices.reverse()
		expect(canonicalScenarioJson(scenario)).not.toBe(base)
	})

	it('has sorted keys and round-trips through the schema', () => {
		const json = canonicalScenarioJson(load(tiny))
		const parsed: unknown = JSON.parse(json)
		expect(Object.keys(parsed as object)).toEqual([...Object.keys(parsed as object)].sort())
		expect(canonicalScenarioJson(scenarioSchema.parse(parsed))).toBe(json)
	})
})
