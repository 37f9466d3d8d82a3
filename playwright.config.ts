import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.ATTUNE_E2E_PORT ?? 3100)
// Set once in the main process; workers inherit it, so all share one fresh folder.
process.env.ATTUNE_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'attune-e2e-'))
// The sign-in fixture's secret (tests/support/e2e-sign-in.server.ts), new for every run.
process.env.ATTUNE_E2E_FIXTURE_TOKEN ??= randomBytes(32).toString('hex')

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// Generous limits for a busy CI machine; long journeys set their own (test.setTimeout).
	timeout: 60_000,
	expect: { timeout: 15_000 },
	fullyParallel: true,
	// Chromium and the server share the machine: on 2 cores, parallel workers only starve each other.
	workers: os.cpus().length <= 2 ? 1 : process.env.CI ? 2 : undefined,
	retries: 0,
	reporter: 'list',
	outputDir: '.cache/playwright',
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			// Debian's Chromium: Playwright's own browser download cannot work here.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		// The production server, exactly as `npm start` runs it, on a throw-away folder.
		command: 'npx tsx scripts/server.ts',
		url: `http://localhost:${PORT}/healthz`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			DATA_DIR: process.env.ATTUNE_E2E_DATA_DIR,
			NODE_ENV: 'production',
			DATABASE_URL: '',
			// Lets sign-ups come from distinct addresses (tests/e2e/support.ts, asNewVisitor).
			TRUST_PROXY: 'true',
			ATTUNE_E2E_FIXTURE_TOKEN: process.env.ATTUNE_E2E_FIXTURE_TOKEN,
		},
	},
})
