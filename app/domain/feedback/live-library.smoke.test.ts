// Smoke test: every live scenario plays to a debrief (the golden tests use frozen copies).
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildDebrief } from '#app/domain/feedback/debrief.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'
import { FEEDBACK_RULES, ruleSchema, STYLE_RELATIONS } from '#app/domain/feedback/rules.ts'
import { STRESS_REACTIONS } from '#app/domain/style.ts'

const dir = new URL('../../../scenarios/', import.meta.url)
const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))

describe('every live scenario plays to a debrief', () => {
	it.each(files)('%s', (file) => {
		const { scenario } = parseScenarioSource(fs.readFileSync(new URL(file, dir), 'utf8'), file)
		if (!scenario) return expect.fail(`${file} does not parse`)
		const machine = compileScenario(scenario)
		const walk = enumeratePaths(scenario, machine, 40)
		expect(walk.paths.length).toBeGreaterThan(0)
		for (const p of walk.paths) {
			const d = buildDebrief({ scenario, machine, path: p.steps, profile: null })
			expect(d.decisions).toHaveLength(p.steps.length)
			expect(d.feedback.length).toBeGreaterThan(0)
		}
	})
})

describe('feedback rules table', () => {
	it('validates, with unique ids, and covers every style relation and stress reaction', () => {
		for (const r of FEEDBACK_RULES) expect(ruleSchema.safeParse(r).success).toBe(true)
		expect(new Set(FEEDBACK_RULES.map((r) => r.id)).size).toBe(FEEDBACK_RULES.length)
		for (const relation of STYLE_RELATIONS)
			for (const missed of [true, false])
				expect(
					FEEDBACK_RULES.some((r) => r.when.on === 'style' && r.when.relation === relation && r.when.missed === missed),
				).toBe(true)
		for (const reaction of STRESS_REACTIONS)
			for (const level of ['elevated', 'typical', 'low', 'none'] as const)
				for (const underPressure of [true, false])
					expect(
						FEEDBACK_RULES.filter(
							(r) =>
								r.when.on === 'stress_chosen' &&
								r.when.reaction === reaction &&
								r.when.level === level &&
								r.when.underPressure === underPressure,
						),
					).toHaveLength(1)
	})
})
