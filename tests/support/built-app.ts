import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { BASE } from '#tests/support/requests.ts'

// The built app, answered in-process: every route of the build manifest, as the server runs them,
// on the test's database (the build shares the database handle and the catalogue through globalThis).
const serverBuildPath = path.resolve(import.meta.dirname, '../../build/server/index.js')

export async function loadBuiltApp() {
	if (!fs.existsSync(serverBuildPath)) {
		throw new Error('build/server/index.js is missing: run `npm run build` before this test (npm test does).')
	}
	const build = (await import(pathToFileURL(serverBuildPath).href)) as ServerBuild
	const handler = createRequestHandler(build, 'production')
	let client = 0
	return {
		build,
		// One client address per request keeps the per-address limits out of the way.
		fetch(url: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
			const headers = new Headers(init.headers)
			if (init.cookie) headers.set('Cookie', init.cookie)
			headers.set('Host', new URL(BASE).host)
			if (init.method && init.method !== 'GET') headers.set('Origin', BASE)
			return handler(new Request(new URL(url, BASE), { ...init, headers, redirect: 'manual' }), {
				cspNonce: 'test-nonce',
				clientIp: `10.9.${(client >> 8) & 255}.${client++ & 255}`,
			})
		},
	}
}

export type RouteInfo = { id: string; pattern: string; params: string[]; hasLoader: boolean; hasAction: boolean }

// Every URL pattern of the build manifest, with its parameters, from the nested route tree.
export function routesOf(build: ServerBuild): RouteInfo[] {
	const routes = build.routes
	const fullPath = (id: string): string => {
		const route = routes[id]
		if (!route) return ''
		const parent = route.parentId ? fullPath(route.parentId) : ''
		return [parent, route.path ?? ''].filter(Boolean).join('/')
	}
	return Object.values(routes)
		.filter((r): r is NonNullable<typeof r> => Boolean(r) && r!.id !== 'root')
		.map((r) => {
			const pattern = '/' + fullPath(r.id)
			return {
				id: r.id,
				pattern: pattern.replace(/\/+/g, '/'),
				params: [...pattern.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!),
				hasLoader: Boolean(r.module.loader),
				hasAction: Boolean(r.module.action),
			}
		})
		.sort((a, b) => a.pattern.localeCompare(b.pattern))
}

export type FoundForm = { action: string; fields: Array<{ name: string; value: string; type: string }> }

// The POST forms of a rendered page, with their fields as the browser would send them.
export function formsIn(html: string, pageUrl: string): FoundForm[] {
	const forms: FoundForm[] = []
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const attrs = match[1] ?? ''
		if (!/method="post"/i.test(attrs)) continue
		const action = decode(/action="([^"]*)"/.exec(attrs)?.[1] ?? pageUrl)
		const fields: FoundForm['fields'] = []
		for (const input of (match[2] ?? '').matchAll(/<(input|select|textarea|button)\b([^>]*)>/g)) {
			const a = input[2] ?? ''
			const name = /\bname="([^"]*)"/.exec(a)?.[1]
			if (!name) continue
			const type = input[1] === 'input' ? (/\btype="([^"]*)"/.exec(a)?.[1] ?? 'text') : (input[1] ?? 'text')
			if (type === 'button' && !/\bvalue="/.test(a)) continue
			if ((type === 'radio' || type === 'checkbox') && fields.some((f) => f.name === name)) continue
			fields.push({ name: decode(name), value: decode(/\bvalue="([^"]*)"/.exec(a)?.[1] ?? ''), type })
		}
		forms.push({ action: action.startsWith('/') ? action : pageUrl, fields })
	}
	return forms
}

function decode(s: string): string {
	return s
		.replaceAll('&amp;', '&')
		.replaceAll('&quot;', '"')
		.replaceAll('&#x27;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
}
