import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startApp, type AppProcess } from '../../scripts/load/server-process.ts'

// Faults at start-up, on the real server process.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-startup-faults-'))
let app: AppProcess | undefined
afterAll(async () => {
	await app?.stop('SIGKILL')
	fs.rmSync(tmp, { recursive: true, force: true })
})

describe('start-up faults', () => {
	it('a broken env value stops the server at once, naming the variable, without a stack trace', () => {
		const started = Date.now()
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
			env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(tmp, 'unused'), PORT: 'eighty', SEED_DEMO: 'maybe' },
			encoding: 'utf8',
			timeout: 60_000,
		})
		const output = `${result.stdout}${result.stderr}`.trim()
		expect(result.status).toBe(1)
		expect(output).toMatch(/PORT: /)
		expect(output).toMatch(/SEED_DEMO: /)
		expect(output).not.toMatch(/\n\s+at /)
		expect(fs.existsSync(path.join(tmp, 'unused'))).toBe(false)
		expect(Date.now() - started).toBeLessThan(30_000)
	}, 60_000)

	it('a broken scenario file is reported at start-up while the others are served', async () => {
		const scenarios = path.join(tmp, 'scenarios')
		fs.mkdirSync(scenarios)
		for (const f of fs.readdirSync('scenarios')) fs.copyFileSync(path.join('scenarios', f), path.join(scenarios, f))
		const shipped = fs.readdirSync(scenarios).filter((f) => f.endsWith('.yaml')).length
		fs.writeFileSync(path.join(scenarios, 'zz-broken.yaml'), 'id: zz-broken\ntitle: [unclosed\n')
		app = await startApp({ port: 3157, dataDir: path.join(tmp, 'data'), env: { SCENARIOS_DIR: scenarios } })
		expect(app.output()).toMatch(/Scenario file \S*zz-broken\.yaml has problems and is not offered/)
		expect(app.output()).toContain(`Scenario library: ${shipped} scenarios, 1 broken files`)
		expect((await fetch(`${app.url}/readyz`)).status).toBe(200)
		expect((await app.stop('SIGTERM')).code).toBe(0)
		app = undefined
	}, 120_000)
})
