// `npm run scenarios:check [--strict] [--lengths] [files…]`: every problem in every scenario file
// (default: the files in SCENARIOS_DIR, or ./scenarios), one per line as
// `file:line:col path: message`, then a one-line summary. Exits 1 on any error (warnings alone
// pass). --strict makes "could not prove" an error (npm test, start-up and publishing use it).
// --coverage adds, per valid file, its path count, outcome shares, shortest path to each
// ending and the replies on no path to a resolved ending. --lengths lists every best-fit reply that is much longer than the others; without it only
// their count is printed while the shipped content is being rewritten. The checking itself is
// pure (app/domain/scenario); only this file reads disk.
import fs from 'node:fs'
import path from 'node:path'
import { checkLibrary, isLengthGiveaway, isScenarioFileName, type SourceFile } from '#app/domain/scenario/library.ts'
import { formatCoverage, scenarioCoverage } from '#app/domain/scenario/coverage.ts'
import { formatProblem, hasErrors, summarizeProblems, type Problem } from '#app/domain/scenario/problems.ts'

const args = process.argv.slice(2)
const strict = args.includes('--strict')
const lengths = args.includes('--lengths')
const coverage = args.includes('--coverage')
const named = args.filter((a) => !a.startsWith('--'))
const dir = process.env.SCENARIOS_DIR || 'scenarios'
const files = named.length
	? named
	: (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
			.filter(isScenarioFileName)
			.sort()
			.map((f) => path.join(dir, f))

const problems: Problem[] = []
const sources: SourceFile[] = []
for (const file of files) {
	try {
		sources.push({ file, source: fs.readFileSync(file, 'utf8') })
	} catch (error) {
		problems.push({
			file,
			line: 1,
			col: 1,
			path: '',
			message: `cannot be read: ${(error as Error).message}`,
			severity: 'error',
		})
	}
}
const checkedFiles = checkLibrary(sources, { strict })
for (const checked of checkedFiles) problems.push(...checked.problems)
const shown = lengths ? problems : problems.filter((p) => !isLengthGiveaway(p))
for (const p of shown) console.log(formatProblem(p))
const hidden = problems.length - shown.length
if (hidden > 0) {
	console.log(`(${hidden} best-fit replies are much longer than the others in their turn; list them with --lengths)`)
}
if (coverage) {
	for (const c of checkedFiles) {
		if (!c.scenario) continue
		console.log(`coverage of ${c.file}:`)
		for (const line of formatCoverage(scenarioCoverage(c.scenario))) console.log(line)
	}
}
console.log(summarizeProblems(files.length, shown))
process.exit(files.length === 0 || hasErrors(problems) ? 1 : 0)
