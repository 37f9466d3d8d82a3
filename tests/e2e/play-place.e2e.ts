import { expect, test } from '@playwright/test'
import { signUp, uniqueEmail } from './support.ts'

// Without JavaScript each reply reloads the page: it must open on the customer's newest line,
// not at the top of a transcript that grows to thousands of pixels on a phone.
test('without JavaScript, each reply keeps your place at the customer’s newest line', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })
	const page = await context.newPage()
	await signUp(page, 'Keep My Place Ltd', uniqueEmail('place'), 'a long and memorable passphrase')
	await page.goto('/practice/catch-up-bill')
	await page.getByRole('button', { name: 'Start the conversation' }).click()
	await expect(page).toHaveURL(/\/play\/[0-9a-f-]{36}$/)
	await expect(page.getByText(/^Reply 1 of /)).toBeVisible()
	for (let reply = 1; reply <= 3; reply++) {
		await page.locator('form[aria-label="Your reply"] button[name="choice"]').first().click()
		await expect(page).toHaveURL(/#now$/)
		const newest = page.locator('.transcript__entry--customer').last()
		if ((await page.locator('.ending').count()) > 0) break
		await expect(newest).toHaveAttribute('id', 'now')
		await expect(page.getByText(new RegExp(`^Reply ${reply + 1} of `))).toBeAttached()
		// The newest line starts near the top of the screen, and the page has really scrolled. The
		// browser scrolls to #now once the page is laid out: on a busy machine that can come a moment
		// after the URL and the text are there, so wait for it (a page that never scrolls still fails).
		await expect
			.poll(async () => {
				const y = (await newest.boundingBox())?.y ?? -1
				return y >= 0 && y < 60
			})
			.toBe(true)
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200)
	}
	await context.close()
})

test('with JavaScript, the customer’s answer is announced to screen readers', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
	const page = await context.newPage()
	await signUp(page, 'Announce It Ltd', uniqueEmail('announce'), 'a long and memorable passphrase')
	await page.goto('/practice/catch-up-bill')
	await page.getByRole('button', { name: 'Start the conversation' }).click()
	await page.locator('form[aria-label="Your reply"] button[name="choice"]').first().click()
	await expect(page.locator('.transcript__entry--learner')).toHaveCount(1)
	const newest = ((await page.locator('.transcript__entry--customer .bubble__text').last().textContent()) ?? '').trim()
	const live = page.locator('.play-announcer[aria-live="polite"]')
	await expect(live).toContainText(newest)
	await expect(live).toContainText('says:')
	await context.close()
})
