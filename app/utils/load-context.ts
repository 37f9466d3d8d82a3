// What the custom server hands every loader and action (see scripts/server.ts).
declare module '@remix-run/node' {
	interface AppLoadContext {
		cspNonce: string
		clientIp: string | null
	}
}

export {}
