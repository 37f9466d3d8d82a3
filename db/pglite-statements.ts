import { parse, protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite'

const { serialize } = protocol

// postgres.js (the PostgreSQL driver) prepares every statement once and reuses its plan. PGlite's
// query() uses the unnamed statement, so every call is parsed and planned again: the session
// lookup, a four-table join run on every request, spent 0.9 ms of which 0.7 ms was parse and plan
// (0.2 ms as a named statement). Here a statement text seen a second time becomes a named,
// server-side prepared statement (the first use stays unnamed, so one-off statements such as
// migrations are never kept). PostgreSQL re-plans a named statement itself when the schema
// changes. Transactions keep PGlite's own path: their statements run inside its transaction lock.
export function reuseStatementPlans(client: PGlite, { max = 500 } = {}): void {
	const plain = client.query.bind(client)
	const seenOnce = new Set<string>()
	const named = new Map<string, { name: string; paramTypes: number[] }>()
	let counter = 0

	const exec = async (message: Uint8Array) => (await client.execProtocol(message, { syncToFs: false })).messages

	async function runNamed<T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
		const messages = []
		try {
			let statement = named.get(text)
			if (!statement) {
				const name = `attune_${++counter}`
				await exec(serialize.parse({ name, text }))
				const paramTypes = parse.parseDescribeStatementResults(await exec(serialize.describe({ type: 'S', name })))
				statement = { name, paramTypes }
				named.set(text, statement)
			}
			const values = params.map((value, i) => {
				if (value === null || value === undefined) return null
				const type = statement.paramTypes[i] ?? 0
				const serializer = options?.serializers?.[type] ?? client.serializers[type]
				return serializer ? serializer(value) : String(value)
			})
			messages.push(...(await exec(serialize.bind({ statement: statement.name, values }))))
			messages.push(...(await exec(serialize.describe({ type: 'P' }))))
			messages.push(...(await exec(serialize.execute({}))))
		} finally {
			// After an error the backend ignores everything up to a Sync, as in PGlite's own query().
			messages.push(...(await exec(serialize.sync())))
		}
		await client.syncToFs()
		return parse.parseResults(messages, client.parsers, options)[0] as Results<T>
	}

	const query = async <T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
		if (options?.blob || (!named.has(text) && (!seenOnce.has(text) || named.size >= max))) {
			if (seenOnce.size < 10 * max) seenOnce.add(text)
			return plain<T>(text, params, options)
		}
		await client._checkReady()
		return client._runExclusiveTransaction(() => client._runExclusiveQuery(() => runNamed<T>(text, params, options)))
	}
	Object.assign(client, { query })
}
