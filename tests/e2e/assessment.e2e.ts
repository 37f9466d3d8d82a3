import { expect, test, type Page } from '@playwright/test'
import { answerAssessmentPages, signInAs } from './support.ts'

// 65 questions on ten pages: minutes, not seconds, on a busy 2-core machine.
const JOURNEY_TIMEOUT = 240_000

const STATEMENT = 'This describes how you see your own communication'

// The full form (style-v3) is 10 statement pages and 6 vignette pages: more than the default 30 s.
test.describe.configure({ timeout: 120_000 })

async function answerPage(page: Page, offset: number) {
	// Without JavaScript the page arrives as a stream: wait for the end of the form so that every question is there.
	await expect(page.locator('.assessment__form .button-row')).toBeVisible()
	const questions = page.locator('fieldset.question')
	const count = await questions.count()
	for (let i = 0; i < count; i++) {
		const options = questions.nth(i).locator('input[type="radio"]')
		const n = await options.count()
		// A varied but deterministic pattern: an attentive-looking respondent.
		await options.nth((i * 3 + offset) % n).check()
	}
}

async function takeWholeAssessment(page: Page) {
	await page.goto('/assessment')
	const restart = page.getByRole('button', { name: 'Start over' })
	if (await restart.isVisible()) await restart.click()
	else await page.getByRole('button', { name: /Start/ }).click()
	await expect(page).toHaveURL(/\/assessment\/take$/)
	await expect(page.getByText(/Questions 1–\d+ of \d+/)).toBeVisible()

	// Submitting a page with unanswered questions keeps the learner there with a message per question.
	await page.locator('fieldset.question').first().locator('input[type="radio"]').first().check()
	await page.getByRole('button', { name: 'Save and continue' }).click()
	await expect(page.getByRole('alert')).toContainText('questions need an answer')
	await expect(page.getByText('Choose an answer for this statement').first()).toBeVisible()

	await answerAssessmentPages(page, answerPage)
	await expect(page.getByRole('img', { name: /Communication style circle/ })).toBeVisible()
	await expect(page.getByText(STATEMENT).first()).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Under pressure' })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Flexing toward other styles' })).toBeVisible()
	await expect(page.getByRole('heading', { name: /Reading others: \d+ of \d+/ })).toBeVisible()
}

test('takes the assessment start to finish with JavaScript off', async ({ browser }) => {
	test.setTimeout(JOURNEY_TIMEOUT)
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await signInAs(page, 'aisha@northwind.test')
	await takeWholeAssessment(page)
	await context.close()
})

test('takes the assessment start to finish with JavaScript on, and resumes mid-way', async ({ page }) => {
	test.setTimeout(JOURNEY_TIMEOUT)
	await signInAs(page, 'tom@northwind.test')
	await page.goto('/assessment')
	const restart = page.getByRole('button', { name: 'Start over' })
	if (await restart.isVisible()) await restart.click()
	else await page.getByRole('button', { name: /Start/ }).click()
	const firstPage = await page.getByText(/Questions 1–\d+ of \d+/).textContent()
	const next = Number(/1–(\d+)/.exec(firstPage ?? '')?.[1]) + 1
	await answerPage(page, 1)
	await page.getByRole('button', { name: 'Save and continue' }).click()
	await expect(page.getByText(new RegExp(`Questions ${next}–`))).toBeVisible()
	await page.goto('/assessment')
	await expect(page.getByRole('link', { name: new RegExp(`Continue from question ${next} of`) })).toBeVisible()
	await takeWholeAssessment(page)
})
