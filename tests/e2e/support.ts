import { expect, type Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { e2eSignInUrl } from '#tests/support/e2e-fixture.ts'

export const DEMO_PASSWORD = 'northwind-demo'

export function uniqueEmail(label: string): string {
	return `${label}-${randomUUID().slice(0, 8)}@example.test`
}

// Signs in without the form, through a session the server creates with the real modules (see
// tests/support/e2e-sign-in.server.ts). For every test that is not about signing in.
export async function signInAs(page: Page, email: string, landing = '/home') {
	await page.goto(e2eSignInUrl(email, landing))
	// Without a session the app would have sent us to /login.
	await expect(page).toHaveURL((url) => url.pathname === new URL(landing, url).pathname)
}

export async function signIn(page: Page, email: string, password: string) {
	await page.goto('/login')
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page).toHaveURL(/\/home$/)
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click()
	await expect(page).toHaveURL(/\/login$/)
}

// The suite signs up more organisations than one address may in an hour (ADR 0005). The test server
// trusts X-Forwarded-For (playwright.config.ts), so each sign-up comes from its own documentation-range
// address, as real new customers would; the limit itself is tested on one address elsewhere.
export async function asNewVisitor(page: Page) {
	const n = () => 1 + Math.floor(Math.random() * 254)
	await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `203.0.113.${n()}` })
}

export async function signUp(page: Page, organisationName: string, email: string, password: string) {
	await asNewVisitor(page)
	await page.goto('/signup')
	await page.getByLabel('Organisation name').fill(organisationName)
	await page.getByLabel('Your name').fill('Olivia Owner')
	await page.getByLabel('Work email').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Create organisation' }).click()
	await expect(page).toHaveURL(/\/members\?welcome=1$/)
}
