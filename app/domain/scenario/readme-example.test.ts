// The authoring guide's complete example must pass the checker as printed, and stay the
// same as the fixture the other tests can use.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import fixture from '#app/domain/scenario/fixtures/late-delivery.yaml?raw'
import livingFixture from '#app/domain/scenario/fixtures/living.yaml?raw'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'
import { TEXT_LIMITS } from '#app/domain/scenario/schema.ts'

const guide = fs.readFileSync(new URL('../../../scenarios/README.md', import.meta.url), 'utf8')

function completeExample(markdown: string): string {
	const match = /<!-- complete-example -->\s*```yaml\n([\s\S]*?)```/.exec(markdown)
	if (!match?.[1]) throw new Error('scenarios/README.md has no complete example block')
	return match[1]
}

describe('the authoring guide', () => {
	const example = completeExample(guide)

	it('prints the same example as the fixture', () => {
		expect(example).toBe(fixture)
	})

	it('has a complete example that passes the checker with no problems at all', () => {
		const { scenario, problems } = parseScenarioSource(example, 'scenarios/late-delivery.yaml')
		expect(problems).toEqual([])
		expect(scenario?.id).toBe('late-delivery')
	})

	it('has an example where every path ends, and every outcome is reachable', () => {
		const scenario = parseScenarioSource(example, 'scenarios/late-delivery.yaml').scenario!
		const walk = enumeratePaths(scenario, compileScenario(scenario), 1000)
		expect(walk.capped).toBe(false)
		expect(walk.stuck).toEqual([])
		expect(new Set(walk.paths.map((p) => p.ending))).toEqual(new Set(['sorted', 'promise-at-risk', 'quietly-lost']))
	})

	it('documents every text limit with the value the checker enforces', () => {
		const labels: Record<keyof typeof TEXT_LIMITS, string> = {
			title: 'scenario `title`',
			summary: '`summary`',
			personaName: 'persona `name`',
			mood: 'persona `mood`',
			wants: 'persona `wants`',
			backstory: 'persona `backstory`',
			narration: '`narration`',
			says: '`says`',
			choiceText: 'choice `text`',
			why: 'choice `why`',
			endingTitle: 'ending `title`',
			debrief: 'ending `debrief`',
			meterLabel: 'meter `label`',
			cueQuestion: 'cue `question`',
			cueText: 'cue option `text`',
			apartLine: 'pre-brief `apart` line',
			tip: 'tip `text`',
		}
		for (const [field, label] of Object.entries(labels)) {
			expect(guide, field).toContain(`| ${label} | ${TEXT_LIMITS[field as keyof typeof TEXT_LIMITS]} characters |`)
		}
	})
})

describe('the authoring guide on living scenarios', () => {
	const match = /<!-- living-example -->\s*```yaml\n([\s\S]*?)```/.exec(guide)
	const example = match?.[1] ?? ''

	it('prints the same example the unit tests of variants, cue moments and the pre-brief use', () => {
		expect(example).toBe(livingFixture)
	})

	it('has an example that passes the checker with no problems and compiles', () => {
		const { scenario, problems } = parseScenarioSource(example, 'scenarios/living-parcel.yaml')
		expect(problems).toEqual([])
		const s = scenario!
		expect(() => compileScenario(s)).not.toThrow()
		// It really uses what the section documents.
		const nodes = Object.values(s.nodes)
		expect(nodes.some((n) => n.type === 'cue')).toBe(true)
		expect(nodes.some((n) => n.type === 'turn' && Array.isArray(n.says) && n.says[0]?.when === 'under_pressure')).toBe(
			true,
		)
		expect(s.prebrief?.tips.length).toBeGreaterThan(0)
		expect(nodes.some((n) => n.type === 'turn' && n.choices.some((c) => c.tries))).toBe(true)
	})
})
