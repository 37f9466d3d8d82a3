import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { requirePermission, type Viewer } from '#app/auth/session.server.ts'
import { coachAccessTo, type CoachAccess } from '#app/services/coach-view.server.ts'
import { notFound } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

// The gate of every /coach/learners/:userId page, in the order docs/access.md gives:
// a learner's role may not open coaching pages (403); a learner id that is not a member of the
// viewer's organisation does not exist (404); a member the viewer does not coach is 403.
export async function requireCoachAccess(
	request: Request,
	context: AppLoadContext,
	params: unknown,
): Promise<{ viewer: Viewer; access: CoachAccess }> {
	const viewer = await requirePermission(request, context, 'coaching.open')
	const parsed = z.object({ userId: z.uuid() }).safeParse(params)
	if (!parsed.success) throw notFound('There is no such member in your organisation.')
	const access = unwrap(await coachAccessTo(viewer, parsed.data.userId))
	await requirePermission(
		request,
		context,
		'coaching.view-learner',
		{ kind: 'member', userId: access.learner.id, coachedByViewer: access.relation !== null },
		viewer,
	)
	return { viewer, access }
}
