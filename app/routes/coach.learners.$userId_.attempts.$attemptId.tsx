import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireCoachAccess } from '#app/auth/coach-access.server.ts'
import { CoachDebrief } from '#app/components/coaching/coach-debrief.tsx'
import { meterChart } from '#app/domain/feedback/charts.ts'
import { loadCoachDebrief } from '#app/services/coach-view.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'
import { notFound } from '#app/utils/http.server.ts'
import feedbackStyles from '#app/styles/feedback.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: feedbackStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.learner.name}: ${data.debrief.scenario.title} · Attune` : 'Debrief · Attune' },
]

// The coach's copy of a shared or assigned debrief (docs/access.md): a private attempt is not found.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const { viewer, access } = await requireCoachAccess(request, context, params)
	const parsed = z.object({ attemptId: z.uuid() }).safeParse(params)
	if (!parsed.success) throw notFound('There is no such shared attempt for this learner.')
	const view = unwrap(await loadCoachDebrief(viewer, access, parsed.data.attemptId))
	return json({
		learner: view.learner,
		debrief: view.content,
		assigned: view.assigned,
		leftOut: view.leftOut,
		chart: meterChart({ meters: view.content.meters, pressure: view.content.pressure }),
	})
}

export default function CoachDebriefPage() {
	const { learner, debrief, assigned, leftOut, chart } = useLoaderData<typeof loader>()
	return (
		<div className="stack debrief">
			<p className="small">
				<Link to={`/coach/learners/${learner.id}`}>← {learner.name}</Link>
			</p>
			<CoachDebrief
				learnerName={learner.name}
				debrief={debrief}
				chart={chart}
				assigned={assigned}
				leftOut={leftOut}
				audience="coach"
			/>
		</div>
	)
}
