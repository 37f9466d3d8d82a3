import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { signIn, signUp, uniqueEmail } from './support.ts'

const PASSWORD = 'a long and memorable passphrase'
const NEW_PASSWORD = 'a different memorable passphrase'

// Account recovery without mail, and leaving with your data, with JavaScript off: every step
// is a plain form post (the confirm steps are <details>).
test.use({ javaScriptEnabled: false })

test('an admin issues a reset link; the member sets a password, signs in, exports their data and deletes their account', async ({
	page,
	browser,
}, testInfo) => {
	const ownerEmail = uniqueEmail('owner')
	await signUp(page, 'Recovery Co', ownerEmail, PASSWORD)
	const learnerEmail = uniqueEmail('learner')
	await page.getByLabel('Email', { exact: true }).fill(learnerEmail)
	await page.getByRole('button', { name: 'Create invitation' }).click()
	const invitation = (await page.getByTestId('invitation-link').inputValue()).trim()

	const learnerContext = await browser.newContext({ javaScriptEnabled: false })
	const learner = await learnerContext.newPage()
	await learner.goto(invitation)
	await learner.getByLabel('Your name').fill('Rita Recover')
	await learner.getByLabel('Choose a password').fill(PASSWORD)
	await learner.getByRole('button', { name: 'Create my account and join' }).click()
	await expect(learner).toHaveURL(/\/home$/)

	// The admin creates a reset link from the member's page, after a confirm step that says what happens.
	await page.goto('/members')
	await page.getByRole('link', { name: 'Rita Recover' }).click()
	await page.getByText('Create a password-reset link…').click()
	await expect(page.getByText('signed out everywhere at once')).toBeVisible()
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 })
		await page.screenshot({ path: testInfo.outputPath(`reset-confirm-${width}.png`), fullPage: true })
	}
	await page.getByRole('button', { name: 'Sign them out and create the link' }).click()
	const resetLink = (await page.getByTestId('reset-link').inputValue()).trim()
	expect(resetLink).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/)

	// Their open session ended at once.
	await learner.goto('/home')
	await expect(learner).toHaveURL(/\/login/)
	await learner.goto(resetLink)
	await expect(learner.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
	await learner.getByLabel('New password').fill(NEW_PASSWORD)
	await learner.getByRole('button', { name: 'Set my new password' }).click()
	await expect(learner).toHaveURL(/\/login\?reset=1$/)
	await expect(learner.getByText('Your new password is set')).toBeVisible()
	await signIn(learner, learnerEmail, NEW_PASSWORD)
	// The link is spent.
	await learner.goto(resetLink)
	await expect(learner.getByText(/already been used or has expired/)).toBeVisible()

	// Leaving with your data.
	await learner.goto('/account')
	for (const width of [360, 1280]) {
		await learner.setViewportSize({ width, height: 900 })
		await learner.screenshot({ path: testInfo.outputPath(`account-${width}.png`), fullPage: true })
	}
	const download = learner.waitForEvent('download')
	await learner.getByRole('link', { name: 'Download my data (JSON)' }).click()
	const file = await (await download).path()
	const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { profile: { email: string }; organisations: unknown[] }
	expect(data.profile.email).toBe(learnerEmail)
	expect(data.organisations).toHaveLength(1)

	await learner.getByText('Delete my whole account…').click()
	await learner.locator('#password-account').fill(NEW_PASSWORD)
	await learner.getByRole('button', { name: 'Delete my account and all my data' }).click()
	await expect(learner).toHaveURL(/\/login\?deleted=1$/)
	await expect(learner.getByText('Your data has been deleted.')).toBeVisible()
	// The account is gone.
	await learner.getByLabel('Email').fill(learnerEmail)
	await learner.getByLabel('Password').fill(NEW_PASSWORD)
	await learner.getByRole('button', { name: 'Sign in' }).click()
	await expect(learner.getByText('That email and password do not match.')).toBeVisible()
	await learnerContext.close()
})
