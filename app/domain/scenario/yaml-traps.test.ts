// Silent YAML traps and plain-words syntax messages (issue 11, items 4 and 6).
import { describe, expect, it } from 'vitest'
import { edit, positionOf, problemsOf, tiny } from '#app/domain/scenario/fixtures/helpers.ts'
import { checkLibrary, isScenarioFileName } from '#app/domain/scenario/library.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'

const errors = (src: string) => problemsOf(src).filter((p) => p.severity === 'error')

describe('YAML traps', () => {
	it('an unquoted " #" that would cut a line of dialogue short is an error at the #', () => {
		const src = edit(tiny, ['says: So what now?', 'says: Booked for Thursday, reference #4471'])
		const [only, ...rest] = errors(src)
		expect(rest).toEqual([])
		expect(only).toMatchObject({ ...positionOf(src, 'reference #4471', '#'), path: '' })
		expect(only!.message).toContain('"Booked for Thursday, reference" would be shown')
		// Quoted, the same text is fine.
		expect(errors(edit(tiny, ['says: So what now?', 'says: "Booked for Thursday, reference #4471"']))).toEqual([])
	})

	it('an unknown tag such as !include is an error, not a warning', () => {
		const src = edit(tiny, ['says: So what now?', 'says: !include snippets/frank-hip.txt'])
		const [only, ...rest] = problemsOf(src)
		expect(rest).toEqual([])
		expect(only).toMatchObject({ severity: 'error', ...positionOf(src, '!include', '!include') })
	})

	it('one tab gives one error, on its own line', () => {
		const src = edit(tiny, ['    says: So what now?', '\tsays: So what now?'])
		expect(problemsOf(src)).toEqual([
			expect.objectContaining({ line: positionOf(src, '\tsays').line, col: 1, severity: 'error' }),
		])
	})

	it('a key indented further than the one above points at its own line', () => {
		const src = edit(tiny, ['    says: So what now?', '      says: So what now?'])
		const [first] = errors(src)
		expect(first).toMatchObject({ line: positionOf(src, 'says: So what now?').line })
	})

	it('a key indented less than its neighbours points at its own line, once', () => {
		const src = edit(tiny, ['    says: So what now?', '   says: So what now?'])
		const all = errors(src)
		expect(all).toHaveLength(1)
		expect(all[0]).toMatchObject({ line: positionOf(src, 'says: So what now?').line })
	})

	it('an unclosed quote points at the line where it opens', () => {
		const src = edit(tiny, ['says: So what now?', 'says: "So what now?'])
		expect(errors(src)[0]).toMatchObject({ line: positionOf(src, 'says: "So what').line })
	})

	it('x.yaml and x.yml with one id are both errors; the .YAML extension counts like .yaml', () => {
		expect(['a.yaml', 'a.yml', 'A.YAML', 'b.YML'].every(isScenarioFileName)).toBe(true)
		expect(isScenarioFileName('a.json')).toBe(false)
		const result = checkLibrary([
			{ file: 'scenarios/tiny.yaml', source: tiny },
			{ file: 'scenarios/tiny.yml', source: tiny },
		])
		for (const r of result) {
			expect(r.scenario).toBeUndefined()
			expect(r.problems).toContainEqual(
				expect.objectContaining({
					path: 'id',
					line: 2,
					severity: 'error',
					message: expect.stringContaining('same id'),
				}),
			)
		}
		expect(checkLibrary([{ file: 'scenarios/tiny.yaml', source: tiny }])[0]!.scenario).toBeDefined()
	})

	it('survives 5,000 chained branches without overflowing the stack', () => {
		const chain = Array.from(
			{ length: 5000 },
			(_, i) =>
				`  b${i}:\n    type: branch\n    branches:\n      - if: { promised: true }\n        to: ${i === 4999 ? 'good' : `b${i + 1}`}\n    else: ${i === 4999 ? 'good' : `b${i + 1}`}\n`,
		).join('')
		const src =
			edit(tiny, [
				'        to: decide\n        evidence: { clarity: 2',
				'        to: b0\n        evidence: { clarity: 2',
			]) + chain
		const { scenario, problems } = parseScenarioSource(src, 'scenarios/tiny.yaml')
		expect(problems.filter((p) => p.severity === 'error')).toEqual([])
		expect(scenario).toBeDefined()
		// And a loop of branches that long is found, not overflowed.
		const loop = src.replace('to: good\n    else: good', 'to: b0\n    else: b0')
		expect(parseScenarioSource(loop, 'scenarios/tiny.yaml').problems).toContainEqual(
			expect.objectContaining({ message: expect.stringContaining('branches loop with no turn in between') }),
		)
		// The YAML parser alone takes seconds on a 30,000-line file; the point here is no overflow.
	}, 60_000)
})
