import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { ResumeOrStart } from '#app/components/resume-or-start.tsx'
import { assignmentForLearner, startAssignment } from '#app/services/assignments.server.ts'
import { badRequest, notFound, readFormData } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.assignment.title} · To do · Attune` : 'To do · Attune' },
]

function idFrom(params: unknown) {
	const parsed = z.object({ assignmentId: z.uuid() }).safeParse(params)
	if (!parsed.success) throw notFound('There is no such assignment on your to-do list.')
	return parsed.data.assignmentId
}

// Before an assigned attempt starts, the learner reads who will see it (DESIGN §7).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const assignment = unwrap(
		await assignmentForLearner({ organisationId: viewer.organisation.id, userId: viewer.user.id }, idFrom(params)),
	)
	return json({ assignment })
}

const actionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('start') }),
	z.object({ intent: z.literal('restart'), attemptId: z.uuid() }),
])

export async function action({ request, params, context }: ActionFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const assignmentId = idFrom(params)
	const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success) throw badRequest('That request could not be understood.')
	const restartAttemptId = parsed.data.intent === 'restart' ? parsed.data.attemptId : undefined
	const { attemptId } = unwrap(await startAssignment(viewer, { assignmentId, restartAttemptId }))
	throw redirect(`/play/${attemptId}`)
}

export default function AssignedItem() {
	const { assignment: a } = useLoaderData<typeof loader>()
	const names = a.watchers.coaches.map((c) => c.name)
	return (
		<>
			<p className="small">
				<Link to="/home">← Home</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>{a.title}</h1>
					<p>
						{a.done ? 'Done. ' : a.overdue ? 'Overdue. ' : ''}
						{a.dueOn ? `Due ${a.dueOn}.` : 'No due date.'}
					</p>
				</div>
			</div>
			<section className="card" aria-labelledby="who-heading">
				<h2 id="who-heading">Who will see it</h2>
				{a.kind === 'scenario' ? (
					<>
						<p>
							This is assigned work, so it is not private like the practice you start yourself. Your attempt and its
							debrief will be seen by{' '}
							{a.watchers.assigner ? (
								<>
									<strong>{a.watchers.assigner.name}</strong> (who assigned it)
									{names.length > 0 ? ' and ' : ''}
								</>
							) : null}
							{names.length > 0 ? (
								<>
									the coach{names.length === 1 ? '' : 'es'} of your team{names.length === 1 ? '' : 's'}:{' '}
									<strong>{names.join(', ')}</strong>
								</>
							) : null}
							{!a.watchers.assigner && names.length === 0 ? 'the coaches of your teams (you have none right now)' : ''}.
						</p>
						<p className="small muted">
							Scores are for coaching conversations, not for evaluating you. Your self-assessment answers stay yours.
						</p>
						<ResumeOrStart
							resumeTo={a.openAttemptId ? `/play/${a.openAttemptId}` : undefined}
							resumeLabel="Resume where you left off"
							startLabel={a.done ? 'Do it again' : 'Start the conversation'}
							restartFields={a.openAttemptId ? { attemptId: a.openAttemptId } : undefined}
						/>
					</>
				) : (
					<>
						<p>
							Your coaches see only that you completed the self-assessment, never your answers. Your style is shown to
							them only if you choose to share it.
						</p>
						<Link className="button" to="/assessment">
							{a.done ? 'See my style report' : 'Take the self-assessment'}
						</Link>
					</>
				)}
			</section>
		</>
	)
}
