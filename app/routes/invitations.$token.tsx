import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { startSession } from '#app/auth/session.server.ts'
import { ErrorSummary, useConformErrorSummary } from '#app/components/error-summary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { acceptInvitationSchema, PASSWORD_MAX, PASSWORD_MIN } from '#app/domain/accounts/forms.ts'
import { roleLabels } from '#app/domain/accounts/roles.ts'
import { acceptByCreatingAccount, acceptBySigningIn, findInvitationByToken } from '#app/services/invitations.server.ts'
import { httpError, notFound, readFormDataOrTooLarge, tooLargeHeaders } from '#app/utils/http.server.ts'
import { passActionHeaders } from '#app/utils/route-headers.ts'
import { failureHeaders, failureStatus } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Join your team · Attune' }]
export const headers = passActionHeaders

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/)
const createSchema = acceptInvitationSchema.extend({ intent: z.literal('create') })
const signInSchema = z.object({
	intent: z.literal('sign-in'),
	password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(PASSWORD_MAX),
})

const unusableMessages = {
	expired: 'This invitation has expired. Ask your admin for a new link.',
	accepted: 'This invitation has already been used. Sign in instead.',
	revoked: 'This invitation was withdrawn. Ask your admin if you still need access.',
} as const

async function loadInvitation(token: unknown) {
	const parsed = tokenSchema.safeParse(token)
	const invitation = parsed.success ? await findInvitationByToken(parsed.data) : undefined
	if (!invitation || !parsed.success)
		throw notFound('This invitation link is not valid. Check that you copied all of it.')
	if (invitation.state !== 'usable') throw httpError(410, unusableMessages[invitation.state])
	return { invitation, token: parsed.data }
}

// Says nothing about whether the e-mail already has an account: the page offers both paths.
export async function loader({ params }: LoaderFunctionArgs) {
	const { invitation } = await loadInvitation(params.token)
	return json({ organisationName: invitation.organisationName, email: invitation.email, role: invitation.role })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const { invitation, token } = await loadInvitation(params.token)
	const read = await readFormDataOrTooLarge(request)
	if (!read.ok) {
		// The body was not read, so the form that was sent is named in its action URL.
		const intent = new URL(request.url).searchParams.get('intent') === 'sign-in' ? 'sign-in' : 'create'
		return json({ intent, result: read.reply }, { status: 413, headers: tooLargeHeaders })
	}
	const formData = read.formData
	const intent = formData.get('intent') === 'sign-in' ? 'sign-in' : 'create'
	const submission = parseWithZod(formData, { schema: intent === 'sign-in' ? signInSchema : createSchema })
	if (submission.status !== 'success') {
		return json({ intent, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	}
	const value = submission.value
	const result =
		value.intent === 'sign-in'
			? await acceptBySigningIn(token, { password: value.password }, context.clientIp)
			: await acceptByCreatingAccount(token, { name: value.name, password: value.password }, context.clientIp)
	if (result.ok) {
		// The session opens only now, and in the inviting organisation.
		const headers = await startSession(request, result.value.userId, invitation.organisationId)
		throw redirect('/home', { headers })
	}
	const status = result.kind === 'invalid' && value.intent === 'sign-in' ? 401 : failureStatus(result)
	return json(
		{ intent, result: submission.reply({ formErrors: [result.message], hideFields: ['password'] }) },
		{ status, headers: failureHeaders(result) },
	)
}

export default function AcceptInvitation() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="card auth-card">
			<h1>Join {data.organisationName}</h1>
			<p className="muted">
				You have been invited as a <strong>{roleLabels[data.role].toLowerCase()}</strong> with the email{' '}
				<strong>{data.email}</strong>.
			</p>
			<NewAccountForm lastResult={actionData?.intent === 'create' ? actionData.result : undefined} />
			<hr className="divider" />
			<SignInForm
				organisationName={data.organisationName}
				lastResult={actionData?.intent === 'sign-in' ? actionData.result : undefined}
			/>
			<p className="small muted card-footnote">
				Not you? <Link to="/">Leave this page</Link>.
			</p>
		</div>
	)
}

type LastResult = SubmissionResult<string[]> | undefined

function NewAccountForm({ lastResult }: { lastResult: LastResult }) {
	const [form, fields] = useForm({
		id: 'accept-new',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createSchema }),
		shouldRevalidate: 'onBlur',
	})
	const summary = useConformErrorSummary(
		form,
		[
			[fields.name, 'Your name'],
			[fields.password, 'Choose a password'],
		],
		lastResult,
	)
	return (
		<Form method="post" action="?intent=create" className="form" {...getFormProps(form)} onSubmit={summary.onSubmit}>
			<h2>New here? Choose your name and password</h2>
			<ErrorSummary
				id="accept-new-summary"
				title="Please check these fields"
				items={summary.items}
				focusOn={summary.focusOn}
			/>
			<FormErrors id={form.errorId} errors={form.errors} />
			<Field meta={fields.name} label="Your name" autoComplete="name" />
			<Field
				meta={fields.password}
				label="Choose a password"
				type="password"
				autoComplete="new-password"
				hint={`At least ${PASSWORD_MIN} characters.`}
			/>
			<SubmitButton pendingLabel="Joining…" name="intent" value="create">
				Create my account and join
			</SubmitButton>
		</Form>
	)
}

function SignInForm({ organisationName, lastResult }: { organisationName: string; lastResult: LastResult }) {
	const [form, fields] = useForm({
		id: 'accept-sign-in',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<Form method="post" action="?intent=sign-in" className="form" {...getFormProps(form)}>
			<h2>Already have an account? Sign in to accept</h2>
			<FormErrors id={form.errorId} errors={form.errors} />
			<Field meta={fields.password} label="Your password" type="password" autoComplete="current-password" />
			<SubmitButton pendingLabel="Signing in…" name="intent" value="sign-in">
				Sign in and join {organisationName}
			</SubmitButton>
		</Form>
	)
}
