import { expect, test, type Locator, type Page } from '@playwright/test'
import { signUp, uniqueEmail } from './support.ts'

// Keyboard only: sign-in, one whole assessment page and a role-play to its ending, with a visible
// focus indicator (an outline or a box-shadow) on every element that the Tab key reaches.
async function focusedHasVisibleIndicator(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement
		if (!el || el === document.body) return { ok: false, what: 'nothing focused' }
		const style = getComputedStyle(el)
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
		const shadow = style.boxShadow !== 'none'
		return { ok: el.matches(':focus-visible') && (outline || shadow), what: el.outerHTML.slice(0, 120) }
	})
}

// Presses Tab until `target` has focus, checking the focus indicator at every stop.
async function tabTo(page: Page, target: Locator, max = 60) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab')
		const indicator = await focusedHasVisibleIndicator(page)
		expect(indicator.ok, `no visible focus on ${indicator.what}`).toBe(true)
		if (await target.evaluate((el) => el === document.activeElement)) return
	}
	throw new Error(`Tab never reached ${target.toString()}`)
}

test('keyboard only: sign in, a whole assessment page, a role-play to its ending', async ({ browser }) => {
	test.setTimeout(120_000)
	const owner = await browser.newContext()
	const email = uniqueEmail('keyboard')
	const password = 'a long and memorable passphrase'
	await signUp(await owner.newPage(), 'Keyboard Only Ltd', email, password)
	await owner.close()

	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
	const page = await context.newPage()
	await page.goto('/login')
	// The skip link comes first and moves to the main content.
	await page.keyboard.press('Tab')
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
	expect((await focusedHasVisibleIndicator(page)).ok).toBe(true)
	await page.keyboard.press('Enter')
	await expect(page.locator('main#main')).toBeFocused()

	await tabTo(page, page.getByLabel('Email'))
	await page.keyboard.type(email)
	await tabTo(page, page.getByLabel('Password'))
	await page.keyboard.type(password)
	await tabTo(page, page.getByRole('button', { name: 'Sign in' }))
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(/\/home$/)

	// One whole assessment page: each question is a radio group, reached with Tab, answered with arrows.
	await page.goto('/assessment')
	await tabTo(page, page.getByRole('button', { name: /^Start/ }).first())
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(/\/assessment\/take$/)
	const progress = (await page.getByText(/Questions \d+–\d+ of \d+/).textContent()) ?? ''
	const questions = page.locator('fieldset.question')
	const count = await questions.count()
	expect(count).toBeGreaterThan(1)
	for (let i = 0; i < count; i++) {
		await tabTo(page, questions.nth(i).locator('input[type="radio"]').first())
		await page.keyboard.press('ArrowRight')
		await expect(questions.nth(i).locator('input[type="radio"]:checked')).toHaveCount(1)
		expect((await focusedHasVisibleIndicator(page)).ok).toBe(true)
	}
	await tabTo(page, page.getByRole('button', { name: 'Save and continue' }))
	await page.keyboard.press('Enter')
	await expect(page.getByText(/Questions \d+–\d+ of \d+/)).not.toHaveText(progress)

	// A role-play, start to ending.
	await page.goto('/practice/catch-up-bill')
	await tabTo(page, page.getByRole('button', { name: 'Start the conversation' }))
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(/\/play\/[0-9a-f-]{36}/)
	const choices = page.locator('form[aria-label="Your reply"] button[name="choice"]')
	for (let turn = 0; turn < 25; turn++) {
		if ((await page.locator('.ending').count()) > 0) break
		const before = await page.locator('.transcript__entry--learner').count()
		await tabTo(page, choices.first())
		await page.keyboard.press('Enter')
		await expect(page.locator('.transcript__entry--learner')).toHaveCount(before + 1)
	}
	await expect(page.getByRole('heading', { name: 'Your path' })).toBeVisible()
	await tabTo(page, page.getByRole('link', { name: 'Try it again' }))
	await context.close()
})
