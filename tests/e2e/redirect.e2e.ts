import { expect, test, type Browser } from '@playwright/test'
import { DEMO_PASSWORD } from './support.ts'

// The probe's target: the browser drops the tab, leaving "//127.0.0.1:9/x", another site.
const CRAFTED = '/login?redirectTo=%2F%09%2F127.0.0.1%3A9%2Fx'

async function signInThroughCraftedLink(browser: Browser, javaScriptEnabled: boolean, baseURL: string) {
	const context = await browser.newContext({ javaScriptEnabled })
	const page = await context.newPage()
	const leftSite: string[] = []
	page.on('request', (r) => {
		if (new URL(r.url()).origin !== new URL(baseURL).origin) leftSite.push(r.url())
	})
	await page.goto(CRAFTED)
	await page.getByLabel('Email').fill('admin@northwind.test')
	await page.getByLabel('Password').fill(DEMO_PASSWORD)
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page).toHaveURL(/\/home$/)
	expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin)
	expect(leftSite).toEqual([])
	await context.close()
}

test('a crafted redirectTo stays on the site with JavaScript off (the server’s Location)', async ({
	browser,
	baseURL,
}) => {
	await signInThroughCraftedLink(browser, false, baseURL!)
})

test('a crafted redirectTo stays on the site with JavaScript on (Remix’s client redirect)', async ({
	browser,
	baseURL,
}) => {
	await signInThroughCraftedLink(browser, true, baseURL!)
})
