// Counts `expect(` calls per suite, so a refactor can show that no test lost an assertion.
// Usage: npx tsx scripts/count-expects.ts
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const skip = new Set(['node_modules', 'build', '.cache', '.data', '.git', 'test-results', 'playwright-report'])

const suites: Array<{ name: string; match: (rel: string) => boolean }> = [
	{ name: 'unit', match: (rel) => /^(app|db|scripts|eslint)\/.*\.test\.ts$/.test(rel) },
	{ name: 'integration', match: (rel) => /^tests\/integration\/.*\.test\.ts$/.test(rel) },
	{ name: 'e2e', match: (rel) => /^tests\/e2e\/.*\.e2e\.ts$/.test(rel) },
]

function* walk(dir: string): Generator<string> {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (skip.has(entry.name)) continue
		const full = path.join(dir, entry.name)
		if (entry.isDirectory()) yield* walk(full)
		else yield path.relative(root, full).split(path.sep).join('/')
	}
}

const counts = new Map(suites.map((s) => [s.name, { files: 0, expects: 0 }]))
for (const rel of walk(root)) {
	const suite = suites.find((s) => s.match(rel))
	if (!suite) continue
	const text = fs.readFileSync(path.join(root, rel), 'utf8')
	const c = counts.get(suite.name)!
	c.files += 1
	// `expect(` and `expect.soft(` / `expect.poll(` all assert; `toBe(` alone never appears without one.
	c.expects += text.match(/\bexpect(\.soft|\.poll)?\(/g)?.length ?? 0
}

let total = 0
for (const [name, c] of counts) {
	console.log(`${name.padEnd(12)} ${String(c.expects).padStart(5)} expect( in ${c.files} files`)
	total += c.expects
}
console.log(`${'total'.padEnd(12)} ${String(total).padStart(5)}`)
