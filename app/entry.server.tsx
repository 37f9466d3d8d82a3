import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { DATABASE_UNAVAILABLE_PAGE, isDatabaseUnavailable } from '#app/utils/database-unavailable.server.ts'
import { logError } from '#app/utils/log-error.server.ts'
import { NonceProvider } from '#app/utils/nonce-provider.ts'

const ABORT_DELAY = 5_000

// Requests whose loader or action failed because the database was unreachable: answered with a
// 503 page that says so (handleError sees the error before the document or data is rendered).
const databaseWasUnavailable = new WeakSet<Request>()
const unavailable = (body: string, type: string) =>
	new Response(body, {
		status: 503,
		headers: { 'Content-Type': type, 'Retry-After': '10', 'Cache-Control': 'no-store' },
	})

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	if (databaseWasUnavailable.has(request)) return unavailable(DATABASE_UNAVAILABLE_PAGE, 'text/html; charset=utf-8')
	const nonce = loadContext.cspNonce
	// Bots and no-JS clients get the whole document at once; browsers can stream.
	const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
	return new Promise<Response>((resolve, reject) => {
		let didError = false
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
			</NonceProvider>,
			{
				nonce,
				[readyEvent]() {
					const body = new PassThrough()
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(
						new Response(createReadableStreamFromReadable(body), {
							headers: responseHeaders,
							status: didError ? 500 : responseStatusCode,
						}),
					)
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					didError = true
					logError(error)
				},
			},
		)
		setTimeout(abort, ABORT_DELAY)
	})
}

// Expected "not found" routing errors are answered with the 404 page; they are not server faults.
export function handleError(error: unknown, { request }: { request: Request }) {
	if (request.signal.aborted) return
	if (isRouteErrorResponse(error) && error.status === 404) return
	if (isDatabaseUnavailable(error)) {
		databaseWasUnavailable.add(request)
		console.error(`The database is unreachable (${request.method} ${new URL(request.url).pathname}): answered 503.`)
		return
	}
	logError(error)
}

export function handleDataRequest(response: Response, { request }: { request: Request }) {
	if (!databaseWasUnavailable.has(request)) return response
	return unavailable(JSON.stringify({ message: 'Attune cannot reach its database right now.' }), 'application/json')
}
