import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

export default defineConfig({
	build: { target: 'es2022' },
	server: { port: 3000 },
	plugins: [
		remix({
			ignoredRouteFiles: ['**/*.test.ts', '**/*.test.tsx'],
			future: {
				v3_fetcherPersist: true,
				v3_relativeSplatPath: true,
				v3_throwAbortReason: true,
				v3_lazyRouteDiscovery: true,
			},
		}),
	],
})
