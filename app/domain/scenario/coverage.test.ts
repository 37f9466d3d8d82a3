// Coverage counts agree with an independent walk of every path through the compiled machine.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { scenarioCoverage } from '#app/domain/scenario/coverage.ts'
import { tiny } from '#app/domain/scenario/fixtures/helpers.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'

const sources = {
	tiny,
	'catch-up-bill': fs.readFileSync(new URL('../../../scenarios/catch-up-bill.yaml', import.meta.url), 'utf8'),
}

describe('scenarioCoverage', () => {
	it.each(Object.entries(sources))('%s: paths and outcome shares match the machine walk', (id, source) => {
		const scenario = parseScenarioSource(source, `scenarios/${id}.yaml`).scenario!
		const walk = enumeratePaths(scenario, compileScenario(scenario), 100_000)
		const coverage = scenarioCoverage(scenario)
		expect(coverage.complete).toBe(true)
		expect(coverage.paths).toBe(walk.paths.length)
		const byOutcome: Record<string, number> = {}
		for (const p of walk.paths) byOutcome[p.outcome] = (byOutcome[p.outcome] ?? 0) + 1
		expect(coverage.byOutcome).toEqual(byOutcome)
		for (const [ending, replies] of Object.entries(coverage.shortest)) {
			expect(Math.min(...walk.paths.filter((p) => p.ending === ending).map((p) => p.steps.length))).toBe(replies)
		}
	})

	it('lists the replies on no path to a resolved ending', () => {
		const scenario = parseScenarioSource(tiny, 'scenarios/tiny.yaml').scenario!
		// In the fixture, "promise" sets a flag that always routes to "okay" (partly resolved).
		expect(scenarioCoverage(scenario).deadReplies.map((d) => `${d.node}.${d.choice}`)).toEqual(['opening.promise'])
	})
})
