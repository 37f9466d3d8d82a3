// The mutation corpus (issue 11, "Done means"): every broken file made from the shipped library
// is caught, at the right file and line, in words a trainer can read.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkLibrary, isScenarioFileName } from '#app/domain/scenario/library.ts'
import { generateMutants, MUTANT_KINDS } from '#app/domain/scenario/mutants.ts'
import { formatProblem } from '#app/domain/scenario/problems.ts'

const dir = new URL('../../../scenarios/', import.meta.url)
const library = fs
	.readdirSync(dir)
	.filter(isScenarioFileName)
	.sort()
	.map((f) => ({ file: `scenarios/${f}`, source: fs.readFileSync(new URL(f, dir), 'utf8') }))
const mutants = generateMutants(library)

// Words from the YAML parser and zod that mean nothing to a trainer.
const JARGON = [
	/compact mapping/i,
	/parseAllDocuments/,
	/YAMLParseError/,
	/YAMLWarning/,
	/implicit key/i,
	/\bscalar\b/i,
	/flow collection/i,
	/block sequence/i,
	/\bMap keys\b/,
	/\b[A-Z]+_[A-Z_]+\b/, // error codes such as BAD_INDENT
	/\bexpected (string|number|object|array)\b/i,
	/received (string|number|undefined)/i,
	/Unresolved tag/i,
]

describe('the mutation corpus', () => {
	it('has at least 100 mutants, every kind at least 3 times', () => {
		expect(mutants.length).toBeGreaterThanOrEqual(100)
		for (const kind of MUTANT_KINDS) {
			expect(mutants.filter((m) => m.kind === kind).length, kind).toBeGreaterThanOrEqual(3)
		}
	})

	it.each(mutants.map((m, i) => [`${i} ${m.kind} in ${m.file}`, m] as const))('%s is caught at its line', (_, m) => {
		const checked = checkLibrary(m.files)
		const own = checked.find((c) => c.file === m.file)!
		const problems = checked.flatMap((c) => c.problems)
		const list = problems.map(formatProblem).join('\n')
		expect(
			problems.some((p) => p.file === m.file && p.line === m.line && p.severity === m.severity),
			`expected a ${m.severity} at ${m.file}:${m.line}, got:\n${list}`,
		).toBe(true)
		if (m.severity === 'error') expect(own.scenario, 'a broken file must not be playable').toBeUndefined()
		for (const p of problems) for (const word of JARGON) expect(p.message, list).not.toMatch(word)
	})
})
