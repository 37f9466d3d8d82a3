import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '#app/auth/session.server.ts'
import { SubmitButton } from '#app/components/submit-button.tsx'
import { getAssessmentForm } from '#app/data/assessments.server.ts'
import { getOrganisationTimeZone } from '#app/data/assignments.server.ts'
import { ASSESSMENT_FORMS } from '#app/domain/assessment/forms.ts'
import { timeZones, todayInZone } from '#app/domain/coaching/dates.ts'
import { changeAssessmentForm } from '#app/services/assessment-settings.server.ts'
import { setTimeZone } from '#app/services/assignments.server.ts'
import { readFormData } from '#app/utils/http.server.ts'
import { failureStatus } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Organisation settings · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'organisation.manage-settings')
	const [timeZone, assessmentForm] = await Promise.all([
		getOrganisationTimeZone(viewer.organisation.id),
		getAssessmentForm(viewer.organisation.id),
	])
	return json({ timeZone, today: todayInZone(new Date(), timeZone), zones: timeZones(), assessmentForm })
}

const assessmentFormSchema = z.object({
	assessmentForm: z.enum(ASSESSMENT_FORMS, { error: 'Choose the full form or the short form.' }),
})

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'organisation.manage-settings')
	const formData = await readFormData(request)
	const actor = {
		userId: viewer.user.id,
		organisationId: viewer.organisation.id,
		ip: context.clientIp,
		role: viewer.role,
	}
	if (formData.get('intent') === 'assessment-form') {
		const submission = parseWithZod(formData, { schema: assessmentFormSchema })
		if (submission.status !== 'success')
			return json({ kind: 'assessment-form' as const, result: submission.reply(), saved: false }, { status: 400 })
		const changed = await changeAssessmentForm(actor, submission.value.assessmentForm)
		if (!changed.ok)
			return json(
				{ kind: 'assessment-form' as const, result: submission.reply({ formErrors: [changed.message] }), saved: false },
				{ status: failureStatus(changed) },
			)
		return json({ kind: 'assessment-form' as const, result: submission.reply(), saved: true })
	}
	const parsed = z
		.object({ timeZone: z.string().trim().min(1, 'Choose a time zone.').max(64) })
		.safeParse(Object.fromEntries(formData))
	if (!parsed.success)
		return json(
			{ kind: 'time-zone' as const, message: parsed.error.issues[0]?.message ?? 'Choose a time zone.' },
			{ status: 400 },
		)
	const result = await setTimeZone(actor, parsed.data.timeZone)
	if (!result.ok)
		return json({ kind: 'time-zone' as const, message: result.message }, { status: failureStatus(result) })
	return json({ kind: 'time-zone' as const, message: null })
}

const FORM_CHOICES = [
	{
		value: 'full',
		label: 'Full form',
		hint: 'Every statement: 82 statements and 22 short scenes, about 11 minutes.',
	},
	{
		value: 'adaptive',
		label: 'Short form',
		hint: 'Stops asking about a side once the answers place someone clearly; the stress and scene pages stay complete.',
	},
] as const

export default function OrganisationSettings() {
	const { timeZone, today, zones, assessmentForm } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const reply = actionData?.kind === 'time-zone' ? actionData : undefined
	const formReply = actionData?.kind === 'assessment-form' ? actionData : undefined
	const [form, fields] = useForm({
		id: 'assessment-form',
		lastResult: formReply?.result,
		defaultValue: { assessmentForm },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: assessmentFormSchema }),
	})
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Organisation settings</h1>
					<p>
						Due dates of <Link to="/assignments">assignments</Link> are calendar dates in the organisation&apos;s time
						zone: an item becomes overdue when that day is over there.
					</p>
				</div>
			</div>
			<section className="card" aria-labelledby="tz-heading">
				<h2 id="tz-heading">Time zone</h2>
				{reply ? (
					<div className={reply.message ? 'alert alert--error' : 'alert alert--ok'} role="status">
						{reply.message ?? 'Time zone saved.'}
					</div>
				) : null}
				<Form method="post" className="form">
					<div className="field">
						<label htmlFor="time-zone">Time zone</label>
						<select id="time-zone" name="timeZone" defaultValue={timeZone}>
							{zones.map((z) => (
								<option key={z} value={z}>
									{z}
								</option>
							))}
						</select>
						<p className="small muted flush">
							Now: {timeZone}, where today is {today}.
						</p>
					</div>
					<SubmitButton pendingLabel="Saving…">Save time zone</SubmitButton>
				</Form>
			</section>
			<section className="card" aria-labelledby="assessment-form-heading">
				<h2 id="assessment-form-heading">Self-assessment form</h2>
				<p>
					The short form stops asking about one side of the style circle once a person&apos;s answers place them
					clearly; in our simulation people answered 38 to 47 of the 56 style statements on average, while the stress
					and scene pages stay complete. The cost: the region drawn around their dot is wider, and short-form results
					are left out of the instrument statistics, which need every statement.
				</p>
				{formReply?.saved ? (
					<div className="alert alert--ok" role="status">
						Saved. New assessments start on the {assessmentForm === 'adaptive' ? 'short' : 'full'} form; anyone part way
						through keeps the form they started on.
					</div>
				) : null}
				{form.errors ? (
					<div className="alert alert--error" role="alert" id={form.errorId}>
						{form.errors.join(' ')}
					</div>
				) : null}
				<Form method="post" className="form" {...getFormProps(form)}>
					<fieldset
						className="choices"
						aria-describedby={fields.assessmentForm.errors ? fields.assessmentForm.errorId : undefined}
					>
						<legend>Form for new assessments</legend>
						{FORM_CHOICES.map((choice) => (
							<label key={choice.value} className="choice">
								<input
									type="radio"
									name={fields.assessmentForm.name}
									value={choice.value}
									defaultChecked={assessmentForm === choice.value}
								/>
								<span>
									<strong>{choice.label}</strong>
									<span className="small muted"> — {choice.hint}</span>
								</span>
							</label>
						))}
						{fields.assessmentForm.errors ? (
							<p id={fields.assessmentForm.errorId} className="error-list flush">
								{fields.assessmentForm.errors.join(' ')}
							</p>
						) : null}
					</fieldset>
					<SubmitButton name="intent" value="assessment-form" pendingLabel="Saving…">
						Save form
					</SubmitButton>
				</Form>
			</section>
			<p className="small">
				<Link to="/admin/paths">Onboarding paths</Link>
			</p>
		</>
	)
}
