import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { getViewer, startSession } from '#app/auth/session.server.ts'
import { ErrorSummary, useConformErrorSummary } from '#app/components/error-summary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { PASSWORD_MIN, signupSchema } from '#app/domain/accounts/forms.ts'
import { signUp } from '#app/services/accounts.server.ts'
import { readFormDataOrTooLarge, tooLargeHeaders } from '#app/utils/http.server.ts'
import { passActionHeaders } from '#app/utils/route-headers.ts'
import { failureHeaders, failureStatus } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Create an organisation · Attune' }]
export const headers = passActionHeaders

export async function loader({ request, context }: LoaderFunctionArgs) {
	if (await getViewer(request, context)) throw redirect('/home')
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const read = await readFormDataOrTooLarge(request)
	if (!read.ok) return json(read.reply, { status: 413, headers: tooLargeHeaders })
	const submission = parseWithZod(read.formData, { schema: signupSchema })
	if (submission.status !== 'success') {
		return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
	}
	const result = await signUp({ ...submission.value, ip: context.clientIp })
	if (result.ok) {
		const headers = await startSession(request, result.value.userId, result.value.organisationId)
		throw redirect('/members?welcome=1', { headers })
	}
	const fieldErrors = 'fieldErrors' in result ? result.fieldErrors : undefined
	return json(
		submission.reply(
			fieldErrors
				? { fieldErrors, hideFields: ['password'] }
				: { formErrors: [result.message], hideFields: ['password'] },
		),
		{ status: failureStatus(result), headers: failureHeaders(result) },
	)
}

export default function SignupPage() {
	const lastResult = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'signup',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
		shouldRevalidate: 'onBlur',
	})
	const summary = useConformErrorSummary(
		form,
		[
			[fields.organisationName, 'Organisation name'],
			[fields.name, 'Your name'],
			[fields.email, 'Work email'],
			[fields.password, 'Password'],
		],
		lastResult,
	)
	return (
		<div className="card auth-card">
			<h1>Create your organisation</h1>
			<p className="muted">You will be its first admin. You can invite coaches and learners next.</p>
			<Form method="post" className="form" {...getFormProps(form)} onSubmit={summary.onSubmit}>
				<ErrorSummary title="Please check these fields" items={summary.items} focusOn={summary.focusOn} />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field meta={fields.organisationName} label="Organisation name" autoComplete="organization" />
				<Field meta={fields.name} label="Your name" autoComplete="name" />
				<Field meta={fields.email} label="Work email" type="email" autoComplete="email" />
				<Field
					meta={fields.password}
					label="Password"
					type="password"
					autoComplete="new-password"
					hint={`At least ${PASSWORD_MIN} characters. Long passphrases are welcome.`}
				/>
				<SubmitButton pendingLabel="Creating…">Create organisation</SubmitButton>
			</Form>
			<p className="small muted card-footnote">
				Already have an account? <Link to="/login">Sign in</Link>.
			</p>
		</div>
	)
}
