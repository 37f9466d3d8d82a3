// Is this error the database being unreachable (stopped, restarting, network gone), rather than
// a fault in a query? Then the answer is a 503 "try again shortly", not a 500 (issue 14, faults).
// postgres.js reports lost connections with its own codes; PostgreSQL with SQLSTATE class 08
// (connection exception) and 57P01–57P03 (shutting down, cannot connect now). Drizzle wraps the
// driver's error as `cause`.
const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENOTFOUND',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
])

export function isDatabaseUnavailable(error: unknown): boolean {
	let current: unknown = error
	for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		const code = (current as { code?: unknown }).code
		if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)))
			return true
		current = (current as { cause?: unknown }).cause
	}
	return false
}

export const DATABASE_UNAVAILABLE_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attune is briefly unavailable</title></head>
<body><main>
<h1>Attune cannot reach its database right now</h1>
<p>Nothing you did caused this, and nothing you saved before is lost. If you had just sent a reply or a
form, it was not recorded: please try again in a minute.</p>
<p><a href="">Try again</a></p>
</main></body></html>`
