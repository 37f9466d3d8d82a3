import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { endSession, requirePermission, requireViewer } from '#app/auth/session.server.ts'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { RoleBadge } from '#app/components/role-badge.tsx'
import { getMembershipRole, listUserOrganisations } from '#app/data/accounts.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { deleteOtherSessions, listUserSessions, switchSessionOrganisation } from '#app/data/sessions.server.ts'
import { changePasswordSchema, deleteDataSchema, PASSWORD_MIN } from '#app/domain/accounts/forms.ts'
import { deletePersonalData } from '#app/services/deletion.server.ts'
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
		organisationName: viewer.organisation.name,
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
	if (formData.get('intent') === 'delete-data') {
		await requirePermission(request, context, 'own-data.delete', undefined, viewer)
		const submission = parseWithZod(formData, { schema: deleteDataSchema })
		if (submission.status !== 'success') return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
		const deleted = await deletePersonalData(
			{ userId: viewer.user.id, organisationId: viewer.organisation.id },
			submission.value,
			context.clientIp,
		)
		if (!deleted.ok) {
			return json(submission.reply({ hideFields: ['password'], formErrors: [deleted.message] }), {
				status: failureStatus(deleted),
				headers: failureHeaders(deleted),
			})
		}
		throw redirect('/login?deleted=1', { headers: await endSession(request) })
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
			<LeaveWithYourData organisationName={data.organisationName} memberships={data.organisations.length} />
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
	const actionData = useActionData<typeof action>()
	const lastResult = actionData && isReplyFor(actionData, 'change-password') ? actionData : undefined
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

// Both forms post to this route; each shows only the reply to its own submission.
function isReplyFor(reply: object, intent: string): boolean {
	return 'initialValue' in reply && (reply.initialValue as Record<string, unknown> | null)?.intent === intent
}

function LeaveWithYourData({ organisationName, memberships }: { organisationName: string; memberships: number }) {
	const actionData = useActionData<typeof action>()
	const lastResult = actionData && isReplyFor(actionData, 'delete-data') ? actionData : undefined
	const [form] = useForm({ id: 'delete-data', lastResult })
	return (
		<div className="card">
			<h2>Leave with your data</h2>
			<p>
				Download everything Attune holds about you, in every organisation you belong to: your profile, assessment
				answers and results, role-plays with every decision, debriefs, skill levels, coaching notes about you,
				assignments and the audit events about you.
			</p>
			<p>
				<a className="button button--secondary" href="/account/export" download>
					Download my data (JSON)
				</a>{' '}
				<a className="button button--secondary" href="/exports/xapi?scope=own" download>
					My role-plays as xAPI statements
				</a>
			</p>
			<FormErrors id={form.errorId} errors={form.errors} />
			{(['organisation', 'account'] as const).map((scope) => (
				<details className="confirm" key={scope}>
					<summary className="button button--danger">
						{scope === 'organisation' ? `Delete my data in ${organisationName}…` : 'Delete my whole account…'}
					</summary>
					<Form method="post" className="form" id={`delete-${scope}`}>
						<input type="hidden" name="scope" value={scope} />
						<p className="small">What happens:</p>
						<ul className="small">
							{scope === 'organisation' ? (
								<>
									<li>
										Your membership of {organisationName} ends, and your assessments, role-plays, debriefs, skill
										levels, assignments and the coaching notes about you there are deleted for good.
									</li>
									<li>
										{memberships > 1
											? 'Your account and your other organisations stay; you are signed out and can sign in to them.'
											: 'Your account stays, with no organisation; you are signed out.'}
									</li>
								</>
							) : (
								<li>
									Everything above, in every organisation you belong to, and your account itself: you cannot sign in
									again with this e-mail address unless you are invited anew.
								</li>
							)}
							<li>
								Notes you wrote and invitations you sent stay for others, without your name. The audit log keeps one
								entry saying that data was deleted, under an anonymous id.
							</li>
							<li>This cannot be undone. Download your data first if you want to keep it.</li>
						</ul>
						<div className="field">
							<label htmlFor={`password-${scope}`}>Your password, to confirm</label>
							<input
								id={`password-${scope}`}
								name="password"
								type="password"
								autoComplete="current-password"
								required
							/>
						</div>
						<SubmitButton name="intent" value="delete-data" className="button button--danger" pendingLabel="Deleting…">
							{scope === 'organisation' ? `Delete my data in ${organisationName}` : 'Delete my account and all my data'}
						</SubmitButton>
					</Form>
				</details>
			))}
		</div>
	)
}
