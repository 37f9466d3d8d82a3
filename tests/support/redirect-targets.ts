// Crafted redirectTo values that try to leave the site: tabs and newlines the browser drops,
// backslashes it reads as slashes, encoded slashes, dot segments, other schemes and unicode.
// Used by the unit test, the integration test and scripts/probe-security.ts.
export const craftedRedirectTargets: string[] = [
	'//evil.example',
	'///evil.example',
	'////evil.example/x',
	'https://evil.example',
	'http:evil.example',
	'javascript:alert(1)',
	'data:text/html,hi',
	'/\\evil.example',
	'\\\\evil.example',
	'/\\/evil.example',
	'/\t/127.0.0.1:9/x',
	'/\n/evil.example',
	'/\r\n/evil.example',
	'\t//evil.example',
	'/\u0000/evil.example',
	'/%2F/evil.example',
	'/%2f%2fevil.example',
	'/%5C/evil.example',
	'/%09/evil.example',
	'/.//evil.example',
	'/./\\evil.example',
	'/..//evil.example',
	'/a/..//evil.example',
	'/%2E%2E//evil.example',
	'/ /evil.example',
	'/\u3000/evil.example',
	'/\uFF0F\uFF0Fevil.example',
	'/\u2215\u2215evil.example',
	'/ẹvil',
	'/\u{1F600}//evil.example',
	'/\uD800/evil.example',
	'/@evil.example',
	'/x@evil.example',
	' //evil.example',
	'https:\\\\evil.example',
	'/\\\t\\evil.example',
]

// Where a browser would land after following this Location from our origin.
export function leavesSite(location: string | null, origin: string): boolean {
	if (location === null) return false
	try {
		return new URL(location, origin).origin !== new URL(origin).origin
	} catch {
		return true
	}
}
