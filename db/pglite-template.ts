import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Creating a PGlite cluster (initdb inside WebAssembly) is the slowest part of a first start,
// about 5× slower than unpacking a ready one. `npm install` makes one here, already migrated,
// and a fresh data folder starts from it (db/client.server.ts). It is a cache: when it is
// missing, or was made by another PGlite version, the folder is created the slow way.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function pgliteVersion(): string {
	// The package does not export its package.json; find it next to its entry point.
	const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
	for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json')
		if (fs.existsSync(manifest)) {
			const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string }
			if (parsed.name === '@electric-sql/pglite' && parsed.version) return parsed.version
		}
	}
	throw new Error('cannot find the installed PGlite version')
}

export function pgliteTemplatePath(): string {
	return path.join(root, 'node_modules', '.cache', 'attune', `pglite-${pgliteVersion()}.tar.gz`)
}

/** Makes the template: an empty cluster with every migration in `migrationsFolder` applied. */
export async function writePgliteTemplate(migrationsFolder: string, target = pgliteTemplatePath()): Promise<void> {
	const { PGlite } = await import('@electric-sql/pglite')
	const { drizzle } = await import('drizzle-orm/pglite')
	const { migrate } = await import('drizzle-orm/pglite/migrator')
	const client = await PGlite.create('memory://')
	try {
		await migrate(drizzle({ client }), { migrationsFolder })
		const dump = await client.dumpDataDir('gzip')
		fs.mkdirSync(path.dirname(target), { recursive: true })
		// Written aside and renamed, so a start-up never reads a half-written template.
		const partial = `${target}.${process.pid}.partial`
		fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
		fs.renameSync(partial, target)
	} finally {
		await client.close()
	}
}
