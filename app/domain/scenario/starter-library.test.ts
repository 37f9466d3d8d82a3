// The starter library's promises (issue #5), so a content edit that breaks one fails the build.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { customerStyles } from '#app/domain/practice/catalogue.ts'
import { skills } from '#app/domain/practice/skills.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'

const dir = new URL('../../../scenarios/', import.meta.url)
const library: Scenario[] = fs
	.readdirSync(dir)
	.filter((f) => /\.ya?ml$/i.test(f))
	.sort()
	.map((f) => parseScenarioSource(fs.readFileSync(new URL(f, dir), 'utf8'), `scenarios/${f}`).scenario)
	.filter((s): s is Scenario => s !== undefined)

const count = <T>(values: T[], value: T) => values.filter((v) => v === value).length

describe('starter library', () => {
	it('has at least 10 scenarios: 4 onboarding, 4 difficult calls, 2 sales', () => {
		expect(library.length).toBeGreaterThanOrEqual(10)
		const audiences = library.map((s) => s.audience)
		expect(count(audiences, 'onboarding')).toBeGreaterThanOrEqual(4)
		expect(count(audiences, 'difficult-calls')).toBeGreaterThanOrEqual(4)
		expect(count(audiences, 'sales')).toBeGreaterThanOrEqual(2)
	})

	it('has every customer style at least twice', () => {
		const styles = library.map((s) => s.persona.style)
		for (const style of customerStyles) expect(count(styles, style), style).toBeGreaterThanOrEqual(2)
	})

	it('exercises every skill in the catalogue', () => {
		const exercised = new Set<string>()
		for (const s of library) {
			for (const node of Object.values(s.nodes)) {
				if (node.type === 'cue') exercised.add('cue_reading')
				if (node.type !== 'turn') continue
				for (const c of node.choices) {
					for (const [skill, weight] of Object.entries(c.evidence ?? {})) if (weight !== 0) exercised.add(skill)
					if (c.flex === 'fit' || c.flex === 'miss') exercised.add('style_flex')
				}
			}
		}
		expect([...skills].filter((k) => !exercised.has(k))).toEqual([])
	})

	for (const s of library) {
		it(`${s.id}: longest path has 8–20 turns and at least two different outcomes are reachable`, () => {
			const walk = enumeratePaths(s, compileScenario(s), 100_000)
			expect(walk.capped).toBe(false)
			const turns = Math.max(...walk.paths.map((p) => p.steps.length))
			expect(turns).toBeGreaterThanOrEqual(8)
			expect(turns).toBeLessThanOrEqual(20)
			expect(new Set(walk.paths.map((p) => p.outcome)).size).toBeGreaterThanOrEqual(2)
		})
	}
})
