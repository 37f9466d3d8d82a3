// Request bodies are capped before they are parsed, for signed-in and anonymous requests
// alike: an anonymous 300 MB POST to /login used to be read into memory whole.
// The numbers and their reasons are in docs/security.md.
export const BODY_LIMITS = {
	// Sign-in, sign-up and accepting an invitation carry an e-mail, a name and a password
	// of at most 1,024 characters: even fully percent-encoded that is well under 16 KiB.
	auth: 16 * 1024,
	// Every other form: generous for long notes, small enough that a flood costs little.
	default: 1024 * 1024,
} as const

const AUTH_PATHS = /^\/(login|signup|invitations\/[^/]+)\/?$/

export function bodyLimitFor(pathname: string): number {
	return AUTH_PATHS.test(pathname) ? BODY_LIMITS.auth : BODY_LIMITS.default
}

export function tooLargeMessage(limit: number): string {
	return `That form is too large: this page accepts at most ${Math.round(limit / 1024)} KiB. Shorten it and try again.`
}

// Reads at most `limit` bytes. Past it, reading stops without cancelling the stream
// (cancelling would destroy the socket before the 413 could be sent); the caller answers
// with `Connection: close`, so the rest is never read.
export async function readCapped(
	body: ReadableStream<Uint8Array> | null,
	limit: number,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; read: number }> {
	if (!body) return { ok: true, bytes: new Uint8Array() }
	const reader = body.getReader()
	const chunks: Uint8Array[] = []
	let total = 0
	for (;;) {
		const { done, value } = await reader.read()
		if (done) break
		total += value.byteLength
		if (total > limit) {
			reader.releaseLock()
			return { ok: false, read: total }
		}
		chunks.push(value)
	}
	const bytes = new Uint8Array(total)
	let offset = 0
	for (const chunk of chunks) {
		bytes.set(chunk, offset)
		offset += chunk.byteLength
	}
	return { ok: true, bytes }
}
