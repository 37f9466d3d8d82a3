// Prints one summary over every suite's JSON report; exits non-zero if anything failed.
import fs from 'node:fs'
import path from 'node:path'

const [dir, ...failedSteps] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
const rows = []
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
	if (!file.endsWith('.json')) continue
	const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
	const name = file.replace(/\.json$/, '')
	let p, f, s
	if (report.stats && 'expected' in report.stats) {
		p = report.stats.expected + report.stats.flaky
		f = report.stats.unexpected
		s = report.stats.skipped
	} else {
		p = report.numPassedTests
		f = report.numFailedTests
		s = report.numPendingTests + report.numTodoTests
	}
	passed += p
	failed += f
	skipped += s
	rows.push(
		`  ${name.padEnd(22)} ${String(p).padStart(4)} passed  ${String(f).padStart(3)} failed  ${String(s).padStart(3)} skipped`,
	)
}
console.log('\n━━ summary ━━')
console.log(rows.join('\n'))
if (failedSteps.length) console.log(`  failed steps: ${failedSteps.join(', ')}`)
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || failedSteps.length > 0 || passed === 0 ? 1 : 0)
