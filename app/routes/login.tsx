import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { getViewer, startSession } from '#app/auth/session.server.ts'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { loginSchema, safeRedirect } from '#app/domain/accounts/forms.ts'
import { signIn } from '#app/services/accounts.server.ts'
import { readFormDataOrTooLarge, tooLargeHeaders } from '#app/utils/http.server.ts'
import { passActionHeaders } from '#app/utils/route-headers.ts'
import { failureHeaders } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in · Attune' }]
export const headers = passActionHeaders

export async function loader({ request, context }: LoaderFunctionArgs) {
	if (await getViewer(request, context)) throw redirect('/home')
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const read = await readFormDataOrTooLarge(request)
	if (!read.ok) return json(read.reply, { status: 413, headers: tooLargeHeaders })
	const submission = parseWithZod(read.formData, { schema: loginSchema })
	if (submission.status !== 'success') {
		return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
	}
	const { email, password, redirectTo } = submission.value
	const result = await signIn({ email, password, ip: context.clientIp })
	if (result.ok) {
		const headers = await startSession(request, result.value.userId, result.value.organisationId)
		throw redirect(safeRedirect(redirectTo), { headers })
	}
	// A wrong password is 401 here, not the generic 400 of an invalid form.
	const status = { 'rate-limited': 429, forbidden: 403, invalid: 401, conflict: 409, 'not-found': 404 }[result.kind]
	return json(submission.reply({ formErrors: [result.message], hideFields: ['password'] }), {
		status,
		headers: failureHeaders(result),
	})
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
			{searchParams.get('reset') ? (
				<div className="alert alert--ok gap-below" role="status">
					Your new password is set. Sign in with it.
				</div>
			) : searchParams.get('deleted') ? (
				<div className="alert alert--ok gap-below" role="status">
					Your data has been deleted.
				</div>
			) : null}
			<Form method="post" className="form" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
				<Field meta={fields.email} label="Email" type="email" autoComplete="email" />
				<Field meta={fields.password} label="Password" type="password" autoComplete="current-password" />
				<SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
			</Form>
			<p className="small muted card-footnote">
				New to Attune? <Link to="/signup">Create an organisation</Link>. Joining a team? Use the invitation link your
				admin sent you. Forgot your password? Ask an admin for a reset link.
			</p>
		</div>
	)
}
