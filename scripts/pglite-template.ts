// Makes the migrated, empty PGlite cluster that a fresh data folder starts from (run by
// `npm install`; see db/pglite-template.ts). Never fails the install: without the template a
// first start is only slower.
import { migrationsFolder } from '#db/migrate.ts'
import { pgliteTemplatePath, writePgliteTemplate } from '#db/pglite-template.ts'

const started = performance.now()
try {
	await writePgliteTemplate(migrationsFolder)
	console.log(`PGlite template ready: ${pgliteTemplatePath()} (${Math.round(performance.now() - started)} ms)`)
} catch (error) {
	console.warn(`No PGlite template (a first start will be slower): ${String(error)}`)
}
