import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD, playToEnding, signIn, startScenario } from './support.ts'

const SCENARIO = 'catch-up-bill'
const SHOTS = process.env.ATTUNE_SCREENSHOTS_DIR

async function shoot(page: Page, name: string) {
	if (!SHOTS) return
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 900 })
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
	}
	await page.setViewportSize({ width: 1280, height: 900 })
}

for (const [javaScriptEnabled, email] of [
	[true, 'aisha@northwind.test'],
	[false, 'tom@northwind.test'],
] as const) {
	test(`reads the debrief, its reasons, and sees progress and Home change (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
		browser,
	}) => {
		test.setTimeout(120_000) // a whole conversation, one server round trip per reply
		const context = await browser.newContext({ javaScriptEnabled })
		const page = await context.newPage()
		await signIn(page, email, DEMO_PASSWORD)
		const recentBefore = await page.getByRole('heading', { name: 'Recent results' }).count()

		await startScenario(page, SCENARIO)
		await playToEnding(page)
		await page.getByRole('link', { name: 'Read your debrief' }).click()
		await expect(page).toHaveURL(/\/play\/[0-9a-f-]{36}\/debrief$/)
		await expect(page.getByRole('heading', { name: 'What this conversation shows' })).toBeVisible()
		await expect(page.getByRole('heading', { name: 'Every decision, revisited' })).toBeVisible()
		await expect(page.getByRole('img', { name: /Meters after each of your/ })).toBeVisible()
		// Each skill bar is as wide as its score.
		for (const row of await page.locator('.skill-bars li').all()) {
			const value = (await row.locator('.skill-bars__value').textContent())?.replace(/\D/g, '')
			const share = await row
				.locator('.skill-bars__fill')
				.evaluate((e) => e.getBoundingClientRect().width / e.parentElement!.getBoundingClientRect().width)
			expect(share).toBeCloseTo(Number(value) / 100, 1)
		}

		// "Why am I seeing this?" is a <details>: it opens without JavaScript too.
		const why = page.locator('details.why').first()
		await why.locator('summary').click()
		await expect(why).toContainText(/Rule .+ triggered by/)
		await expect(why.getByRole('link', { name: /decision \d+/ }).first()).toBeVisible()
		await shoot(page, `debrief-js-${javaScriptEnabled ? 'on' : 'off'}`)
		const debriefUrl = page.url()

		await page.goto('/progress')
		await expect(page.getByRole('heading', { name: 'My progress' })).toBeVisible()
		await expect(page.getByRole('heading', { name: 'Skill levels' })).toBeVisible()
		const entry = page
			.locator('.attempt-list li')
			.filter({ hasText: /catch-up electricity bill/i })
			.first()
		await expect(entry).toContainText('private')
		await entry.getByRole('link').click()
		await expect(page).toHaveURL(debriefUrl)
		await page.goto('/progress')
		await shoot(page, `progress-js-${javaScriptEnabled ? 'on' : 'off'}`)

		await page.goto('/home')
		await expect(page.getByRole('heading', { name: 'Recent results' })).toBeVisible()
		expect(recentBefore).toBeGreaterThanOrEqual(0)
		await expect(page.locator('section[aria-labelledby="recent-heading"]')).toContainText(/catch-up electricity bill/i)
		await expect(page.getByText(/^Next:/)).toBeVisible()

		await page.goto('/practice')
		await expect(page.locator('.scenario-card').filter({ hasText: /catch-up electricity bill/i })).toContainText(
			'Done · best:',
		)
		await context.close()
	})
}

test('a debrief URL of an unfinished attempt redirects to it; a stranger gets 404', async ({ page }) => {
	await signIn(page, 'jordan@northwind.test', DEMO_PASSWORD)
	await startScenario(page, SCENARIO)
	const playUrl = page.url()
	await page.goto(`${playUrl}/debrief`)
	await expect(page).toHaveURL(playUrl)
	const res = await page.goto('/play/00000000-0000-4000-8000-000000000000/debrief')
	expect(res?.status()).toBe(404)
})
