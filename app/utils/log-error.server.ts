// Errors reach the server log without the values a query carried: drizzle's error message
// ends with "params: …", which for a sign-up is the new person's Argon2 hash, and a
// driver error's `detail` can quote a row ("Key (email)=(…) already exists").
// So the log gets the error's kind, the SQL text, the PostgreSQL code and constraint, and the
// stack, never the object itself.
type Described = { name?: unknown; message?: unknown; query?: unknown; params?: unknown; code?: unknown }

function describeOne(error: Described): string {
	const message = typeof error.message === 'string' ? error.message : String(error)
	if (typeof error.query === 'string' && message.startsWith('Failed query:')) return `Failed query: ${error.query}`
	const name = typeof error.name === 'string' ? error.name : 'Error'
	const code = typeof error.code === 'string' ? ` [${error.code}]` : ''
	const constraint =
		(error as { constraint?: unknown; constraint_name?: unknown }).constraint ??
		(error as { constraint_name?: unknown }).constraint_name
	const where = typeof constraint === 'string' ? ` (constraint ${constraint})` : ''
	return `${name}${code}: ${message}${where}`
}

export function describeError(error: unknown): string {
	if (!error || typeof error !== 'object') return String(error)
	const lines: string[] = []
	let current: unknown = error
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		lines.push(`${depth === 0 ? '' : 'caused by: '}${describeOne(current as Described)}`)
		current = (current as { cause?: unknown }).cause
	}
	const stack = (error as { stack?: unknown }).stack
	if (typeof stack === 'string') {
		// The stack's first lines repeat the message (and with it the params): keep the frames only.
		lines.push(...stack.split('\n').filter((l) => /^\s+at /.test(l)))
	}
	return lines.join('\n')
}

export function logError(error: unknown): void {
	console.error(describeError(error))
}
