import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { buildWorld, type World } from './every-page-setup.ts'
import { fillPattern, pageRoutes } from './route-manifest.ts'

// Every page, for every role, JavaScript on and off: nothing scrolls sideways at 320, 360, 768 or
// 1280 px (resized within one page load), and axe finds no serious or critical WCAG problem at
// 320, 360 (menu open) and 1280 px. A page a role may not open is checked as the 403/404 page that role gets.
const WIDTHS = [1280, 768, 360, 320] as const
const ROLES = ['visitor', 'learner', 'coach', 'admin'] as const
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

for (const role of ROLES) {
	for (const javaScriptEnabled of [true, false]) {
		for (const pattern of pages) {
			test(`${role}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: ${pattern}`, async ({ browser }) => {
				const context = await browser.newContext({
					javaScriptEnabled,
					viewport: { width: 1280, height: 800 },
					storageState: role === 'visitor' ? undefined : world.states[role],
				})
				const page = await context.newPage()
				const url = fillPattern(pattern, { ...world.samples }, UNKNOWN_ID)
				await page.goto(url)
				await expect(page.locator('main#main')).toBeVisible()
				// Signed out, most pages send you to sign-in: check each page a role ends on once.
				const key = `${role} ${javaScriptEnabled} ${new URL(page.url()).pathname}`
				if (checked.has(key)) return context.close()
				checked.add(key)
				const problems: string[] = []
				for (const width of WIDTHS) {
					await page.setViewportSize({ width, height: 800 })
					const overflow = await sidewaysOverflow(page)
					if (overflow) problems.push(`${width} px: scrolls sideways ${JSON.stringify(overflow)}`)
				}
				for (const v of await seriousViolations(page)) problems.push(`320 px: ${v}`)
				// The folded menu, opened at 360 px, must fit and pass too.
				await page.setViewportSize({ width: 360, height: 800 })
				const menu = page.locator('details.site-menu > summary')
				if (await menu.isVisible()) {
					await menu.click()
					await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
					const overflow = await sidewaysOverflow(page)
					if (overflow) problems.push(`360 px, menu open: scrolls sideways ${JSON.stringify(overflow)}`)
				}
				for (const v of await seriousViolations(page)) problems.push(`360 px: ${v}`)
				await page.setViewportSize({ width: 1280, height: 800 })
				for (const v of await seriousViolations(page)) problems.push(`1280 px: ${v}`)
				expect(problems, `${url} (ended at ${new URL(page.url()).pathname})`).toEqual([])
				await context.close()
			})
		}
	}
}
