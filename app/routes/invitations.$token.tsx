import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { hashPassword, verifyPassword } from '#app/auth/password.server.ts'
import { startSession } from '#app/auth/session.server.ts'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { recordAudit } from '#app/data/audit.server.ts'
import { acceptInvitation, findInvitationByToken, InvitationUnusableError } from '#app/data/invitations.server.ts'
import { acceptInvitationSchema, PASSWORD_MAX, PASSWORD_MIN } from '#app/domain/accounts/forms.ts'
import { roleLabels } from '#app/domain/accounts/roles.ts'
import { httpError, notFound, readFormData } from '#app/utils/http.server.ts'

export const meta: MetaFunction = () => [{ title: 'Join your team · Attune' }]

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/)
const existingUserSchema = z.object({
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
	if (!invitation) throw notFound('This invitation link is not valid. Check that you copied all of it.')
	if (invitation.state !== 'usable') throw httpError(410, unusableMessages[invitation.state])
	return invitation
}

export async function loader({ params }: LoaderFunctionArgs) {
	const inv = await loadInvitation(params.token)
	return json({
		organisationName: inv.organisationName,
		email: inv.email,
		role: inv.role,
		hasAccount: Boolean(inv.existingUser),
	})
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const inv = await loadInvitation(params.token)
	const formData = await readFormData(request)
	let userId: string
	try {
		if (inv.existingUser) {
			const submission = parseWithZod(formData, { schema: existingUserSchema })
			if (submission.status !== 'success') return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
			if (!(await verifyPassword(inv.existingUser.passwordHash, submission.value.password))) {
				return json(
					submission.reply({ fieldErrors: { password: ['That password is not right.'] }, hideFields: ['password'] }),
					{ status: 401 },
				)
			}
			userId = (
				await acceptInvitation({
					organisationId: inv.organisationId,
					invitationId: inv.id,
					existingUserId: inv.existingUser.id,
				})
			).userId
		} else {
			const submission = parseWithZod(formData, { schema: acceptInvitationSchema })
			if (submission.status !== 'success') return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
			userId = (
				await acceptInvitation({
					organisationId: inv.organisationId,
					invitationId: inv.id,
					newUser: {
						email: inv.email,
						name: submission.value.name,
						passwordHash: await hashPassword(submission.value.password),
					},
				})
			).userId
		}
	} catch (error) {
		if (error instanceof InvitationUnusableError) throw httpError(410, error.message)
		throw error
	}
	await recordAudit({
		type: 'invitation_accepted',
		organisationId: inv.organisationId,
		userId,
		ip: context.clientIp,
		detail: { invitationId: inv.id, role: inv.role },
	})
	const headers = await startSession(request, userId, inv.organisationId)
	throw redirect('/home', { headers })
}

export default function AcceptInvitation() {
	const data = useLoaderData<typeof loader>()
	return (
		<div className="card auth-card">
			<h1>Join {data.organisationName}</h1>
			<p className="muted">
				You have been invited as a <strong>{roleLabels[data.role].toLowerCase()}</strong> with the email{' '}
				<strong>{data.email}</strong>.
			</p>
			{data.hasAccount ? (
				<ExistingAccountForm organisationName={data.organisationName} />
			) : (
				<NewAccountForm organisationName={data.organisationName} />
			)}
			<p className="small muted card-footnote">
				Not you? <Link to="/">Leave this page</Link>.
			</p>
		</div>
	)
}

function ExistingAccountForm({ organisationName }: { organisationName: string }) {
	const lastResult = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'accept-existing',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: existingUserSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<p className="small">You already have an Attune account. Enter its password to join.</p>
			<Field meta={fields.password} label="Password" type="password" autoComplete="current-password" />
			<SubmitButton pendingLabel="Joining…">Join {organisationName}</SubmitButton>
		</Form>
	)
}

function NewAccountForm({ organisationName }: { organisationName: string }) {
	const lastResult = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'accept-new',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInvitationSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<Field meta={fields.name} label="Your name" autoComplete="name" />
			<Field
				meta={fields.password}
				label="Choose a password"
				type="password"
				autoComplete="new-password"
				hint={`At least ${PASSWORD_MIN} characters.`}
			/>
			<SubmitButton pendingLabel="Joining…">Join {organisationName}</SubmitButton>
		</Form>
	)
}
