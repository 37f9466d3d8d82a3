import { json } from '@remix-run/node'
import { bodyLimitFor, readCapped, tooLargeMessage } from '#app/security/body-limit.ts'

export type ErrorPayload = { message: string }

// The one way to stop a loader or action with an expected error: the root
// ErrorBoundary renders `message` on a friendly page with the right status.
export function httpError(status: number, message: string, headers?: HeadersInit): Response {
	return json<ErrorPayload>({ message }, { status, headers })
}

export const notFound = (message = 'We could not find that page.') => httpError(404, message)
export const forbidden = (message = 'You do not have access to this page.') => httpError(403, message)
export const badRequest = (message: string) => httpError(400, message)
export const tooManyRequests = (message: string, retryAfter: number) =>
	httpError(429, message, { 'Retry-After': String(retryAfter) })

export function payloadTooLarge(limit: number): Response {
	// Connection: close, so the unread rest of the body is never read.
	return httpError(413, tooLargeMessage(limit), { Connection: 'close' })
}

// The one way routes read a form: capped before parsing (413 past the cap), and a body
// that is not form data is a client error, not a crash.
export async function readFormData(request: Request): Promise<FormData> {
	const limit = bodyLimitFor(new URL(request.url).pathname)
	if (Number(request.headers.get('Content-Length') ?? 0) > limit) throw payloadTooLarge(limit)
	const body = await readCapped(request.body, limit)
	if (!body.ok) throw payloadTooLarge(limit)
	try {
		const headers = { 'Content-Type': request.headers.get('Content-Type') ?? 'application/x-www-form-urlencoded' }
		return await new Response(body.bytes as Uint8Array<ArrayBuffer>, { headers }).formData()
	} catch {
		throw badRequest('The form could not be read. Please submit it again.')
	}
}

// For the sign-in, sign-up and invitation forms: a body over the cap becomes the form's own
// error (the route answers `tooLargeReply` with status 413 and `tooLargeHeaders`) instead of
// the error page, with JavaScript on and off.
export type TooLargeReply = { status: 'error'; error: Record<string, string[]> }
export const tooLargeHeaders = { Connection: 'close' }

export async function readFormDataOrTooLarge(
	request: Request,
): Promise<{ ok: true; formData: FormData } | { ok: false; reply: TooLargeReply }> {
	try {
		return { ok: true, formData: await readFormData(request) }
	} catch (error) {
		if (!(error instanceof Response) || error.status !== 413) throw error
		const { message } = (await error.json()) as ErrorPayload
		// Conform's reply shape: one form-level error; no field values are echoed back.
		return { ok: false, reply: { status: 'error', error: { '': [message] } } }
	}
}
