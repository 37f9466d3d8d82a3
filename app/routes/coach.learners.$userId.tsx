import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { text } from '#app/domain/text.ts'
import { requireCoachAccess } from '#app/auth/coach-access.server.ts'
import { CoachLearnerViewSections } from '#app/components/coaching/coach-learner-view.tsx'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { can } from '#app/domain/permissions.ts'
import { loadCoachLearnerView } from '#app/services/coach-view.server.ts'
import { addNote, NOTE_MAX } from '#app/services/coaching-notes.server.ts'
import { failureStatus, unwrap } from '#app/utils/service-response.server.ts'
import { readFormData } from '#app/utils/http.server.ts'
import feedbackStyles from '#app/styles/feedback.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: feedbackStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.view.learner.name} · Coaching · Attune` : 'Coaching · Attune' },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const { viewer, access } = await requireCoachAccess(request, context, params)
	const view = unwrap(await loadCoachLearnerView(viewer, access))
	const subject = {
		kind: 'member' as const,
		userId: access.learner.id,
		coachedByViewer: access.relation === 'team-coach',
	}
	return json({
		view,
		viewerId: viewer.user.id,
		canWrite: can({ userId: viewer.user.id, role: viewer.role }, 'coaching.write-note', subject),
	})
}

const noteSchema = z.object({
	intent: z.literal('add-note'),
	body: text({ required: 'Write something first.', max: NOTE_MAX, multiline: true }),
})

export async function action({ request, params, context }: ActionFunctionArgs) {
	const { viewer, access } = await requireCoachAccess(request, context, params)
	const submission = parseWithZod(await readFormData(request), { schema: noteSchema })
	if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
	const added = await addNote(viewer, access, submission.value.body, context.clientIp)
	if (!added.ok) return json(submission.reply({ formErrors: [added.message] }), { status: failureStatus(added) })
	throw redirect(`/coach/learners/${access.learner.id}#coach-notes-heading`)
}

export default function CoachLearnerPage() {
	const { view, viewerId, canWrite } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const [form, fields] = useForm<{ intent: string; body: string }>({
		id: 'add-note',
		lastResult,
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="stack">
			<p className="small">
				<Link to="/teams">← Teams</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>{view.learner.name}</h1>
					<p className="muted">What {view.learner.name} shares with their coaches.</p>
				</div>
			</div>
			<CoachLearnerViewSections
				view={view}
				audience="coach"
				attemptHref={(id) => `/coach/learners/${view.learner.id}/attempts/${id}`}
				noteActions={(n) =>
					n.authorId === viewerId ? (
						<p className="small flush">
							<Link to={`/coach/learners/${view.learner.id}/notes/${n.id}`}>Edit or delete</Link>
						</p>
					) : null
				}
			/>
			{canWrite ? (
				<section className="card" aria-labelledby="add-note-heading">
					<h2 id="add-note-heading" className="h-small">
						Write a note
					</h2>
					<p className="small muted">{view.learner.name} reads every note about them, and so do their other coaches.</p>
					<FormErrors id={form.errorId} errors={form.errors} />
					<Form method="post" className="form" {...getFormProps(form)}>
						<div className="field">
							<label htmlFor={fields.body.id}>Note</label>
							{/* Keyed by the note count, so the box is empty again after a note is added (JavaScript on). */}
							<textarea
								{...getTextareaProps(fields.body)}
								key={`${fields.body.key ?? ''}-${view.notes.length}`}
								rows={4}
							/>
							<ErrorList id={fields.body.errorId} errors={fields.body.errors} />
						</div>
						<SubmitButton name="intent" value="add-note" pendingLabel="Saving…">
							Add the note
						</SubmitButton>
					</Form>
				</section>
			) : null}
		</div>
	)
}
