// Services answer with a discriminated union, never with HTTP. One route helper
// (app/utils/service-response.server.ts) turns a failure into a status and a message.

export type FieldErrors = Record<string, string[]>

export type ServiceFailure =
	| { ok: false; kind: 'not-found'; message: string }
	| { ok: false; kind: 'forbidden'; message: string }
	| { ok: false; kind: 'invalid'; message: string; fieldErrors?: FieldErrors }
	| { ok: false; kind: 'conflict'; message: string; fieldErrors?: FieldErrors }
	| { ok: false; kind: 'rate-limited'; message: string; retryAfter: number }

export type ServiceResult<T> = { ok: true; value: T } | ServiceFailure

export function ok<T>(value: T): { ok: true; value: T } {
	return { ok: true, value }
}
export function ok0(): { ok: true; value: undefined } {
	return { ok: true, value: undefined }
}

export const fail = {
	notFound: (message: string): ServiceFailure => ({ ok: false, kind: 'not-found', message }),
	forbidden: (message: string): ServiceFailure => ({ ok: false, kind: 'forbidden', message }),
	invalid: (message: string, fieldErrors?: FieldErrors): ServiceFailure => ({
		ok: false,
		kind: 'invalid',
		message,
		fieldErrors,
	}),
	conflict: (message: string, fieldErrors?: FieldErrors): ServiceFailure => ({
		ok: false,
		kind: 'conflict',
		message,
		fieldErrors,
	}),
	rateLimited: (message: string, retryAfter: number): ServiceFailure => ({
		ok: false,
		kind: 'rate-limited',
		message,
		retryAfter,
	}),
}
