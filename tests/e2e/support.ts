import { expect, type Locator, type Page } from '@playwright/test'
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

// Invites someone from the Members page (as a signed-in admin) and returns the one-time link.
export async function inviteMember(page: Page, email: string, role: 'learner' | 'coach' | 'admin') {
	await page.goto('/members')
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Role').selectOption(role)
	await page.getByRole('button', { name: 'Create invitation' }).click()
	return (await page.getByTestId('invitation-link').inputValue()).trim()
}

// Accepts an invitation link as a new person, who lands on Home signed in.
export async function acceptInvitation(page: Page, link: string, name: string, password: string) {
	await page.goto(link)
	await page.getByLabel('Your name').fill(name)
	await page.getByLabel('Choose a password').fill(password)
	await page.getByRole('button', { name: 'Create my account and join' }).click()
	await expect(page).toHaveURL(/\/home$/)
}

/**
 * Answers the open assessment page by page with `answerPage` until the report, and returns how many
 * questions were asked (the last page's "Questions a–b" number b).
 */
export async function answerAssessmentPages(page: Page, answerPage: (page: Page, pageNo: number) => Promise<void>) {
	const progressLine = /Questions \d+–\d+ of (up to )?\d+/
	let asked = 0
	for (let pageNo = 0; pageNo < 25; pageNo++) {
		await answerPage(page, pageNo)
		const progress = (await page.getByText(progressLine).textContent()) ?? ''
		asked = Number(/–(\d+)/.exec(progress)?.[1] ?? 0)
		const finish = page.getByRole('button', { name: 'Finish and see my report' })
		if (await finish.isVisible()) {
			await finish.click()
			break
		}
		await page.getByRole('button', { name: 'Save and continue' }).click()
		await expect(page.getByText(progressLine)).not.toHaveText(progress)
	}
	await expect(page).toHaveURL(/\/assessment\/results\/[0-9a-f-]{36}$/)
	return asked
}

/**
 * Waits until React owns the page. Remix sets `window.__remixRouter` as it hydrates; a click before
 * that is a plain form post, which on a busy machine can race the hydration that follows it. Without
 * JavaScript nothing ever hydrates and the inline context never runs, so this returns at once.
 */
export async function untilHydrated(page: Page) {
	await page.waitForFunction(() => !('__remixContext' in window) || '__remixRouter' in window)
}

/** Opens a scenario's practice page and starts it (over, if an attempt is open); lands on the attempt. */
export async function startScenario(page: Page, scenarioId: string) {
	await page.goto(`/practice/${scenarioId}`)
	await untilHydrated(page)
	const startOver = page.getByRole('button', { name: 'Start over' })
	if (await startOver.isVisible()) await startOver.click()
	else await page.getByRole('button', { name: 'Start the conversation' }).click()
	await expect(page).toHaveURL(/\/play\/[0-9a-f-]{36}(#now)?$/)
}

// One round trip per reply; on a busy machine the page can take a while, but never forever.
const STEP_TIMEOUT_MS = 30_000

/** Presses one reply (or reading) and waits until the conversation has moved on: a new step, or the ending. */
export async function choose(page: Page, reply: Locator) {
	await untilHydrated(page)
	const step = await page.locator('input[name="step"]').getAttribute('value')
	await reply.click()
	// One look at the whole page, in one turn of its event loop: two separate queries could straddle
	// the moment the last reply's page becomes the ending, and a query for an input that is gone waits
	// (the predicate then hangs until the poll times out). Without JavaScript the look can land while
	// the next document loads; that is "not yet", not a failure.
	const movedOn = () =>
		page
			.evaluate((before) => {
				if (document.querySelector('.ending')) return true
				const now = document.querySelector('input[name="step"]')?.getAttribute('value')
				return now !== undefined && now !== null && now !== before
			}, step)
			.catch(() => false)
	await expect
		.poll(movedOn, { message: `the conversation did not move on from step ${step}`, timeout: STEP_TIMEOUT_MS })
		.toBe(true)
}

/** Presses the first reply, or the first reading at a cue moment, until the conversation ends. */
export async function playToEnding(page: Page) {
	for (let i = 0; i < 30; i++) {
		if ((await page.locator('.ending').count()) > 0) break
		const choices = page.locator('form.choices button[name="choice"]')
		if ((await choices.count()) === 0) break
		await choose(page, choices.first())
	}
	await expect(page.locator('.ending .outcome')).toHaveText(/Resolved|Partly resolved|Escalated|Customer lost/)
}
