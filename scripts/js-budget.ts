// The JavaScript budget of learner pages (docs/architecture.md): for each page, the entry, root and route chunks
// and everything they import, each gzipped at Node's default level, summed. Reads Remix's build
// manifest (build/client/assets/manifest-*.js, the one the server build names).
// Usage: npx tsx scripts/js-budget.ts [build dir]   (after `npx remix vite:build`; exits 1 over budget)
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const BUDGET_KIB = 90

// Learner pages by their first URL segment: play, practice, assessment, home, profile or progress, debrief.
export const LEARNER_ROUTE = /^routes\/(play|practice|assessment|home|profile|progress|debrief)([.$_]|$)/

type ManifestEntry = { module: string; imports?: string[] }
type ManifestRoute = ManifestEntry & { id: string; parentId?: string }
export type RemixManifest = { entry: ManifestEntry; routes: Record<string, ManifestRoute> }

export type PageSize = { route: string; kib: number; files: number; learner: boolean; over: boolean }

export function readManifest(buildDir: string): RemixManifest {
	const assets = path.join(buildDir, 'client', 'assets')
	// The server build names its manifest; a stale one from an older build may sit beside it.
	const serverIndex = path.join(buildDir, 'server', 'index.js')
	const named = fs.existsSync(serverIndex)
		? /\/assets\/(manifest-[\w-]+\.js)/.exec(fs.readFileSync(serverIndex, 'utf8'))?.[1]
		: undefined
	const file =
		named ??
		fs
			.readdirSync(assets)
			.filter((f) => /^manifest-[\w-]+\.js$/.test(f))
			.sort((a, b) => fs.statSync(path.join(assets, b)).mtimeMs - fs.statSync(path.join(assets, a)).mtimeMs)[0]
	if (!file) throw new Error(`no Remix manifest in ${assets}: build first (npx remix vite:build)`)
	const text = fs.readFileSync(path.join(assets, file), 'utf8').trim()
	const json = text.replace(/^window\.__remixManifest\s*=\s*/, '').replace(/;$/, '')
	return JSON.parse(json) as RemixManifest
}

export function measurePages(manifest: RemixManifest, clientDir: string, budgetKib = BUDGET_KIB): PageSize[] {
	const gzipped = new Map<string, number>()
	const sizeOf = (url: string) => {
		let size = gzipped.get(url)
		if (size === undefined) {
			size = gzipSync(fs.readFileSync(path.join(clientDir, url.replace(/^\//, '')))).length
			gzipped.set(url, size)
		}
		return size
	}
	const chunks = (e: ManifestEntry) => [e.module, ...(e.imports ?? [])]
	return Object.values(manifest.routes)
		.filter((r) => r.id !== 'root')
		.map((route) => {
			const files = new Set(chunks(manifest.entry))
			// The route, and every layout above it up to root.
			for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined)
				for (const f of chunks(r)) files.add(f)
			const kib = [...files].reduce((sum, f) => sum + sizeOf(f), 0) / 1024
			const learner = LEARNER_ROUTE.test(route.id)
			return { route: route.id, kib, files: files.size, learner, over: learner && kib > budgetKib }
		})
		.sort((a, b) => b.kib - a.kib)
}

function main() {
	const buildDir = path.resolve(process.argv[2] ?? 'build')
	const pages = measurePages(readManifest(buildDir), path.join(buildDir, 'client'))
	console.log(`JavaScript per page, gzipped (learner pages must stay ≤ ${BUDGET_KIB} KiB):`)
	for (const p of pages)
		console.log(
			`${p.kib.toFixed(1).padStart(7)} KiB  ${String(p.files).padStart(2)} files  ${p.learner ? 'learner' : '       '}  ${p.route}${p.over ? '  ← OVER BUDGET' : ''}`,
		)
	const over = pages.filter((p) => p.over)
	if (pages.every((p) => !p.learner)) {
		console.error('No learner page found in the manifest: the route pattern no longer matches.')
		process.exit(1)
	}
	if (over.length > 0) {
		console.error(
			`${over.length} learner page(s) over ${BUDGET_KIB} KiB: keep zod and other validation out of the client.`,
		)
		process.exit(1)
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
