import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { asNewVisitor, uniqueEmail } from './support.ts'

// A fresh organisation, built through the UI, with one person per role. Long names on purpose:
// the header must cope with them at 320 px.
export const LONG_ORGANISATION = 'Consolidated Harbourside Credit Union Member Services'
export const LONG_ADMIN_NAME = 'Maximiliana Bartholomew-Featherstonehaugh'
const PASSWORD = 'a long and memorable passphrase'

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>
export type World = {
	states: Record<'admin' | 'coach' | 'learner', StorageState>
	samples: Record<string, string>
}

async function invite(admin: Page, email: string, role: 'coach' | 'learner'): Promise<string> {
	await admin.goto('/members')
	await admin.getByLabel('Email').fill(email)
	await admin.getByLabel('Role').selectOption(role)
	await admin.getByRole('button', { name: 'Create invitation' }).click()
	const field = admin.getByTestId('invitation-link')
	await expect(field).toHaveValue(/\/invitations\//)
	const link = (await field.inputValue()).trim()
	return new URL(link).pathname
}

async function accept(browser: Browser, path: string, name: string): Promise<BrowserContext> {
	const context = await browser.newContext()
	const page = await context.newPage()
	await page.goto(path)
	await page.getByLabel('Your name').fill(name)
	await page.getByLabel('Choose a password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Create my account and join' }).click()
	await expect(page).toHaveURL(/\/home$/)
	await page.close()
	return context
}

export async function takeAssessment(page: Page): Promise<string> {
	await page.goto('/assessment')
	await page.getByRole('button', { name: /Start/ }).first().click()
	await expect(page).toHaveURL(/\/assessment\/take$/)
	for (let n = 0; n < 30; n++) {
		await expect(page.locator('.assessment__form .button-row')).toBeVisible()
		const questions = page.locator('fieldset.question')
		const count = await questions.count()
		for (let i = 0; i < count; i++) {
			const options = questions.nth(i).locator('input[type="radio"]')
			await options.nth((i * 3 + n) % (await options.count())).check()
		}
		const finish = page.getByRole('button', { name: 'Finish and see my report' })
		if (await finish.isVisible()) {
			await finish.click()
			break
		}
		const progress = await page.getByText(/Questions \d+–\d+ of \d+/).textContent()
		await page.getByRole('button', { name: 'Save and continue' }).click()
		await expect(page.getByText(/Questions \d+–\d+ of \d+/)).not.toHaveText(progress ?? '')
	}
	await expect(page).toHaveURL(/\/assessment\/results\/[0-9a-f-]{36}$/)
	return page.url().split('/').pop() ?? ''
}

export async function buildWorld(browser: Browser): Promise<World> {
	const adminContext = await browser.newContext()
	const admin = await adminContext.newPage()
	await asNewVisitor(admin)
	await admin.goto('/signup')
	await admin.getByLabel('Organisation name').fill(LONG_ORGANISATION)
	await admin.getByLabel('Your name').fill(LONG_ADMIN_NAME)
	await admin.getByLabel('Work email').fill(uniqueEmail('layout-admin'))
	await admin.getByLabel('Password').fill(PASSWORD)
	await admin.getByRole('button', { name: 'Create organisation' }).click()
	await expect(admin).toHaveURL(/\/members/)

	const coachContext = await accept(
		browser,
		await invite(admin, uniqueEmail('layout-coach'), 'coach'),
		'Coach Carolina',
	)
	const learnerContext = await accept(
		browser,
		await invite(admin, uniqueEmail('layout-learner'), 'learner'),
		'Leopoldina Learner-Longname',
	)
	// A pending invitation, so that the invitation page shows its form.
	const pendingToken = (await invite(admin, uniqueEmail('layout-pending'), 'learner')).split('/').pop() ?? ''

	await admin.goto('/teams')
	await admin.getByLabel('Team name').fill('Front line')
	await admin.getByRole('button', { name: 'Create team' }).click()
	await expect(admin.getByRole('heading', { name: 'Front line' })).toBeVisible()
	for (const [name, label] of [
		['Leopoldina Learner-Longname', 'Add a learner'],
		['Coach Carolina', 'Add a coach'],
	] as const) {
		await admin.getByLabel(label, { exact: true }).selectOption({ label: name })
		await admin.getByRole('button', { name: `${label} to Front line` }).click()
		await expect(admin.locator('.people-list').getByRole('link', { name })).toBeVisible()
	}
	const learnerHref = await admin
		.getByRole('link', { name: 'Leopoldina Learner-Longname' })
		.first()
		.getAttribute('href')
	const userId = learnerHref?.split('/').pop() ?? ''

	const learner = await learnerContext.newPage()
	await learner.goto('/practice/catch-up-bill')
	await learner.getByRole('button', { name: 'Start the conversation' }).click()
	await expect(learner).toHaveURL(/\/play\/[0-9a-f-]{36}$/)
	const attemptId = learner.url().split('/').pop() ?? ''
	await learner.locator('form[aria-label="Your reply"] button[name="choice"]').first().click()
	await expect(learner.locator('.transcript__entry--learner')).toHaveCount(1)
	const resultId = await takeAssessment(learner)

	const world: World = {
		states: {
			admin: await adminContext.storageState(),
			coach: await coachContext.storageState(),
			learner: await learnerContext.storageState(),
		},
		samples: { userId, attemptId, resultId, token: pendingToken, scenarioId: 'catch-up-bill' },
	}
	await Promise.all([adminContext.close(), coachContext.close(), learnerContext.close()])
	return world
}
