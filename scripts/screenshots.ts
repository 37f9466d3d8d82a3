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
]

async function signIn(page: Page, email: string) {
	await page.goto(`${base}/login`)
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password').fill('northwind-demo')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await page.waitForURL(/\/home$/)
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
for (const [label, viewport] of [
	['desktop', { width: 1280, height: 860 }],
	['mobile', { width: 360, height: 760 }],
] as const) {
	for (const shot of shots) {
		const context = await browser.newContext({ viewport, javaScriptEnabled: shot.js ?? true })
		const page = await context.newPage()
		if (shot.as) await signIn(page, shot.as)
		await page.goto(`${base}${shot.path}`)
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
