import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { RoleBadge } from '#app/components/role-badge.tsx'
import { getMembershipRole, listUserOrganisations } from '#app/data/accounts.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { deleteOtherSessions, listUserSessions, switchSessionOrganisation } from '#app/data/sessions.server.ts'
import { changePasswordSchema, PASSWORD_MIN } from '#app/domain/accounts/forms.ts'
import { changeOwnPassword } from '#app/services/passwords.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { failureHeaders, failureStatus } from '#app/utils/service-response.server.ts'
import { badRequest, readFormData } from '#app/utils/http.server.ts'

export const meta: MetaFunction = () => [{ title: 'Account · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const [sessions, organisations] = await Promise.all([
		listUserSessions(viewer.user.id),
		listUserOrganisations(viewer.user.id),
	])
	return json({
		user: viewer.user,
		role: viewer.role,
		currentOrganisationId: viewer.organisation.id,
		organisations,
		sessions: sessions.map((s) => ({
			current: s.idHash === viewer.sessionIdHash,
			key: s.idHash.slice(0, 12),
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt,
			userAgent: describeAgent(s.userAgent),
		})),
	})
}

function describeAgent(ua: string | null): string {
	if (!ua) return 'Unknown device'
	const browser = /Firefox\//.test(ua)
		? 'Firefox'
		: /Edg\//.test(ua)
			? 'Edge'
			: /Chrome\//.test(ua)
				? 'Chrome'
				: /Safari\//.test(ua)
					? 'Safari'
					: 'Browser'
	const os = /Windows/.test(ua)
		? 'Windows'
		: /Mac OS X/.test(ua)
			? 'macOS'
			: /Android/.test(ua)
				? 'Android'
				: /iPhone|iPad/.test(ua)
					? 'iOS'
					: /Linux/.test(ua)
						? 'Linux'
						: 'unknown system'
	return `${browser} on ${os}`
}

const actionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('sign-out-others') }),
	z.object({ intent: z.literal('switch-organisation'), organisationId: z.uuid() }),
])

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const formData = await readFormData(request)
	if (formData.get('intent') === 'change-password') {
		const submission = parseWithZod(formData, { schema: changePasswordSchema })
		const hide = { hideFields: ['currentPassword', 'newPassword'] }
		if (submission.status !== 'success') return json(submission.reply(hide), { status: 400 })
		const changed = await changeOwnPassword(
			{ userId: viewer.user.id, organisationId: viewer.organisation.id, sessionIdHash: viewer.sessionIdHash },
			submission.value,
			context.clientIp,
		)
		if (!changed.ok) {
			const reply = changed.kind === 'invalid' ? { currentPassword: [changed.message] } : undefined
			return json(
				submission.reply({ ...hide, ...(reply ? { fieldErrors: reply } : { formErrors: [changed.message] }) }),
				{ status: failureStatus(changed), headers: failureHeaders(changed) },
			)
		}
		throw redirect(`/account?passwordChanged=${changed.value.sessionsEnded}`)
	}
	const parsed = actionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) throw badRequest('That request could not be understood.')
	if (parsed.data.intent === 'sign-out-others') {
		const count = await deleteOtherSessions(viewer.user.id, viewer.sessionIdHash)
		await recordAudit({
			type: 'sessions_revoked',
			organisationId: viewer.organisation.id,
			userId: viewer.user.id,
			ip: context.clientIp,
			detail: { count },
		})
		throw redirect(`/account?signedOut=${count}`)
	}
	const role = await getMembershipRole(parsed.data.organisationId, viewer.user.id)
	if (!role) throw badRequest('You are not a member of that organisation.')
	await switchSessionOrganisation(viewer.sessionIdHash, parsed.data.organisationId)
	throw redirect('/home')
}

export default function AccountPage() {
	const data = useLoaderData<typeof loader>()
	const [searchParams] = useSearchParams()
	const signedOut = searchParams.get('signedOut')
	const passwordChanged = searchParams.get('passwordChanged')
	const others = data.sessions.filter((s) => !s.current).length
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Your account</h1>
					<p>
						{data.user.name} · {data.user.email}
					</p>
				</div>
			</div>
			{signedOut !== null ? (
				<div className="alert alert--ok gap-below" role="status">
					Signed out of {signedOut} other session{signedOut === '1' ? '' : 's'}.
				</div>
			) : null}
			{passwordChanged !== null ? (
				<div className="alert alert--ok gap-below" role="status">
					Your password is changed. Signed out of {passwordChanged} other session{passwordChanged === '1' ? '' : 's'}.
				</div>
			) : null}
			<div className="card">
				<h2>Where you are signed in</h2>
				<table className="table">
					<thead>
						<tr>
							<th>Device</th>
							<th>Signed in</th>
							<th>Last active</th>
						</tr>
					</thead>
					<tbody>
						{data.sessions.map((s) => (
							<tr key={s.key}>
								<td data-label="Device">
									{s.userAgent} {s.current ? <span className="badge badge--coach">This device</span> : null}
								</td>
								<td data-label="Signed in">{formatDateTime(s.createdAt)}</td>
								<td data-label="Last active">{formatDateTime(s.lastSeenAt)}</td>
							</tr>
						))}
					</tbody>
				</table>
				{/* Offered only when there is something to sign out of. */}
				{others > 0 ? (
					<Form method="post" className="gap-above">
						<SubmitButton
							name="intent"
							value="sign-out-others"
							className="button button--secondary"
							pendingLabel="Signing out…"
						>
							Sign out of {others} other session{others === 1 ? '' : 's'}
						</SubmitButton>
					</Form>
				) : (
					<p className="small muted gap-above">This is your only session.</p>
				)}
			</div>
			<ChangePassword />
			{data.organisations.length > 1 ? (
				<div className="card">
					<h2>Your organisations</h2>
					<ul className="people-list">
						{data.organisations.map((o) => (
							<li key={o.id}>
								<span>
									{o.name} <RoleBadge role={o.role} />
								</span>
								{o.id === data.currentOrganisationId ? (
									<span className="muted small">Current</span>
								) : (
									<Form method="post">
										<input type="hidden" name="organisationId" value={o.id} />
										<button
											className="button button--secondary button--small"
											name="intent"
											value="switch-organisation"
										>
											Switch to {o.name}
										</button>
									</Form>
								)}
							</li>
						))}
					</ul>
				</div>
			) : null}
		</>
	)
}

function ChangePassword() {
	const lastResult = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'change-password',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="card">
			<h2>Change your password</h2>
			<Form method="post" className="form" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field meta={fields.currentPassword} label="Current password" type="password" autoComplete="current-password" />
				<Field
					meta={fields.newPassword}
					label="New password"
					type="password"
					autoComplete="new-password"
					hint={`At least ${PASSWORD_MIN} characters. Your other sessions end; this one stays signed in.`}
				/>
				<SubmitButton name="intent" value="change-password" pendingLabel="Saving…">
					Change password
				</SubmitButton>
			</Form>
		</div>
	)
}
