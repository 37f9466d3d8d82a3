import { expect, test, type Page } from '@playwright/test'
import { signUp, uniqueEmail } from './support.ts'

// The error summary at the top of long forms (WCAG 3.3.1), with JavaScript on (checked in the
// browser, focus moved to the summary) and off (answered by the server).
const PASSWORD = 'a long and memorable passphrase'

const summaryOf = (page: Page) => page.locator('.error-summary')

for (const javaScriptEnabled of [true, false]) {
	test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled })

		test('sign-up lists every problem at the top, each linking to its field', async ({ page }) => {
			await page.goto('/signup')
			await page.getByLabel('Organisation name').fill('X')
			await page.getByLabel('Work email').fill('not-an-email')
			await page.getByRole('button', { name: 'Create organisation' }).click()
			const summary = summaryOf(page)
			await expect(summary.getByRole('heading', { name: 'Please check these fields' })).toBeVisible()
			await expect(summary.getByRole('link')).toHaveText([
				/^Organisation name: /,
				/^Your name: /,
				/^Work email: Enter a valid email address/,
				/^Password: /,
			])
			if (javaScriptEnabled) await expect(summary).toBeFocused()
			await summary.getByRole('link', { name: /^Work email:/ }).click()
			await expect(page.getByLabel('Work email')).toBeFocused()
			if (javaScriptEnabled) {
				// The summary follows the fields as they are fixed.
				await page.getByLabel('Work email').fill('fixed@example.test')
				await page.getByLabel('Work email').blur()
				await expect(summary.getByRole('link')).toHaveCount(3)
				await expect(summary.getByRole('link', { name: /^Work email:/ })).toHaveCount(0)
			}
		})

		test('accepting an invitation lists the problems at the top', async ({ page, browser }) => {
			const ownerContext = await browser.newContext()
			const owner = await ownerContext.newPage()
			await signUp(owner, 'Summary Checks Ltd', uniqueEmail('summary-owner'), PASSWORD)
			await owner.getByLabel('Email').fill(uniqueEmail('summary-learner'))
			await owner.getByLabel('Role').selectOption('learner')
			await owner.getByRole('button', { name: 'Create invitation' }).click()
			const link = (await owner.getByTestId('invitation-link').inputValue()).trim()
			await ownerContext.close()

			await page.goto(link)
			await page.getByLabel('Choose a password').fill('short')
			await page.getByRole('button', { name: 'Create my account and join' }).click()
			const summary = summaryOf(page)
			await expect(summary.getByRole('link')).toHaveText([/^Your name: /, /^Choose a password: /])
			if (javaScriptEnabled) await expect(summary).toBeFocused()
			await summary.getByRole('link', { name: /^Your name:/ }).click()
			await expect(page.getByLabel('Your name')).toBeFocused()
		})

		test('an assessment page with unanswered questions lists them at the top', async ({ page }) => {
			await signUp(page, 'Summary Assessment Ltd', uniqueEmail('summary-assess'), PASSWORD)
			await page.goto('/assessment')
			await page
				.getByRole('button', { name: /^Start/ })
				.first()
				.click()
			await expect(page).toHaveURL(/\/assessment\/take$/)
			await expect(page.locator('.assessment__form .button-row')).toBeVisible()
			const questions = page.locator('fieldset.question')
			const count = await questions.count()
			await questions.first().locator('input[type="radio"]').first().check()
			await page.getByRole('button', { name: 'Save and continue' }).click()
			const summary = summaryOf(page)
			await expect(summary.getByRole('link')).toHaveCount(count - 1)
			if (javaScriptEnabled) await expect(summary).toBeFocused()
			await summary.getByRole('link').first().click()
			await expect(questions.nth(1)).toBeFocused()
		})
	})
}
