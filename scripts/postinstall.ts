// Run by `npm install` (postinstall), so that the first `npm start` is quick:
// - the migrated, empty PGlite cluster a fresh data folder starts from (db/pglite-template.ts);
// - the production build, which `npm start` would otherwise make first.
// Never fails the install: without either, a first start is only slower.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { migrationsFolder } from '#db/migrate.ts'
import { pgliteTemplatePath, writePgliteTemplate } from '#db/pglite-template.ts'

const root = path.resolve(import.meta.dirname, '..')
let started = performance.now()
try {
	await writePgliteTemplate(migrationsFolder)
	console.log(`PGlite template ready: ${pgliteTemplatePath()} (${Math.round(performance.now() - started)} ms)`)
} catch (error) {
	console.warn(`No PGlite template (a first start will be slower): ${String(error)}`)
}

if (!process.argv.includes('--no-build')) {
	started = performance.now()
	const build = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules/@remix-run/dev/dist/cli.js'), 'vite:build', '--logLevel', 'warn'],
		{ cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
	)
	if (build.status === 0) console.log(`App built (${Math.round(performance.now() - started)} ms)`)
	else console.warn('The build failed; `npm start` will try again and show why.')
}
