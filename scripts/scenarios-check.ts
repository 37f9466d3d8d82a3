// `npm run scenarios:check [files…]`: every problem in every scenario file, one per line as
// `file:line:col path: message`, then a one-line summary. Exits 1 on any error (warnings
// alone pass). The checking itself is pure (app/domain/scenario); only this file reads disk.
import fs from 'node:fs'
import path from 'node:path'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { formatProblem, hasErrors, summarizeProblems, type Problem } from '#app/domain/scenario/problems.ts'

const args = process.argv.slice(2)
const files = args.length
	? args
	: fs
			.readdirSync('scenarios')
			.filter((f) => /\.ya?ml$/i.test(f))
			.sort()
			.map((f) => path.join('scenarios', f))

const problems: Problem[] = []
for (const file of files) {
	let source: string
	try {
		source = fs.readFileSync(file, 'utf8')
	} catch (error) {
		problems.push({
			file,
			line: 1,
			col: 1,
			path: '',
			message: `cannot be read: ${(error as Error).message}`,
			severity: 'error',
		})
		continue
	}
	problems.push(...parseScenarioSource(source, file).problems)
}
for (const p of problems) console.log(formatProblem(p))
console.log(summarizeProblems(files.length, problems))
process.exit(files.length === 0 || hasErrors(problems) ? 1 : 0)
