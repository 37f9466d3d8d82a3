import { describe, expect, it } from 'vitest'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { edit, tiny } from '#app/domain/scenario/fixtures/helpers.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'

const load = (source: string) => {
	const { scenario, problems } = parseScenarioSource(source, 'scenarios/tiny.yaml')
	if (!scenario) throw new Error(problems.map((p) => p.message).join('\n'))
	return scenario
}

const walk = (source: string, limit = 1000) => {
	const scenario = load(source)
	return enumeratePaths(scenario, compileScenario(scenario), limit)
}

describe('enumeratePaths', () => {
	it('walks every path through the machine, respecting conditions', () => {
		const w = walk(tiny)
		expect(w.capped).toBe(false)
		expect(w.stuck).toEqual([])
		expect(w.mismatches).toEqual([])
		expect(w.paths.map((p) => `${p.steps.map((s) => s.choice).join(' > ')} = ${p.ending}`)).toEqual([
			'check > plan = good',
			'check > vague = good',
			'check > bonus = good',
			'promise > plan = okay',
			'promise > vague = bad',
			// no "promise > bonus": bonus is hidden once something was promised
		])
		expect(w.paths.find((p) => p.ending === 'good')?.outcome).toBe('resolved')
	})

	it('says when the cap cut the walk short', () => {
		const w = walk(tiny, 2)
		expect(w.capped).toBe(true)
		expect(w.paths).toHaveLength(2)
	})

	it('walks each loop once and still finds every way out', () => {
		// "vague" now leads back to the same turn: a learner could stall forever, but every
		// distinct state still has its exits walked.
		const w = walk(
			edit(tiny, [
				'        to: decide\n        effects: { patience: -25 }',
				'        to: details\n        effects: { patience: -25 }',
			]),
		)
		expect(w.capped).toBe(false)
		expect(w.loops).toBeGreaterThan(0)
		expect(w.stuck).toEqual([])
		expect(w.paths.length).toBeGreaterThan(3)
		expect(w.paths.every((p) => ['good', 'okay', 'bad'].includes(p.ending))).toBe(true)
	})

	it('reports a turn where no choice is available', () => {
		// The checker refuses such a scenario, so build it in memory: the walk must find the
		// stuck state on its own (reached by "check": trust 60, nothing promised).
		const broken = load(tiny)
		const details = broken.nodes.details
		if (details?.type !== 'turn') throw new Error('fixture changed')
		details.choices[0]!.when = { promised: true }
		details.choices[1]!.when = { promised: true }
		details.choices[2]!.when = { trust: { gt: 60 }, promised: false }
		const w = enumeratePaths(broken, compileScenario(broken), 100)
		expect(w.stuck).toEqual([{ node: 'details', steps: [{ node: 'opening', choice: 'check' }] }])
	})
})
