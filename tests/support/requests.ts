import { randomUUID } from 'node:crypto'
import type { AppLoadContext } from '@remix-run/node'

export const BASE = 'http://attune.test'

export function uniqueEmail(label = 'person'): string {
	return `${label}-${randomUUID().slice(0, 8)}@example.test`
}

// Each test gets its own address so per-IP rate limits never leak between tests.
export function testContext(ip = `test-client-${randomUUID()}`): AppLoadContext {
	return { cspNonce: 'test-nonce', clientIp: ip }
}

export function formRequest(
	path: string,
	fields: Record<string, string>,
	init: { cookie?: string; userAgent?: string } = {},
): Request {
	const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
	if (init.cookie) headers.set('Cookie', init.cookie)
	if (init.userAgent) headers.set('User-Agent', init.userAgent)
	return new Request(new URL(path, BASE), { method: 'POST', headers, body: new URLSearchParams(fields) })
}

export function getRequest(path: string, cookie?: string): Request {
	return new Request(new URL(path, BASE), { headers: cookie ? { Cookie: cookie } : {} })
}

// Loaders and actions both return and throw Responses; tests want the Response either way.
export async function settle(result: Promise<unknown>): Promise<Response> {
	try {
		const value = await result
		if (value instanceof Response) return value
		return new Response(JSON.stringify(value ?? null), { status: 200 })
	} catch (thrown) {
		if (thrown instanceof Response) return thrown
		throw thrown
	}
}

export function cookieFrom(response: Response): string {
	const setCookie = response.headers.get('Set-Cookie')
	if (!setCookie) throw new Error(`expected a Set-Cookie header (status ${response.status})`)
	return setCookie.split(';')[0] ?? ''
}
