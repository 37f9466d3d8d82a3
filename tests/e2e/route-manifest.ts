import fs from 'node:fs'
import path from 'node:path'

// The page list comes from app/routes, so a page another change adds is checked without editing
// the tests. Remix flat routes: dots are slashes, `$name` is a parameter, `_index` is the parent's
// index, a leading `_` segment is pathless, a folder holds its module in route.tsx.
export type PageRoute = { file: string; pattern: string; params: string[] }

const routesDir = path.resolve(import.meta.dirname, '../../app/routes')

function routeModule(entry: fs.Dirent): string | null {
	if (entry.isDirectory()) {
		const inner = ['route.tsx', 'route.ts', 'route.jsx'].map((f) => path.join(entry.name, f))
		return inner.find((f) => fs.existsSync(path.join(routesDir, f))) ?? null
	}
	return /\.(tsx|ts|jsx|js)$/.test(entry.name) && !/\.test\.|\.server\./.test(entry.name) ? entry.name : null
}

export function pageRoutes(): PageRoute[] {
	const pages: PageRoute[] = []
	for (const entry of fs.readdirSync(routesDir, { withFileTypes: true })) {
		const file = routeModule(entry)
		if (!file) continue
		// Resource routes (no default export) render no page.
		if (!/export\s+default\b/.test(fs.readFileSync(path.join(routesDir, file), 'utf8'))) continue
		const name = entry.isDirectory() ? entry.name : entry.name.replace(/\.[^.]+$/, '')
		const segments = name
			.split('.')
			.filter((s) => s !== '_index' && !s.startsWith('_'))
			.map((s) => s.replace(/_$/, ''))
		const params = segments.filter((s) => s.startsWith('$')).map((s) => s.slice(1))
		pages.push({
			file,
			pattern: '/' + segments.map((s) => (s.startsWith('$') ? `:${s.slice(1)}` : s)).join('/'),
			params,
		})
	}
	return pages.sort((a, b) => a.pattern.localeCompare(b.pattern))
}

// Fills in a pattern's parameters; one with no sample value gets the fallback (an id that matches
// nothing), so a new kind of id page is still visited, as its 404 page.
export function fillPattern(pattern: string, samples: Record<string, string>, fallback: string): string {
	return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(samples[name] ?? fallback))
}
