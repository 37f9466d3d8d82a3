import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireViewer } from '#app/auth/session.server.ts'
import { CoachLearnerViewSections } from '#app/components/coaching/coach-learner-view.tsx'
import { previewOwnCoachView } from '#app/services/coach-view.server.ts'
import feedbackStyles from '#app/styles/feedback.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: feedbackStyles }]
export const meta: MetaFunction = () => [{ title: 'What my coach sees · Attune' }]

// The learner's preview: the very view the coach page renders, built by the same service function.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	return json({ view: await previewOwnCoachView(viewer) })
}

export default function CoachViewPreview() {
	const { view } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			{/* No profile tabs here: this page stays under the learner pages' 90 KiB JavaScript budget. */}
			<p className="small">
				<Link to="/progress">← My progress</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>What my coach sees</h1>
					<p className="muted">
						This is the page the coaches of your teams see about you, exactly. Change what is shared on{' '}
						<Link to="/progress#sharing-heading">My progress</Link>.
					</p>
				</div>
			</div>
			<CoachLearnerViewSections view={view} audience="learner" attemptHref={(id) => `/play/${id}/debrief`} />
		</div>
	)
}
