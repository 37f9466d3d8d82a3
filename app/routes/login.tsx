import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { signIn } from '#app/auth/accounts.server.ts'
import { getViewer, startSession } from '#app/auth/session.server.ts'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { loginSchema, safeRedirect } from '#app/domain/accounts/forms.ts'
import { readFormData } from '#app/utils/http.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	if (await getViewer(request, context)) throw redirect('/home')
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await readFormData(request)
	const submission = parseWithZod(formData, { schema: loginSchema })
	if (submission.status !== 'success') {
		return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
	}
	const { email, password, redirectTo } = submission.value
	const result = await signIn({ email, password, ip: context.clientIp })
	if (result.ok) {
		const headers = await startSession(request, result.userId, result.organisationId)
		throw redirect(safeRedirect(redirectTo), { headers })
	}
	switch (result.reason) {
		case 'rate-limited':
			return json(
				submission.reply({
					formErrors: [`Too many failed sign-in attempts. Please wait ${result.retryAfter} seconds and try again.`],
					hideFields: ['password'],
				}),
				{ status: 429, headers: { 'Retry-After': String(result.retryAfter) } },
			)
		case 'no-membership':
			return json(
				submission.reply({
					formErrors: ['Your account is no longer a member of any organisation. Ask an admin to invite you again.'],
					hideFields: ['password'],
				}),
				{ status: 403 },
			)
		case 'invalid':
			return json(
				submission.reply({ formErrors: ['That email and password do not match.'], hideFields: ['password'] }),
				{ status: 401 },
			)
	}
}

export default function LoginPage() {
	const lastResult = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const [form, fields] = useForm({
		id: 'login',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="card auth-card">
			<h1>Sign in to Attune</h1>
			<p className="muted">Practise the conversations that matter, at your own pace.</p>
			<Form method="post" className="form" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
				<Field meta={fields.email} label="Email" type="email" autoComplete="email" />
				<Field meta={fields.password} label="Password" type="password" autoComplete="current-password" />
				<SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
			</Form>
			<p className="small muted card-footnote">
				New to Attune? <Link to="/signup">Create an organisation</Link>. Joining a team? Use the invitation link your
				admin sent you.
			</p>
		</div>
	)
}
