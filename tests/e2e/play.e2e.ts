import { expect, test, type Page } from '@playwright/test'
import { signInAs, signOut, startScenario, untilHydrated } from './support.ts'

const SCENARIO = 'catch-up-bill'

async function chooseFirst(page: Page) {
	await untilHydrated(page)
	const choices = page.locator('form[aria-label="Your reply"] button[name="choice"]')
	const text = (await choices.first().textContent())?.trim() ?? ''
	const before = await page.locator('.transcript__entry').count()
	await choices.first().click()
	// The chosen reply now stands in the conversation.
	await expect(page.locator('.transcript__entry--learner').last()).toHaveText(new RegExp(escape(text.slice(0, 40))))
	await expect.poll(() => page.locator('.transcript__entry').count()).toBeGreaterThan(before)
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

for (const [javaScriptEnabled, email] of [
	[true, 'lena@northwind.test'],
	[false, 'diego@northwind.test'],
] as const) {
	test(`plays a scenario to an ending with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(120_000) // a whole conversation, one server round trip per reply
		const context = await browser.newContext({ javaScriptEnabled })
		const page = await context.newPage()
		await signInAs(page, email)
		await page.getByRole('link', { name: 'Practice' }).click()
		await expect(page.getByRole('heading', { name: 'Practice', exact: true })).toBeVisible()
		await page.getByLabel('Customer style').selectOption('analyst')
		if (!javaScriptEnabled) await page.getByRole('button', { name: 'Filter' }).click()
		await expect(page).toHaveURL(/style=analyst/)
		await expect(page.getByRole('link', { name: /catch-up electricity bill/ })).toBeVisible()

		await startScenario(page, SCENARIO)
		await expect(page.getByRole('complementary', { name: 'How the conversation is going' })).toContainText('Trust')
		for (let i = 0; i < 25; i++) {
			if ((await page.locator('form[aria-label="Your reply"]').count()) === 0) break
			await chooseFirst(page)
		}
		await expect(page.getByRole('heading', { name: 'Your path' })).toBeVisible()
		await expect(page.locator('.ending .outcome')).toHaveText(/Resolved|Partly resolved|Escalated|Customer lost/)
		await context.close()
	})
}

test('resumes mid-way after signing out and in, on the same turn', async ({ page }) => {
	await signInAs(page, 'grace@northwind.test')
	await startScenario(page, SCENARIO)
	await chooseFirst(page)
	await chooseFirst(page)
	// The reply's redirect adds the #now anchor; Resume links to the page itself.
	const url = page.url().replace(/#now$/, '')
	const currentLine = await page.locator('.transcript__entry--customer').last().textContent()
	await signOut(page)

	await signInAs(page, 'grace@northwind.test')
	await page.goto('/practice')
	await page.getByRole('link', { name: 'Resume' }).first().click()
	await expect(page).toHaveURL(url)
	await expect(page.locator('.transcript__entry--customer').last()).toHaveText(currentLine ?? '')
	await expect(page.getByText(/^Reply 3 of/)).toBeVisible()
})

test('a second tab that submits an old turn is sent to the current turn with a notice', async ({ page, context }) => {
	await signInAs(page, 'noah@northwind.test')
	await startScenario(page, SCENARIO)
	const other = await context.newPage()
	await other.goto(page.url())
	await chooseFirst(page)
	await other.locator('form[aria-label="Your reply"] button[name="choice"]').first().click()
	await expect(other.getByRole('status')).toContainText('already been recorded')
	await expect(other.getByText(/^Reply 2 of/)).toBeVisible()
})
