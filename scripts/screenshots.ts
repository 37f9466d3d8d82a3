// Screenshots of key pages at desktop and 360 px width, for a person to look at.
//   npx tsx scripts/screenshots.ts [baseURL] [outDir]
// Expects a running server with the demo seed (npm start).
import { chromium, type Page } from '@playwright/test'

const base = process.argv[2] ?? 'http://localhost:3000'
const out = process.argv[3] ?? '.cache/screenshots'

const shots: Array<{ name: string; as?: string; path: string; js?: boolean }> = [
	{ name: 'landing', path: '/' },
	{ name: 'login', path: '/login' },
	{ name: 'signup-errors', path: '/signup' },
	{ name: 'admin-home', as: 'admin@northwind.test', path: '/home' },
	{ name: 'admin-members', as: 'admin@northwind.test', path: '/members' },
	{ name: 'admin-teams', as: 'admin@northwind.test', path: '/teams' },
	{ name: 'coach-home', as: 'priya.coach@northwind.test', path: '/home' },
	{ name: 'learner-home', as: 'jordan@northwind.test', path: '/home' },
	{ name: 'learner-account', as: 'jordan@northwind.test', path: '/account' },
	{ name: 'learner-403', as: 'jordan@northwind.test', path: '/members' },
	{ name: 'learner-practice', as: 'jordan@northwind.test', path: '/practice' },
	{ name: 'learner-assessment-take', as: 'sam@northwind.test', path: '/assessment/take' },
	{ name: 'learner-assessment-report', as: 'jordan@northwind.test', path: '/assessment' },
	{ name: 'learner-scenario-intro', as: 'noah@northwind.test', path: '/practice/outage-live-keynote' },
	{ name: 'learner-play', as: 'noah@northwind.test', path: '/practice/catch-up-bill' },
	{ name: 'admin-scenarios', as: 'admin@northwind.test', path: '/admin/scenarios' },
	{ name: 'admin-scenario-map', as: 'admin@northwind.test', path: '/admin/scenarios/cautious-discovery' },
	{ name: 'admin-scenario-preview', as: 'admin@northwind.test', path: '/admin/scenarios/cautious-discovery/preview' },
	{ name: 'admin-instrument', as: 'admin@northwind.test', path: '/admin/instrument' },
]

// Takes the whole assessment through the UI so that the report has something to show.
async function takeAssessment(page: Page, offset: number) {
	await page.goto(`${base}/assessment`)
	const start = page.getByRole('button', { name: /^Start/ })
	if (await start.isVisible()) await start.click()
	for (let n = 0; n < 20; n++) {
		await page.locator('.assessment__form .button-row').waitFor()
		const questions = page.locator('fieldset.question')
		const count = await questions.count()
		for (let i = 0; i < count; i++) {
			const options = questions.nth(i).locator('input[type="radio"]')
			await options.nth((i * 3 + offset + n) % (await options.count())).check()
		}
		const finish = page.getByRole('button', { name: 'Finish and see my report' })
		const last = await finish.isVisible()
		const progress = await page.locator('.assessment__progress p').textContent()
		await page.locator('.assessment__form button[type="submit"]').click()
		if (last) break
		await page.waitForFunction(
			(before) => document.querySelector('.assessment__progress p')?.textContent !== before,
			progress,
		)
	}
	await page.waitForURL(/\/assessment\/results\//)
}

async function signIn(page: Page, email: string) {
	await page.goto(`${base}/login`)
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password').fill('northwind-demo')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await page.waitForURL(/\/home$/)
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	],
})
for (const [label, viewport] of [
	['desktop', { width: 1280, height: 860 }],
	['mobile', { width: 360, height: 760 }],
] as const) {
	for (const shot of shots) {
		const context = await browser.newContext({ viewport, javaScriptEnabled: shot.js ?? true })
		const page = await context.newPage()
		if (shot.as) await signIn(page, shot.as)
		if (shot.name === 'learner-assessment-take') {
			await page.goto(`${base}/assessment`)
			const start = page.getByRole('button', { name: /^Start/ })
			if (await start.isVisible()) await start.click()
		}
		if (shot.name === 'learner-play') {
			await page.goto(`${base}${shot.path}`)
			const fresh = page.getByRole('button', { name: /Start over|Start the conversation/ })
			await fresh.first().click()
			await page.waitForURL(/\/play\//)
			for (let i = 0; i < 3; i++) {
				const count = await page.locator('.transcript__entry').count()
				await page
					.locator('form[aria-label="Your reply"] button[name="choice"]')
					.nth(i % 2)
					.click()
				await page.waitForFunction((n) => document.querySelectorAll('.transcript__entry').length > n, count)
			}
		} else if (shot.name === 'learner-assessment-report') {
			await takeAssessment(page, 1)
		} else {
			await page.goto(`${base}${shot.path}`)
		}
		if (shot.name === 'signup-errors') {
			await page.getByLabel('Work email').fill('nope')
			await page.getByRole('button', { name: 'Create organisation' }).click()
			await page.waitForTimeout(300)
		}
		await page.screenshot({ path: `${out}/${label}-${shot.name}.png`, fullPage: true })
		await context.close()
	}
}
await browser.close()
console.log(`Screenshots written to ${out}/`)
