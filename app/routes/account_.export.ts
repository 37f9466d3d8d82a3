import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/auth/session.server.ts'
import { exportPersonalData } from '#app/services/personal-export.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

// GET /account/export: the viewer's own data as a JSON download (never anyone else's).
export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'own-data.export')
	const data = unwrap(
		await exportPersonalData({ userId: viewer.user.id, organisationId: viewer.organisation.id }, context.clientIp),
	)
	const day = data.exportedAt.slice(0, 10)
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="attune-my-data-${day}.json"`,
			'Cache-Control': 'no-store',
		},
	})
}
