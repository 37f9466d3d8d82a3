import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import {
	isRouteErrorResponse,
	Link,
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	useRouteError,
	useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { AppShell } from '#app/components/app-shell.tsx'
import { getViewer } from '#app/auth/session.server.ts'
import { navigationFor } from '#app/domain/accounts/roles.ts'
import { countInbox } from '#app/data/assignments.server.ts'
import { useNonce } from '#app/utils/nonce-provider.ts'
import appStylesHref from '#app/styles/app.css?url'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: appStylesHref },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await getViewer(request, context)
	// No mail: the Home link carries a badge for new assignments and coaching notes.
	// Home marks them seen as it loads (in parallel with this loader), so it shows no badge itself.
	const onHome = new URL(request.url).pathname === '/home'
	const inbox = viewer?.role === 'learner' && !onHome ? await countInbox(viewer.organisation.id, viewer.user.id) : 0
	return json({
		viewer: viewer
			? {
					user: { name: viewer.user.name, email: viewer.user.email },
					organisation: { name: viewer.organisation.name },
					role: viewer.role,
					nav: navigationFor(viewer.role).map((item) =>
						item.to === '/home' && inbox > 0 ? { ...item, badge: inbox } : item,
					),
				}
			: null,
	})
}

function Document({ children }: { children: ReactNode }) {
	const nonce = useNonce()
	return (
		<html lang="en">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export function Layout({ children }: { children: ReactNode }) {
	return <Document>{children}</Document>
}

export default function App() {
	const data = useRouteLoaderData<typeof loader>('root')
	return (
		<AppShell viewer={data?.viewer ?? null}>
			<Outlet />
		</AppShell>
	)
}

const statusTitles: Record<number, string> = {
	400: 'That request did not look right',
	403: 'You do not have access to this',
	404: 'Page not found',
	405: 'That is not allowed here',
	409: 'That clashes with something that already exists',
	410: 'This link can no longer be used',
	413: 'That form is too large',
	429: 'Too many attempts',
}

function messageFrom(data: unknown): string | undefined {
	if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message
	return typeof data === 'string' && data.length < 300 ? data : undefined
}

// The one error boundary: expected errors are thrown as Responses with a message;
// anything else is a 500 whose details stay in the server log.
export function ErrorBoundary() {
	const error = useRouteError()
	const data = useRouteLoaderData<typeof loader>('root')
	let status = 500
	let title = 'Something went wrong on our side'
	let message = 'Please try again in a moment. If it keeps happening, tell your administrator.'
	if (isRouteErrorResponse(error)) {
		status = error.status
		title = statusTitles[status] ?? title
		message = messageFrom(error.data) ?? message
	}
	return (
		<AppShell viewer={data?.viewer ?? null}>
			<div className="error-page">
				<p className="error-page__code">{status}</p>
				<h1>{title}</h1>
				<p className="muted">{message}</p>
				<Link className="button" to={data?.viewer ? '/home' : '/'}>
					Go to the start page
				</Link>
			</div>
		</AppShell>
	)
}
