import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { text } from '#app/domain/text.ts'
import { requireCoachAccess } from '#app/auth/coach-access.server.ts'
import { requirePermission } from '#app/auth/session.server.ts'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { changeNote, findNoteAbout, NOTE_MAX } from '#app/services/coaching-notes.server.ts'
import { failureStatus, unwrap } from '#app/utils/service-response.server.ts'
import { notFound, readFormData } from '#app/utils/http.server.ts'

export const meta: MetaFunction = () => [{ title: 'Edit a coaching note · Attune' }]

// Only the author edits or deletes a note (403 for anyone else who may see it, docs/access.md).
async function authorsNote(request: Request, context: LoaderFunctionArgs['context'], params: unknown) {
	const { viewer, access } = await requireCoachAccess(request, context, params)
	const parsed = z.object({ noteId: z.uuid() }).safeParse(params)
	if (!parsed.success) throw notFound('There is no such note.')
	const note = unwrap(await findNoteAbout(viewer, access, parsed.data.noteId))
	await requirePermission(
		request,
		context,
		'coaching.change-note',
		{ kind: 'coaching-note', authorId: note.authorId },
		viewer,
	)
	return { viewer, access, note }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const { access, note } = await authorsNote(request, context, params)
	return json({ learner: access.learner, note: { id: note.id, body: note.body } })
}

const schema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('edit-note'),
		body: text({ required: 'Write something first, or delete the note.', max: NOTE_MAX, multiline: true }),
	}),
	z.object({ intent: z.literal('delete-note') }),
])

export async function action({ request, params, context }: ActionFunctionArgs) {
	const { viewer, access, note } = await authorsNote(request, context, params)
	const submission = parseWithZod(await readFormData(request), { schema })
	if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
	const changed = await changeNote(viewer, access, note.id, submission.value, context.clientIp)
	if (!changed.ok) return json(submission.reply({ formErrors: [changed.message] }), { status: failureStatus(changed) })
	throw redirect(`/coach/learners/${access.learner.id}#coach-notes-heading`)
}

export default function EditNotePage() {
	const { learner, note } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const [form, fields] = useForm<{ intent: string; body: string }>({
		id: 'edit-note',
		lastResult,
		defaultValue: { body: note.body },
	})
	return (
		<div className="stack">
			<p className="small">
				<Link to={`/coach/learners/${learner.id}`}>← {learner.name}</Link>
			</p>
			<h1>Edit a note about {learner.name}</h1>
			<section className="card">
				<FormErrors id={form.errorId} errors={form.errors} />
				<Form method="post" className="form" {...getFormProps(form)}>
					<div className="field">
						<label htmlFor={fields.body.id}>Note</label>
						<textarea {...getTextareaProps(fields.body)} key={fields.body.key} rows={5} />
						<ErrorList id={fields.body.errorId} errors={fields.body.errors} />
					</div>
					<div className="button-row">
						<SubmitButton name="intent" value="edit-note" pendingLabel="Saving…">
							Save the note
						</SubmitButton>
					</div>
				</Form>
				<hr className="divider" />
				<Form method="post">
					<SubmitButton name="intent" value="delete-note" className="button button--danger" pendingLabel="Deleting…">
						Delete the note
					</SubmitButton>
				</Form>
			</section>
		</div>
	)
}
