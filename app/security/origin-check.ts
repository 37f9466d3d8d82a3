const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type OriginCheckInput = {
	method: string
	origin: string | undefined
	secFetchSite: string | undefined
	// The origin this server is reached at, e.g. "https://attune.example.com".
	expectedOrigin: string
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string }

// CSRF defence for cookie sessions: browsers send Sec-Fetch-Site and Origin on every
// state-changing request, and a page on another site cannot forge either.
export function checkRequestOrigin(input: OriginCheckInput): OriginVerdict {
	if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true }
	const site = input.secFetchSite?.toLowerCase()
	if (site && site !== 'same-origin' && site !== 'none') {
		return { ok: false, reason: `Cross-site request refused (Sec-Fetch-Site: ${site}).` }
	}
	if (input.origin !== undefined) {
		if (input.origin === 'null' || input.origin !== input.expectedOrigin) {
			return { ok: false, reason: `Cross-origin request refused (Origin: ${input.origin}).` }
		}
		return { ok: true }
	}
	// Neither header: not a browser (curl, scripts). Such a client holds the cookie
	// itself, so there is nothing to forge.
	return { ok: true }
}
