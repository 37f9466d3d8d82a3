import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requirePermission, requireViewer } from '#app/auth/session.server.ts'
import { findTeamForViewer } from '#app/data/exports.server.ts'
import { exportXapiStatements } from '#app/services/exports.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { badRequest, notFound } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

const querySchema = z.discriminatedUnion('scope', [
	z.object({ scope: z.literal('own') }),
	z.object({ scope: z.literal('team'), team: z.uuid() }),
	z.object({ scope: z.literal('organisation') }),
])

// GET /exports/xapi?scope=own | scope=team&team=<id> | scope=organisation: xAPI 1.0.3 statements
// as a JSON array, ready to POST to a learning record store.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
	if (!parsed.success) throw badRequest('Choose what to export: scope=own, scope=team&team=<id> or scope=organisation.')
	const who = { organisationId: viewer.organisation.id, userId: viewer.user.id, role: viewer.role }
	let scope: Parameters<typeof exportXapiStatements>[1]
	if (parsed.data.scope === 'team') {
		const team = await findTeamForViewer(who, parsed.data.team)
		if (!team) throw notFound('There is no such team in your organisation.')
		await requirePermission(
			request,
			context,
			'xapi.export-team',
			{ kind: 'team', teamId: team.id, coachedByViewer: team.coachedByViewer },
			viewer,
		)
		scope = { kind: 'team', teamId: team.id }
	} else if (parsed.data.scope === 'organisation') {
		await requirePermission(request, context, 'xapi.export-organisation', undefined, viewer)
		scope = { kind: 'organisation' }
	} else {
		await requirePermission(request, context, 'xapi.export-own', undefined, viewer)
		scope = { kind: 'own' }
	}
	const statements = unwrap(await exportXapiStatements({ ...who, ip: context.clientIp }, scope, getEnv().PUBLIC_URL))
	return new Response(JSON.stringify(statements, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="attune-xapi-${scope.kind}-${new Date().toISOString().slice(0, 10)}.json"`,
			'Cache-Control': 'no-store',
		},
	})
}
