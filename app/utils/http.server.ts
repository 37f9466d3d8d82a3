import { json } from '@remix-run/node'

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

// A body that is not form data is a client error, not a crash.
export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData()
	} catch {
		throw badRequest('The form could not be read. Please submit it again.')
	}
}
