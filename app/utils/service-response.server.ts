import type { ServiceFailure, ServiceResult } from '#app/services/result.ts'
import { httpError } from '#app/utils/http.server.ts'

// The one mapping from a service's failure to HTTP.
const statusByKind: Record<ServiceFailure['kind'], number> = {
	'not-found': 404,
	forbidden: 403,
	invalid: 400,
	conflict: 409,
	'rate-limited': 429,
}

export function failureStatus(failure: ServiceFailure): number {
	return statusByKind[failure.kind]
}

export function failureHeaders(failure: ServiceFailure): HeadersInit | undefined {
	return failure.kind === 'rate-limited' ? { 'Retry-After': String(failure.retryAfter) } : undefined
}

export function failureResponse(failure: ServiceFailure): Response {
	return httpError(failureStatus(failure), failure.message, failureHeaders(failure))
}

// For loaders and actions with no form to re-render: the value, or a thrown error page.
export function unwrap<T>(result: ServiceResult<T>): T {
	if (result.ok) return result.value
	throw failureResponse(result)
}
