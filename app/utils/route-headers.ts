import type { HeadersFunction } from '@remix-run/node'

// Remix builds a document response's headers from the route's `headers` export only, so
// without this a 429's Retry-After reached JavaScript clients but never a plain form post.
// Only the headers below are passed on: nothing else an action sets belongs on the page.
const PASSED_ON = ['Retry-After']

export const passActionHeaders: HeadersFunction = ({ actionHeaders, errorHeaders, loaderHeaders }) => {
	const headers = new Headers()
	for (const source of [loaderHeaders, actionHeaders, errorHeaders]) {
		for (const name of PASSED_ON) {
			const value = source?.get(name)
			if (value) headers.set(name, value)
		}
	}
	return headers
}
