import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { endSession, getViewer } from '#app/auth/session.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'

// Signing out changes state, so it is a POST only; a GET just goes home.
export async function loader() {
	throw redirect('/')
}

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await getViewer(request, context)
	if (viewer) {
		await recordAudit({
			type: 'sign_out',
			organisationId: viewer.organisation.id,
			userId: viewer.user.id,
			ip: context.clientIp,
		})
	}
	throw redirect('/login', { headers: await endSession(request) })
}
