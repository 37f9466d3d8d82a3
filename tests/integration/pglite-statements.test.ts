import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reuseStatementPlans } from '#db/pglite-statements.ts'

// The embedded database reuses plans of repeated statements (db/pglite-statements.ts): the
// answers must be the ones PGlite's own query() gives, errors included.
describe('PGlite statement reuse', () => {
	let client: PGlite
	const statements = async () =>
		(await client.query<{ name: string }>('select name from pg_prepared_statements order by name')).rows.map(
			(r) => r.name,
		)

	beforeAll(async () => {
		client = await PGlite.create('memory://')
		reuseStatementPlans(client)
		await client.exec(`create table notes (id int primary key, body text not null, at timestamptz, data jsonb)`)
	})
	afterAll(() => client.close())

	it('answers a repeated statement from a named prepared statement, with each call’s own parameters', async () => {
		const insert = 'insert into notes (id, body, at, data) values ($1, $2, $3, $4)'
		const at = new Date('2026-01-02T03:04:05Z')
		for (let id = 1; id <= 3; id++) await client.query(insert, [id, `note ${id}`, at, { n: id }])
		const select = 'select id, body, at, data from notes where id = $1'
		for (let id = 1; id <= 3; id++) {
			const { rows } = await client.query<{ id: number; body: string; at: Date; data: { n: number } }>(select, [id])
			expect(rows).toEqual([{ id, body: `note ${id}`, at, data: { n: id } }])
		}
		const arrays = await client.query('select id, body from notes where id = $1', [2], { rowMode: 'array' })
		expect(arrays.rows).toEqual([[2, 'note 2']])
		// The first use of each text stays unnamed; the repeats are prepared once each.
		expect((await statements()).length).toBeGreaterThanOrEqual(2)
	})

	it('surfaces a constraint violation with its code and stays usable afterwards', async () => {
		const insert = 'insert into notes (id, body) values ($1, $2)'
		await client.query(insert, [10, 'a'])
		await client.query(insert, [11, 'b'])
		await expect(client.query(insert, [10, 'again'])).rejects.toMatchObject({ code: '23505' })
		expect(
			(await client.query<{ n: number }>('select count(*)::int as n from notes where id >= $1', [10])).rows,
		).toEqual([{ n: 2 }])
		await client.query(insert, [12, 'c'])
		expect(
			(await client.query<{ n: number }>('select count(*)::int as n from notes where id >= $1', [10])).rows,
		).toEqual([{ n: 3 }])
	})

	it('still answers after the schema changes under a prepared statement', async () => {
		const select = 'select body from notes where id = $1'
		await client.query(select, [1])
		await client.query(select, [1])
		await client.exec('alter table notes add column extra text')
		expect((await client.query(select, [1])).rows).toEqual([{ body: 'note 1' }])
	})

	it('leaves statements inside a transaction to PGlite, and they see the transaction’s own writes', async () => {
		await client.transaction(async (tx) => {
			await tx.query('insert into notes (id, body) values ($1, $2)', [20, 'in tx'])
			expect((await tx.query('select body from notes where id = $1', [20])).rows).toEqual([{ body: 'in tx' }])
			await tx.rollback()
		})
		expect((await client.query('select body from notes where id = $1', [20])).rows).toEqual([])
	})
})
