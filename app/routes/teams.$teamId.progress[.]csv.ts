import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requirePermission, requireViewer } from '#app/auth/session.server.ts'
import { findTeamForViewer } from '#app/data/exports.server.ts'
import { exportTeamProgress } from '#app/services/exports.server.ts'
import { notFound } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

const paramsSchema = z.object({ teamId: z.uuid() })

// GET /teams/:teamId/progress.csv: the team's progress for its coaches and the admins, under
// the learners' sharing choices.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const parsed = paramsSchema.safeParse(params)
	const who = { organisationId: viewer.organisation.id, userId: viewer.user.id, role: viewer.role }
	const team = parsed.success ? await findTeamForViewer(who, parsed.data.teamId) : undefined
	if (!team) throw notFound('There is no such team in your organisation.')
	await requirePermission(
		request,
		context,
		'team.export-progress',
		{ kind: 'team', teamId: team.id, coachedByViewer: team.coachedByViewer },
		viewer,
	)
	const csv = unwrap(await exportTeamProgress({ ...who, ip: context.clientIp }, team))
	const slug =
		team.name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'team'
	return new Response(`\uFEFF${csv}`, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${slug}-progress-${new Date().toISOString().slice(0, 10)}.csv"`,
			'Cache-Control': 'no-store',
		},
	})
}
