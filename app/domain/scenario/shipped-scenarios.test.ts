// The shipped library must always be playable: every file passes the checker, and every
// path through every compiled machine ends at an ending. Tests may read files; the domain
// code itself never does.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'
import { formatProblem } from '#app/domain/scenario/problems.ts'
import { GOOD_OUTCOME } from '#app/domain/scenario/schema.ts'

const dir = new URL('../../../scenarios/', import.meta.url)
const files = fs
	.readdirSync(dir)
	.filter((f) => /\.ya?ml$/i.test(f))
	.sort()
// Far above the largest shipped scenario (a few thousand paths); reaching it fails the test
// rather than passing on a partial walk.
const PATH_LIMIT = 100_000

describe('shipped scenarios', () => {
	it('exist', () => {
		expect(files.length).toBeGreaterThanOrEqual(1)
	})

	describe.each(files)('%s', (file) => {
		const { scenario, problems } = parseScenarioSource(fs.readFileSync(new URL(file, dir), 'utf8'), `scenarios/${file}`)

		it('passes the checker', () => {
			expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([])
			expect(scenario).toBeDefined()
		})

		it('reaches an ending on every path through the compiled machine', () => {
			if (!scenario) return expect.fail('not checked: the file has errors')
			const walk = enumeratePaths(scenario, compileScenario(scenario), PATH_LIMIT)
			expect(walk.capped, `the walk hit its cap of ${PATH_LIMIT} paths, so not every path was checked`).toBe(false)
			expect(walk.stuck, 'turns where no choice is available').toEqual([])
			expect(walk.mismatches, 'machine guards disagreeing with the scenario conditions').toEqual([])
			expect(walk.paths.length).toBeGreaterThan(0)
			expect(walk.paths.some((p) => p.outcome === GOOD_OUTCOME)).toBe(true)
			expect(walk.paths.every((p) => scenario.nodes[p.ending]?.type === 'ending')).toBe(true)
		})
	})
})
