import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { buildWorld, type World } from './every-page-setup.ts'
import { fillPattern, pageRoutes } from './route-manifest.ts'

// Every page, for every role, JavaScript on and off: nothing scrolls sideways at 320, 360, 768 or
// 1280 px (resized within one page load), and axe finds no serious or critical WCAG problem at
// 360 px (menu open) and 1280 px. A page a role may not open is checked as the 403/404 page that role gets.
const WIDTHS = [1280, 768, 360, 320] as const
const ROLES = ['visitor', 'learner', 'coach', 'admin'] as const
type Role = (typeof ROLES)[number]
// Parameters another change may add get a well-formed id that matches nothing: the page's 404.
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

const pages = [...pageRoutes().map((route) => route.pattern), '/this-page-does-not-exist', '/play/' + UNKNOWN_ID]

let world: World
const checked = new Set<string>()
test.describe.configure({ mode: 'default' })
test.beforeAll(async ({ browser }) => {
	test.setTimeout(180_000)
	world = await buildWorld(browser)
})

async function sidewaysOverflow(page: Page) {
	return page.evaluate(() => {
		const root = document.documentElement
		const limit = root.clientWidth
		if (root.scrollWidth <= limit) return null
		// Name the elements that stick out, so that a failure says where to look.
		const culprits = [...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > limit + 0.5)
			.slice(-3)
			.map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`)
		return { scrollWidth: root.scrollWidth, clientWidth: limit, culprits }
	})
}

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze()
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

// axe runs inside the page, on timers, which a JavaScript-off page never fires. For the no-JS
// pages it therefore runs on the same server HTML in a page whose scripts are blocked from loading:
// nothing hydrates, so the markup and styles are what a no-JS visitor gets (<noscript> aside).
async function axePage(browser: Browser, role: Role, javaScriptEnabled: boolean, page: Page, url: string) {
	if (javaScriptEnabled) return { page, close: async () => {} }
	const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined, storageState: stateOf(role) })
	await context.route('**/*', (route) =>
		route.request().resourceType() === 'script' ? route.abort() : route.continue(),
	)
	const scriptless = await context.newPage()
	await scriptless.goto(url)
	await expect(scriptless.locator('main#main')).toBeVisible()
	return { page: scriptless, close: () => context.close() }
}

const stateOf = (role: Role) => (role === 'visitor' ? undefined : world.states[role])

for (const role of ROLES) {
	for (const javaScriptEnabled of [true, false]) {
		for (const pattern of pages) {
			test(`${role}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: ${pattern}`, async ({ browser }) => {
				test.setTimeout(120_000)
				const context = await browser.newContext({
					javaScriptEnabled,
					viewport: { width: 1280, height: 800 },
					storageState: stateOf(role),
				})
				const page = await context.newPage()
				const url = fillPattern(pattern, { ...world.samples }, UNKNOWN_ID)
				await page.goto(url)
				await expect(page.locator('main#main')).toBeVisible()
				// Signed out, most pages send you to sign-in: check each page a role ends on once.
				const landed = new URL(page.url()).pathname
				const key = `${role} ${javaScriptEnabled} ${landed}`
				if (checked.has(key)) return context.close()
				checked.add(key)
				const problems: string[] = []
				for (const width of WIDTHS) {
					await page.setViewportSize({ width, height: 800 })
					const overflow = await sidewaysOverflow(page)
					if (overflow) problems.push(`${width} px: scrolls sideways ${JSON.stringify(overflow)}`)
				}
				// The folded menu, opened at 360 px, must fit too.
				await page.setViewportSize({ width: 360, height: 800 })
				const menu = page.locator('details.site-menu > summary')
				if (await menu.isVisible()) {
					await menu.click()
					await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
					const overflow = await sidewaysOverflow(page)
					if (overflow) problems.push(`360 px, menu open: scrolls sideways ${JSON.stringify(overflow)}`)
				}
				const audited = await axePage(browser, role, javaScriptEnabled, page, page.url())
				for (const width of [360, 1280]) {
					await audited.page.setViewportSize({ width, height: 800 })
					const summary = audited.page.locator('details.site-menu:not([open]) > summary')
					if (width === 360 && (await summary.isVisible())) await summary.click()
					for (const v of await seriousViolations(audited.page)) problems.push(`${width} px: ${v}`)
				}
				await audited.close()
				expect(problems, `${url} (ended at ${landed})`).toEqual([])
				await context.close()
			})
		}
	}
}
