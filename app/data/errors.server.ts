// drizzle wraps the driver's error (DrizzleQueryError.cause); postgres.js and PGlite both
// carry PostgreSQL's SQLSTATE in `code` and the violated index in `constraint`.
function pgErrorOf(error: unknown): { code?: unknown; constraint?: unknown; constraint_name?: unknown } | undefined {
	for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
		const candidate = e as { code?: unknown; cause?: unknown }
		if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate
		e = candidate.cause
	}
	return undefined
}

// A unique index lost a race: the caller answers as it does when it saw the row first.
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
	const pg = pgErrorOf(error)
	if (pg?.code !== '23505') return false
	if (!constraint) return true
	const name = pg.constraint ?? pg.constraint_name
	return typeof name !== 'string' || name === constraint
}
