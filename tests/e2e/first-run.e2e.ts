import { expect, test } from '@playwright/test'
import { signIn, signOut, signUp, uniqueEmail } from './support.ts'

const PASSWORD = 'a long and memorable passphrase'

for (const javaScriptEnabled of [true, false]) {
	test(`a new admin's checklist ticks from real data and stays dismissed (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled })
		const page = await context.newPage()
		const email = uniqueEmail('first-run')
		await signUp(page, `First Run ${javaScriptEnabled ? 'JS' : 'HTML'}`, email, PASSWORD)
		await page.goto('/home')
		await expect(page.getByRole('heading', { name: 'Welcome, Olivia' })).toBeVisible()
		const checklist = page.getByRole('region', { name: 'Get your organisation started' })
		await expect(checklist).toContainText('0 of 4 done')
		await checklist.getByRole('link', { name: 'Create a team' }).click()
		await expect(page).toHaveURL(/\/teams$/)
		await expect(page.getByText('No teams yet.')).toBeVisible()
		await page.getByLabel('Team name').fill('Front line')
		await page.getByRole('button', { name: 'Create team' }).click()
		await expect(page.getByRole('heading', { name: 'Front line' })).toBeVisible()
		await page.goto('/home')
		await expect(checklist).toContainText('1 of 4 done')
		await expect(checklist.getByRole('listitem').filter({ hasText: 'Create a team' })).toContainText('(done)')

		await signOut(page)
		await signIn(page, email, PASSWORD)
		await expect(page.getByRole('heading', { name: 'Welcome back, Olivia' })).toBeVisible()
		await checklist.getByRole('button', { name: 'Hide this list' }).click()
		await expect(checklist).toHaveCount(0)
		await page.reload()
		await expect(page.getByRole('heading', { name: 'Welcome back, Olivia' })).toBeVisible()
		await expect(checklist).toHaveCount(0)
		await context.close()
	})
}
