import { createCookie, redirect } from '@remix-run/node'
import type { AppLoadContext } from '@remix-run/node'
import { hashToken } from '#app/utils/crypto.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { createSessionRow, deleteSessionByHash, findSessionByToken, touchSession } from '#app/data/sessions.server.ts'
import { isSessionActive, shouldTouchSession, type SessionPolicy } from '#app/domain/accounts/lifetimes.ts'
import type { Role } from '#app/domain/accounts/roles.ts'
import { can, permissionMessages, type PermissionAction, type PermissionSubject } from '#app/domain/permissions.ts'
import { cookiesAreSecure, getEnv } from '#app/utils/env.server.ts'
import { forbidden } from '#app/utils/http.server.ts'

export type Viewer = {
	sessionIdHash: string
	user: { id: string; name: string; email: string }
	organisation: { id: string; name: string; slug: string }
	role: Role
}

export function sessionPolicy(): SessionPolicy {
	const env = getEnv()
	return { idleMs: env.SESSION_IDLE_MINUTES * 60_000, maxAgeMs: env.SESSION_MAX_DAYS * 86_400_000 }
}

let cookie: ReturnType<typeof createCookie> | undefined
function sessionCookie() {
	if (!cookie) {
		const secure = cookiesAreSecure()
		// __Host- pins the cookie to this exact host over HTTPS, with no Domain attribute.
		cookie = createCookie(secure ? '__Host-attune_session' : 'attune_session', {
			httpOnly: true,
			sameSite: 'lax',
			secure,
			path: '/',
		})
	}
	return cookie
}

async function readToken(request: Request): Promise<string | undefined> {
	const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
	return typeof value === 'string' && value.length > 20 && value.length < 100 ? value : undefined
}

// Remix hands each loader its own copy of the Request but one shared load context,
// so the context is where one lookup per request is remembered.
const viewers = new WeakMap<AppLoadContext, Promise<Viewer | null>>()

async function loadViewer(request: Request): Promise<Viewer | null> {
	const token = await readToken(request)
	if (!token) return null
	const row = await findSessionByToken(token)
	if (!row) return null
	const now = new Date()
	if (!isSessionActive(row, now, sessionPolicy())) {
		await deleteSessionByHash(row.idHash)
		return null
	}
	if (shouldTouchSession(row, now)) await touchSession(row.idHash, now)
	return { sessionIdHash: row.idHash, user: row.user, organisation: row.organisation, role: row.role }
}

// Loaders of the root and the page both ask; one lookup per request is enough.
export function getViewer(request: Request, context?: AppLoadContext): Promise<Viewer | null> {
	if (!context) return loadViewer(request)
	let viewer = viewers.get(context)
	if (!viewer) {
		viewer = loadViewer(request)
		viewers.set(context, viewer)
	}
	return viewer
}

export async function requireViewer(request: Request, context?: AppLoadContext): Promise<Viewer> {
	const viewer = await getViewer(request, context)
	if (!viewer) {
		const url = new URL(request.url)
		const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })
		throw redirect(`/login?${params}`)
	}
	return viewer
}

// The one permission gate for routes: asks can(), and records a denial in its own
// statement (so it survives the failed request) before answering 403.
export async function requirePermission(
	request: Request,
	context: AppLoadContext,
	action: PermissionAction,
	subject?: PermissionSubject,
	viewer?: Viewer,
): Promise<Viewer> {
	const who = viewer ?? (await requireViewer(request, context))
	if (!can({ userId: who.user.id, role: who.role }, action, subject)) {
		await recordAudit({
			type: 'access_denied',
			organisationId: who.organisation.id,
			userId: who.user.id,
			ip: context.clientIp,
			detail: { path: new URL(request.url).pathname, role: who.role, action },
		})
		throw forbidden(permissionMessages[action])
	}
	return who
}

// Always a fresh id at sign-in (and the old row removed): no session fixation.
export async function startSession(
	request: Request,
	userId: string,
	organisationId: string,
): Promise<{ 'Set-Cookie': string }> {
	const previous = await readToken(request)
	if (previous) await deleteSessionByHash(hashToken(previous))
	const { token, expiresAt } = await createSessionRow({
		userId,
		organisationId,
		userAgent: request.headers.get('User-Agent'),
		policy: sessionPolicy(),
	})
	return { 'Set-Cookie': await sessionCookie().serialize(token, { expires: expiresAt }) }
}

export async function endSession(request: Request): Promise<{ 'Set-Cookie': string }> {
	const token = await readToken(request)
	if (token) await deleteSessionByHash(hashToken(token))
	return { 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) }) }
}
