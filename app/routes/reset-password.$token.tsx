import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { PASSWORD_MIN, setPasswordSchema } from '#app/domain/accounts/forms.ts'
import { findPasswordReset, RESET_NOT_VALID, resetPasswordWithToken } from '#app/services/passwords.server.ts'
import { httpError, notFound, readFormData } from '#app/utils/http.server.ts'
import { failureStatus } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Attune' }]

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/)

const unusable = 'This password-reset link has already been used or has expired. Ask an admin for a new one.'

async function loadReset(token: unknown) {
	const parsed = tokenSchema.safeParse(token)
	const reset = parsed.success ? await findPasswordReset(parsed.data) : undefined
	if (!reset || !parsed.success) throw notFound(RESET_NOT_VALID)
	if (reset.state !== 'usable') throw httpError(410, unusable)
	return { reset, token: parsed.data }
}

export async function loader({ params }: LoaderFunctionArgs) {
	const { reset } = await loadReset(params.token)
	return json({ organisationName: reset.organisationName, name: reset.name })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const { token } = await loadReset(params.token)
	const submission = parseWithZod(await readFormData(request), { schema: setPasswordSchema })
	if (submission.status !== 'success') return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
	const result = await resetPasswordWithToken(token, submission.value.password, context.clientIp)
	if (!result.ok) {
		return json(submission.reply({ formErrors: [result.message], hideFields: ['password'] }), {
			status: failureStatus(result),
		})
	}
	// No session is opened here: signing in with the new password proves it was typed as meant.
	throw redirect('/login?reset=1')
}

export default function ResetPassword() {
	const data = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'reset-password',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: setPasswordSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="card auth-card">
			<h1>Choose a new password</h1>
			<p className="muted">
				For <strong>{data.name}</strong> at {data.organisationName}. This link works once.
			</p>
			<Form method="post" className="form" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					meta={fields.password}
					label="New password"
					type="password"
					autoComplete="new-password"
					hint={`At least ${PASSWORD_MIN} characters. You will be signed out everywhere and asked to sign in with it.`}
				/>
				<SubmitButton pendingLabel="Saving…">Set my new password</SubmitButton>
			</Form>
			<p className="small muted card-footnote">
				Not you? <Link to="/">Leave this page</Link>.
			</p>
		</div>
	)
}
