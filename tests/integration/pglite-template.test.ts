import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase, rowsOf } from '#db/client.server.ts'
import { migrationsFolder } from '#db/migrate.ts'
import { writePgliteTemplate } from '#db/pglite-template.ts'

// A fresh data folder starts from the migrated template `npm install` makes (fast first start).
// The embedded database only: it runs once, in the PGlite pass.
describe.skipIf(Boolean(process.env.DATABASE_URL))('the PGlite template for a fresh data folder', () => {
	let dir: string
	let template: string
	beforeAll(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-template-'))
		template = path.join(dir, 'template.tar.gz')
		await writePgliteTemplate(migrationsFolder, template)
	}, 120_000)
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

	const journalEntries = () =>
		(JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] })
			.entries.length

	async function appliedMigrations(dataDir: string, tpl: string | false) {
		const handle = await openDatabase({ kind: 'pglite', dataDir, template: tpl })
		try {
			const [row] = rowsOf<{ n: number }>(
				await handle.db.execute(
					sql`select count(*)::int as n from information_schema.tables where table_schema = 'drizzle'`,
				),
			)
			if (!row?.n) return 0
			const [count] = rowsOf<{ n: number }>(
				await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
			)
			return count?.n ?? 0
		} finally {
			await handle.close()
		}
	}

	it('starts a new folder already migrated, and the folder keeps its own data afterwards', async () => {
		const dataDir = path.join(dir, 'fresh')
		expect(await appliedMigrations(dataDir, template)).toBe(journalEntries())

		const handle = await openDatabase({ kind: 'pglite', dataDir, template })
		await handle.migrate(migrationsFolder) // nothing left to apply
		await handle.db.execute(sql`insert into organisations (name, slug) values ('Kept', 'kept')`)
		await handle.close()

		// Reopening uses the folder, not the template again.
		const again = await openDatabase({ kind: 'pglite', dataDir, template })
		const rows = rowsOf<{ slug: string }>(await again.db.execute(sql`select slug from organisations`))
		await again.close()
		expect(rows.map((r) => r.slug)).toEqual(['kept'])
	}, 120_000)

	it('creates the folder from scratch when the template is damaged', async () => {
		const damaged = path.join(dir, 'damaged.tar.gz')
		fs.writeFileSync(damaged, 'not a tarball')
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		try {
			expect(await appliedMigrations(path.join(dir, 'from-damaged'), damaged)).toBe(0)
			expect(warn.mock.calls.flat().join(' ')).toContain('could not be used')
		} finally {
			warn.mockRestore()
		}
	}, 120_000)
})
