// The CLI checks the folder the server publishes (SCENARIOS_DIR), including .YAML files.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'

function run(env: Record<string, string>, ...args: string[]) {
	try {
		return {
			code: 0,
			out: execFileSync('npx', ['tsx', 'scripts/scenarios-check.ts', ...args], {
				env: { ...process.env, ...env },
				encoding: 'utf8',
			}),
		}
	} catch (error) {
		const e = error as { status: number; stdout: string }
		return { code: e.status, out: e.stdout }
	}
}

it('reads SCENARIOS_DIR, counts .YAML files, and fails on the duplicate id of x.yaml and x.yml', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-check-'))
	try {
		const source = fs.readFileSync('scenarios/catch-up-bill.yaml', 'utf8')
		fs.writeFileSync(path.join(dir, 'catch-up-bill.YAML'), source)
		const ok = run({ SCENARIOS_DIR: dir }, '--strict')
		expect(ok.code).toBe(0)
		expect(ok.out).toMatch(/scenarios:check: 1 file, no (errors|problems)/)
		fs.writeFileSync(path.join(dir, 'catch-up-bill.yml'), source)
		const dup = run({ SCENARIOS_DIR: dir })
		expect(dup.code).toBe(1)
		expect(dup.out).toMatch(/catch-up-bill\.YAML:1:1 id: another file has the same id/)
		expect(dup.out).toMatch(/catch-up-bill\.yml:1:1 id: another file has the same id/)
	} finally {
		fs.rmSync(dir, { recursive: true, force: true })
	}
}, 60_000)
