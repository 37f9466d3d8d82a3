import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { ResumeOrStart } from '#app/components/resume-or-start.tsx'
import { ProfileTabs } from '#app/components/feedback/profile-tabs.tsx'
import { StyleCircle } from '#app/components/style-circle.tsx'
import { beginAssessment, currentPage } from '#app/services/assessment.server.ts'
import { abandonAssessment, listOwnResults, parseStoredResult } from '#app/data/assessments.server.ts'
import { describePlacement } from '#app/domain/assessment/placement.ts'
import { SELF_REPORT_STATEMENT } from '#app/domain/assessment/report-notes.ts'
import { formatDate } from '#app/utils/format.ts'
import { badRequest, readFormData } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'
import assessmentStyles from '#app/styles/assessment.css?url'
import feedbackStyles from '#app/styles/feedback.css?url'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: assessmentStyles },
	{ rel: 'stylesheet', href: feedbackStyles },
]
export const meta: MetaFunction = () => [{ title: 'My style · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const [current, rows] = await Promise.all([
		currentPage(viewer),
		listOwnResults(viewer.organisation.id, viewer.user.id),
	])
	const page = unwrap(current)
	const results = rows.map((r) => {
		const result = parseStoredResult(r.result)
		const { headline, body } = describePlacement(result.placement)
		return {
			id: r.id,
			createdAt: r.createdAt,
			headline,
			summary: body,
			dot: { x: result.dot.x, y: result.dot.y },
		}
	})
	return json({
		// Text as data, not code: the page's JavaScript budget.
		statement: SELF_REPORT_STATEMENT,
		inProgress: page
			? { firstQuestion: page.progress.firstQuestion, total: page.progress.totalQuestions, upTo: page.progress.upTo }
			: null,
		results,
	})
}

const actionSchema = z.object({ intent: z.enum(['start', 'restart']) })

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success) throw badRequest('That request could not be understood.')
	if (parsed.data.intent === 'restart') await abandonAssessment(viewer.organisation.id, viewer.user.id)
	unwrap(await beginAssessment(viewer))
	throw redirect('/assessment/take')
}

export default function AssessmentHome() {
	const { inProgress, results, statement } = useLoaderData<typeof loader>()
	const latest = results[results.length - 1]
	return (
		<>
			<ProfileTabs />
			<div className="page-header">
				<div>
					<h1>My communication style</h1>
					<p>Where you sit on the style circle, how you react under pressure, and how well you read other people.</p>
				</div>
			</div>
			<div className="grid">
				<section className="card" aria-labelledby="take-heading">
					<h2 id="take-heading">{results.length ? 'Take it again' : 'Take the self-assessment'}</h2>
					<p>
						About 10 minutes: statements about how you work, a few about tense conversations, and short quotes where you
						read the speaker's style. Pages are saved as you go, so you can stop and carry on later on any device.
					</p>
					<p className="report-statement">{statement} Only you see your answers.</p>
					<ResumeOrStart
						resumeTo={inProgress ? '/assessment/take' : undefined}
						resumeLabel={
							inProgress
								? `Continue from question ${inProgress.firstQuestion} of ${inProgress.upTo ? 'up to ' : ''}${inProgress.total}`
								: null
						}
						startLabel={results.length ? 'Start a new assessment' : 'Start'}
					/>
				</section>
				<section className="card" aria-labelledby="history-heading">
					<h2 id="history-heading">Your results</h2>
					{latest ? (
						<>
							<StyleCircle
								id="history-circle"
								dot={latest.dot}
								placement={{ headline: latest.headline, body: latest.summary }}
								history={results.slice(0, -1).map((r) => ({ ...r.dot, label: formatDate(r.createdAt) }))}
							/>
							<ul className="people-list gap-above">
								{[...results].reverse().map((r) => (
									<li key={r.id}>
										<Link to={`/assessment/results/${r.id}`}>{r.headline}</Link>
										<span className="small muted">{formatDate(r.createdAt)}</span>
									</li>
								))}
							</ul>
						</>
					) : (
						<p className="muted">No results yet. Your report appears here when you finish.</p>
					)}
				</section>
			</div>
		</>
	)
}
