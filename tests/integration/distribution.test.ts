import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb, rowsOf } from '#db/client.server.ts'
import { crossTenantIndexes, tablePlacement } from '#db/distribution.ts'

// The Citus classification (db/distribution.ts, mirrored in docs/scaling.md) against the real
// catalogue of the migrated database, on PGlite and on PostgreSQL.
type IndexRow = { table: string; index: string; primary: boolean; columns: string[] }

async function catalogue() {
	const tables = rowsOf<{ name: string }>(
		await getDb().execute(sql`
			select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`),
	).map((t) => t.name)
	const indexes = rowsOf<IndexRow>(
		await getDb().execute(sql`
			select t.relname::text as "table", i.relname::text as "index", x.indisprimary as "primary",
				array(select a.attname::text from unnest(x.indkey) with ordinality k(attnum, ord)
					join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.ord) as columns
			from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
			join pg_namespace n on n.oid = t.relnamespace
			where n.nspname = 'public' order by 1, 2`),
	)
	return { tables, indexes }
}

const distributed = Object.entries(tablePlacement)
	.filter(([, p]) => p === 'distributed')
	.map(([t]) => t)

describe('Citus classification (docs/scaling.md)', () => {
	it('classifies every table in the database, and only those', async () => {
		const { tables } = await catalogue()
		const unclassified = tables.filter((t) => !(t in tablePlacement))
		expect(unclassified, 'classify these tables in db/distribution.ts and docs/scaling.md').toEqual([])
		expect(Object.keys(tablePlacement).filter((t) => !tables.includes(t))).toEqual([])
	})

	it('gives every distributed table a primary key that leads with organisation_id', async () => {
		const { indexes } = await catalogue()
		const keys = Object.fromEntries(indexes.filter((i) => i.primary).map((i) => [i.table, i.columns]))
		for (const table of distributed) {
			expect(keys[table], `${table} has no primary key`).toBeDefined()
			expect(keys[table]![0], `${table}'s primary key`).toBe('organisation_id')
		}
	})

	it('leads every index of a distributed table with organisation_id, but for the listed cross-tenant lookups', async () => {
		const { indexes } = await catalogue()
		const offending = indexes
			.filter((i) => distributed.includes(i.table) && i.columns[0] !== 'organisation_id')
			.map((i) => i.index)
		expect(offending.sort()).toEqual(Object.keys(crossTenantIndexes).sort())
	})
})
