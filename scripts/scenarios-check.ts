// `npm run scenarios:check [files…]`: every problem in every scenario file, as
// file:line:col path: message. Exits 1 if there is any.
import fs from 'node:fs'
import path from 'node:path'
import { formatProblem, parseScenarioSource } from '#app/domain/roleplay/check.ts'

const args = process.argv.slice(2)
const files = args.length
	? args
	: fs
			.readdirSync('scenarios')
			.filter((f) => /\.ya?ml$/.test(f))
			.sort()
			.map((f) => path.join('scenarios', f))

let problemCount = 0
let broken = 0
for (const file of files) {
	const { problems } = parseScenarioSource(fs.readFileSync(file, 'utf8'), file)
	if (problems.length) broken++
	problemCount += problems.length
	for (const p of problems) console.log(formatProblem(p))
}
console.log(
	problemCount === 0
		? `scenarios:check: ${files.length} file${files.length === 1 ? '' : 's'}, no problems`
		: `scenarios:check: ${problemCount} problem${problemCount === 1 ? '' : 's'} in ${broken} of ${files.length} files`,
)
process.exit(problemCount === 0 && files.length > 0 ? 0 : 1)
