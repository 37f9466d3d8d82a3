import { expect, type Page, test } from '@playwright/test'

// Sign-in accepts at most 16 KiB. A hidden field past the cap (the client-side checks ignore
// unknown fields) makes the browser send an oversized form the ordinary way.
async function padSignInForm(page: Page) {
	await page.evaluate(() => {
		const pad = document.createElement('input')
		pad.type = 'hidden'
		pad.name = 'padding'
		pad.value = 'x'.repeat(20 * 1024)
		document.querySelector('form#login')!.append(pad)
	})
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`an oversized sign-in with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled })

		test('answers 413 as the sign-in form’s own error, in the app’s page', async ({ page }) => {
			await page.goto('/login')
			await page.getByLabel('Email').fill('someone@example.test')
			await page.getByLabel('Password').fill('not-the-password')
			await padSignInForm(page)
			const answer = page.waitForResponse((r) => r.request().method() === 'POST')
			await page.getByRole('button', { name: 'Sign in' }).click()
			expect((await answer).status()).toBe(413)

			// The error sits in the form that was sent, not on the error page.
			const form = page.locator('form#login')
			await expect(form.getByRole('alert')).toContainText('That form is too large: this page accepts at most 16 KiB')
			await expect(page.locator('.error-page')).toHaveCount(0)
			// The app's own page: its title, heading, styles and a way on.
			await expect(page).toHaveTitle('Sign in · Attune')
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Attune')
			expect(await page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0)
			await expect(page.locator('#main').getByRole('link', { name: 'Create an organisation' })).toBeVisible()
			await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled()
		})
	})
}
