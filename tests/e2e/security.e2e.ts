import { expect, test } from '@playwright/test'
import { uniqueEmail } from './support.ts'

test('a POST from a foreign origin is refused with 403', async ({ request, baseURL }) => {
	const response = await request.post('/login', {
		form: { email: 'admin@northwind.test', password: 'northwind-demo' },
		headers: { Origin: 'https://evil.example' },
		maxRedirects: 0,
	})
	expect(response.status()).toBe(403)
	const sameOrigin = await request.post('/login', {
		form: { email: 'admin@northwind.test', password: 'northwind-demo' },
		headers: { Origin: baseURL! },
		maxRedirects: 0,
	})
	expect(sameOrigin.status()).toBe(302)
})

test('the 11th failed sign-in within a minute gets a 429 with a clear message', async ({ request, baseURL }) => {
	const email = uniqueEmail('target')
	for (let i = 0; i < 10; i++) {
		const r = await request.post('/login', {
			form: { email, password: `guess-${i}-wrong` },
			headers: { Origin: baseURL! },
		})
		expect(r.status()).toBe(401)
	}
	const eleventh = await request.post('/login', {
		form: { email, password: 'guess-final' },
		headers: { Origin: baseURL! },
	})
	expect(eleventh.status()).toBe(429)
	// A plain form post (no JavaScript) gets the header too: the route's headers export passes it on.
	expect(Number(eleventh.headers()['retry-after'])).toBeGreaterThan(0)
	expect(await eleventh.text()).toContain('Too many failed sign-in attempts')
})

test('pages carry an enforcing CSP with a nonce and the other security headers', async ({ page }) => {
	const response = await page.goto('/login')
	const headers = response!.headers()
	const csp = headers['content-security-policy'] ?? ''
	expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/)
	expect(csp).toContain("frame-ancestors 'none'")
	expect(headers['x-content-type-options']).toBe('nosniff')
	expect(headers['referrer-policy']).toBe('same-origin')
	expect(headers['cache-control']).toBe('no-store')
	// The nonce in the header is the one on the page's scripts, and hydration works under it.
	const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
	const scriptNonces = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce))
	expect(scriptNonces.length).toBeGreaterThan(0)
	expect(scriptNonces.every((n) => n === nonce)).toBe(true)
})

test('sign-in cookie is HttpOnly and SameSite=Lax, Secure with the __Host- prefix in production', async ({
	page,
	context,
}) => {
	await page.goto('/login')
	await page.getByLabel('Email').fill('priya.coach@northwind.test')
	await page.getByLabel('Password').fill('northwind-demo')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page).toHaveURL(/\/home$/)
	const cookie = (await context.cookies()).find((c) => c.name.includes('attune_session'))
	expect(cookie?.name).toBe('__Host-attune_session')
	expect(cookie?.httpOnly).toBe(true)
	expect(cookie?.secure).toBe(true)
	expect(cookie?.sameSite).toBe('Lax')
})

test('unknown pages get the friendly 404 page without a stack trace', async ({ page }) => {
	const response = await page.goto('/no/such/page')
	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
	expect(await page.content()).not.toMatch(/at .*\.(js|ts):\d+/)
})

test('no page breaks its own Content-Security-Policy', async ({ page }) => {
	const violations: string[] = []
	page.on('console', (msg) => {
		if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text())
	})
	for (const path of ['/', '/signup']) await page.goto(path)
	await page.goto('/login')
	await page.getByLabel('Email').fill('admin@northwind.test')
	await page.getByLabel('Password').fill('northwind-demo')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page).toHaveURL(/\/home$/)
	for (const path of ['/home', '/members', '/teams', '/account']) {
		await page.goto(path)
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	}
	expect(violations).toEqual([])
})

test('the end-to-end sign-in fixture is a plain 404 without this run’s secret', async ({ request }) => {
	for (const token of ['', 'x'.repeat(64)]) {
		const response = await request.get(
			`/__e2e/sign-in?${new URLSearchParams({ email: 'admin@northwind.test', to: '/home', token })}`,
			{ maxRedirects: 0 },
		)
		expect(response.status()).toBe(404)
		expect(response.headers()['set-cookie']).toBeUndefined()
	}
})
