// `npm run scenarios:mutants [out-dir]`: builds the mutation corpus from the shipped library
// (app/domain/scenario/mutants.ts), checks every mutant and prints, by kind, how many were
// made and how many the checker caught at the right file and line. With out-dir, the mutants
// are also written there as files. Exits 1 if any mutant slips through.
import fs from 'node:fs'
import path from 'node:path'
import { checkLibrary, isScenarioFileName } from '#app/domain/scenario/library.ts'
import { generateMutants, type Mutant } from '#app/domain/scenario/mutants.ts'

const dir = process.env.SCENARIOS_DIR || 'scenarios'
const library = fs
	.readdirSync(dir)
	.filter(isScenarioFileName)
	.sort()
	.map((f) => ({ file: path.join(dir, f), source: fs.readFileSync(path.join(dir, f), 'utf8') }))

export function caught(m: Mutant) {
	const problems = checkLibrary(m.files).flatMap((c) => c.problems)
	return problems.some((p) => p.file === m.file && p.line === m.line && p.severity === m.severity)
}

const mutants = generateMutants(library)
const out = process.argv[2]
const byKind = new Map<string, { made: number; caught: number }>()
const missed: Mutant[] = []
mutants.forEach((m, i) => {
	const row = byKind.get(m.kind) ?? { made: 0, caught: 0 }
	row.made++
	if (caught(m)) row.caught++
	else missed.push(m)
	byKind.set(m.kind, row)
	if (out) {
		fs.mkdirSync(path.join(out, String(i).padStart(3, '0')), { recursive: true })
		for (const f of m.files)
			fs.writeFileSync(path.join(out, String(i).padStart(3, '0'), path.basename(f.file)), f.source)
	}
})
const width = Math.max(...[...byKind.keys()].map((k) => k.length))
for (const [kind, row] of byKind)
	console.log(`${kind.padEnd(width)}  ${String(row.made).padStart(3)} made  ${String(row.caught).padStart(3)} caught`)
console.log(
	`${mutants.length} mutants in ${byKind.size} kinds, ${mutants.length - missed.length} caught at the right file and line`,
)
for (const m of missed) console.log(`missed: ${m.kind} in ${m.file}, expected at line ${m.line}`)
process.exit(missed.length ? 1 : 0)
