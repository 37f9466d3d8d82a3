import { expect, test, type Locator, type Page } from '@playwright/test'
import { takeAssessment, type StorageState } from './every-page-setup.ts'
import { signUp, uniqueEmail } from './support.ts'

// A 1280 × 800 window at 200% zoom lays pages out in 640 × 400 CSS pixels (WCAG 1.4.4 and 1.4.10).
const ZOOMED = { width: 640, height: 400 }

// One person with a finished assessment (the demo data has none), shared by the tests below.
let person: { state: StorageState; report: string }
test.describe.configure({ mode: 'default' })
test.beforeAll(async ({ browser }) => {
	test.setTimeout(180_000)
	const context = await browser.newContext()
	const page = await context.newPage()
	await signUp(page, 'Zoom and Print Ltd', uniqueEmail('zoom'), 'a long and memorable passphrase')
	const resultId = await takeAssessment(page)
	person = { state: await context.storageState(), report: `/assessment/results/${resultId}` }
	await context.close()
})

async function expectNoSidewaysScroll(page: Page) {
	const widths = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth,
	}))
	expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.client)
}

// Reachable: scrolling brings it into view, whole, inside the 640 px width.
async function expectReachable(page: Page, target: Locator) {
	await target.scrollIntoViewIfNeeded()
	await expect(target).toBeInViewport()
	const box = await target.boundingBox()
	expect(box).not.toBeNull()
	expect(box!.x).toBeGreaterThanOrEqual(0)
	expect(box!.x + box!.width).toBeLessThanOrEqual(ZOOMED.width + 0.5)
}

test.describe('at 200% zoom (640 px wide)', () => {
	test.use({ viewport: ZOOMED, deviceScaleFactor: 2 })

	test('sign-in fits, with its heading and button reachable', async ({ page }) => {
		await page.goto('/login')
		await expectNoSidewaysScroll(page)
		await expectReachable(page, page.getByRole('heading', { level: 1 }))
		await expectReachable(page, page.getByRole('button', { name: 'Sign in' }))
	})

	test('home, practice and the report fit, with heading, main action and menu reachable', async ({ browser }) => {
		const context = await browser.newContext({ viewport: ZOOMED, deviceScaleFactor: 2, storageState: person.state })
		const page = await context.newPage()
		const pages: Array<[string, (page: Page) => Locator]> = [
			['/home', (p) => p.locator('main a[href="/practice"]').first()],
			['/practice', (p) => p.locator('main a[href^="/practice/"]').first()],
			[person.report, (p) => p.getByRole('img', { name: /Communication style circle/ })],
		]
		for (const [url, primary] of pages) {
			await page.goto(url)
			await expectNoSidewaysScroll(page)
			await expectReachable(page, page.getByRole('heading', { level: 1 }))
			await expectReachable(page, primary(page))
			// The menu folds at this width (its breakpoint is in em) and opens within the page.
			await page.evaluate(() => window.scrollTo(0, 0))
			const menu = page.locator('details.site-menu > summary')
			await expect(menu, `${url}: the menu is folded`).toBeVisible()
			await menu.click()
			await expectReachable(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link').last())
			await expectNoSidewaysScroll(page)
		}
		await context.close()
	})

	test('a role-play fits, with the customer’s line and the replies reachable', async ({ page }) => {
		await signUp(page, 'Zoomed Practice Ltd', uniqueEmail('zoom'), 'a long and memorable passphrase')
		await page.goto('/practice/catch-up-bill')
		await page.getByRole('button', { name: 'Start the conversation' }).click()
		await expect(page).toHaveURL(/\/play\/[0-9a-f-]{36}$/)
		await expectNoSidewaysScroll(page)
		await expectReachable(page, page.getByRole('heading', { level: 1 }))
		const choices = page.locator('form[aria-label="Your reply"] button[name="choice"]')
		await expect(choices.first()).toBeVisible()
		for (const choice of await choices.all()) await expectReachable(page, choice)
		await choices.first().click()
		await expect(page.locator('.transcript__entry--learner')).toHaveCount(1)
		await expectNoSidewaysScroll(page)
	})
})

test('the printed report leaves out the header and navigation and keeps the report', async ({ browser }) => {
	const context = await browser.newContext({ storageState: person.state })
	const page = await context.newPage()
	await page.goto(person.report)
	const circle = page.getByRole('img', { name: /Communication style circle/ })
	const headline = page.locator('#report-heading')
	// On screen, all of it shows: the print check below is not vacuous.
	await expect(page.getByRole('banner')).toBeVisible()
	await expect(headline).toBeVisible()

	await page.emulateMedia({ media: 'print' })
	await expect(page.getByRole('banner')).toBeHidden()
	await expect(page.getByRole('contentinfo')).toBeHidden()
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden()
	for (const nav of await page.getByRole('navigation', { includeHidden: true }).all()) await expect(nav).toBeHidden()
	await expect(circle).toBeVisible()
	await expect(headline).toBeVisible()
	await expect(headline).not.toBeEmpty()
	await expect(page.getByRole('heading', { name: 'Under pressure' })).toBeVisible()

	await page.emulateMedia({ media: 'screen' })
	await expect(page.getByRole('banner')).toBeVisible()
	await context.close()
})
