import { expect, test } from '@playwright/test'
import { signIn, signInAs, signOut, signUp, uniqueEmail } from './support.ts'

const PASSWORD = 'a long and memorable passphrase'

for (const javaScriptEnabled of [true, false]) {
	test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled })

		test('sign up, invite a learner, accept, sign out and back in', async ({ page, browser }) => {
			const ownerEmail = uniqueEmail('owner')
			await signUp(page, `Harbour Credit ${javaScriptEnabled ? 'JS' : 'HTML'}`, ownerEmail, PASSWORD)
			await expect(page.getByRole('banner')).toContainText('Harbour Credit')
			await expect(page.getByRole('banner')).toContainText('Olivia Owner')
			await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' })).toBeVisible()

			const learnerEmail = uniqueEmail('learner')
			await page.getByLabel('Email').fill(learnerEmail)
			await page.getByLabel('Role').selectOption('learner')
			await page.getByRole('button', { name: 'Create invitation' }).click()
			const link = (await page.getByTestId('invitation-link').inputValue()).trim()
			expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{40,}$/)
			// The read-only field works without JavaScript; with it, a Copy button joins it.
			await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(javaScriptEnabled ? 1 : 0)
			await expect(page.getByRole('cell', { name: learnerEmail, exact: true })).toBeVisible()
			await signOut(page)

			const learnerContext = await browser.newContext({ javaScriptEnabled })
			const learner = await learnerContext.newPage()
			await learner.goto(link)
			await expect(learner.getByRole('heading', { name: /Join Harbour Credit/ })).toBeVisible()
			await learner.getByLabel('Your name').fill('Leo Learner')
			await learner.getByLabel('Choose a password').fill(PASSWORD)
			await learner.getByRole('button', { name: 'Create my account and join' }).click()
			await expect(learner).toHaveURL(/\/home$/)
			await expect(learner.getByRole('heading', { name: 'Welcome, Leo' })).toBeVisible()
			// Learners get no administration in their navigation.
			await expect(learner.getByRole('link', { name: 'Members' })).toHaveCount(0)
			await signOut(learner)

			// The invitation link works once.
			await learner.goto(link)
			await expect(learner.getByRole('heading', { name: 'This link can no longer be used' })).toBeVisible()
			await expect(learner.getByText('already been used')).toBeVisible()

			await signIn(learner, learnerEmail, PASSWORD)
			await signOut(learner)
			await learnerContext.close()
		})

		test('a malformed sign-up shows a message next to each field', async ({ page }) => {
			await page.goto('/signup')
			await page.getByLabel('Organisation name').fill('X')
			await page.getByLabel('Work email').fill('not-an-email')
			await page.getByLabel('Password').fill('short')
			await page.getByRole('button', { name: 'Create organisation' }).click()
			const fields = page.locator('.field')
			await expect(fields.getByText('Enter a valid email address, like name@example.com')).toBeVisible()
			await expect(fields.getByText('Use at least 8 characters')).toBeVisible()
			await expect(fields.getByText('Use at least 2 characters')).toBeVisible()
			await expect(page).toHaveURL(/\/signup$/)
			// Checked in the browser or answered by the server: a summary at the top links to each field.
			const summary = page.getByRole('alert').filter({ hasText: 'Please check these fields' })
			await summary.getByRole('link', { name: /^Work email:/ }).click()
			await expect(page.getByLabel('Work email')).toBeFocused()
			await expect(summary.getByRole('link')).toHaveCount(4)
		})

		test('a wrong password is refused with a clear message', async ({ page }) => {
			await page.goto('/login')
			await page.getByLabel('Email').fill('jordan@northwind.test')
			await page.getByLabel('Password').fill('not the password')
			await page.getByRole('button', { name: 'Sign in' }).click()
			await expect(page.getByRole('alert')).toContainText('That email and password do not match.')
			await expect(page).toHaveURL(/\/login$/)
		})
	})
}

test('a learner who opens another organisation’s member page gets a 404', async ({ page, browser }) => {
	const owner = await browser.newContext()
	const ownerPage = await owner.newPage()
	await signUp(ownerPage, 'Elsewhere Ltd', uniqueEmail('elsewhere'), PASSWORD)
	await ownerPage.getByRole('link', { name: 'Olivia Owner' }).click()
	await expect(ownerPage).toHaveURL(/\/members\/[0-9a-f-]{36}$/)
	const foreignUrl = new URL(ownerPage.url()).pathname
	await owner.close()

	await signInAs(page, 'jordan@northwind.test')
	const response = await page.goto(foreignUrl)
	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
	await expect(page.getByRole('banner')).toContainText('Northwind Support')
})

test('a learner cannot open member administration (403)', async ({ page }) => {
	await signInAs(page, 'sam@northwind.test')
	const response = await page.goto('/members')
	expect(response?.status()).toBe(403)
	await expect(page.getByRole('heading', { name: 'You do not have access to this' })).toBeVisible()
})
