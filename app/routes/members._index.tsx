import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '#app/auth/session.server.ts'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { RoleBadge } from '#app/components/role-badge.tsx'
import { RoleSelect } from '#app/components/role-select.tsx'
import { CopyField } from '#app/components/copy-field.tsx'
import { listPendingInvitations } from '#app/data/invitations.server.ts'
import { listDeactivatedMembers, listMembers } from '#app/data/members.server.ts'
import { inviteSchema } from '#app/domain/accounts/forms.ts'
import { roleLabels } from '#app/domain/accounts/roles.ts'
import { formatDate } from '#app/utils/format.ts'
import {
	createInvitation,
	createInvitations,
	reissueInvitation,
	revokeInvitation,
} from '#app/services/invitations.server.ts'
import { roles } from '#app/domain/accounts/roles.ts'
import { badRequest, readFormData } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Members · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'organisation.manage-members')
	const [members, invitations, deactivated] = await Promise.all([
		listMembers(viewer.organisation.id),
		listPendingInvitations(viewer.organisation.id),
		listDeactivatedMembers(viewer.organisation.id),
	])
	return json({ members, invitations, deactivated, viewerId: viewer.user.id })
}

const invitationActionSchema = z.object({ intent: z.enum(['revoke', 'reissue']), invitationId: z.uuid() })
const bulkInviteSchema = z.object({
	intent: z.literal('bulk-invite'),
	list: z.string().max(40_000, 'That list is too long: at most 100 addresses at a time.'),
	role: z.enum(roles),
})

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'organisation.manage-members')
	const formData = await readFormData(request)
	const intent = formData.get('intent')

	const actor = { userId: viewer.user.id, organisationId: viewer.organisation.id, ip: context.clientIp }
	const linkFor = (token: string) => new URL(`/invitations/${token}`, request.url).toString()

	if (intent === 'bulk-invite') {
		const parsed = bulkInviteSchema.safeParse(Object.fromEntries(formData))
		if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? 'That list could not be read.')
		const created = await createInvitations(actor, parsed.data)
		if (!created.ok) {
			return json(
				{
					kind: 'bulk' as const,
					list: parsed.data.list,
					role: parsed.data.role,
					message: created.message,
					problems: 'problems' in created ? created.problems : [],
					links: [] as Array<{ email: string; url: string; expiresAt: string }>,
				},
				{ status: 400 },
			)
		}
		return json({
			kind: 'bulk' as const,
			list: '',
			role: parsed.data.role,
			message: null,
			problems: [],
			links: created.value.map((c) => ({
				email: c.email,
				url: linkFor(c.token),
				expiresAt: c.expiresAt.toISOString(),
			})),
		})
	}

	if (intent === 'revoke' || intent === 'reissue') {
		const parsed = invitationActionSchema.safeParse(Object.fromEntries(formData))
		if (!parsed.success) throw badRequest('That invitation reference is not valid.')
		if (parsed.data.intent === 'revoke') {
			unwrap(await revokeInvitation(actor, parsed.data.invitationId))
			return json({ kind: 'revoked' as const })
		}
		const reissued = unwrap(await reissueInvitation(actor, parsed.data.invitationId))
		return json({
			kind: 'reissued' as const,
			link: {
				url: linkFor(reissued.token),
				email: reissued.email,
				role: reissued.role,
				expiresAt: reissued.expiresAt.toISOString(),
				reissued: true,
			},
		})
	}

	const submission = parseWithZod(formData, { schema: inviteSchema })
	if (submission.status !== 'success') {
		return json({ kind: 'invite' as const, result: submission.reply(), link: null }, { status: 400 })
	}
	const { email, role } = submission.value
	const created = unwrap(await createInvitation(actor, { email, role }))
	return json({
		kind: 'invite' as const,
		result: submission.reply({ resetForm: true }),
		link: { url: linkFor(created.token), email, role, expiresAt: created.expiresAt.toISOString(), reissued: false },
	})
}

export default function MembersPage() {
	const { members, invitations, deactivated, viewerId } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const inviteResult = actionData?.kind === 'invite' ? actionData.result : undefined
	const [form, fields] = useForm({
		id: 'invite',
		lastResult: inviteResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
		shouldRevalidate: 'onBlur',
		defaultValue: { role: 'learner' },
	})
	const link = actionData?.kind === 'invite' || actionData?.kind === 'reissued' ? actionData.link : null
	const bulk = actionData?.kind === 'bulk' ? actionData : null
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Members</h1>
					<p>
						{members.length} {members.length === 1 ? 'person' : 'people'} in your organisation.
					</p>
				</div>
			</div>
			{searchParams.get('welcome') ? (
				<div className="alert alert--ok gap-below">
					Your organisation is ready. Invite your coaches and learners below.
				</div>
			) : null}
			<div className="card">
				<h2>Invite someone</h2>
				<p className="muted small">
					Attune does not send email. Create an invitation, then copy the link and send it yourself. Links work once and
					expire after 7 days.
				</p>
				<Form method="post" className="form form--inline" {...getFormProps(form)}>
					<div className="grow-2">
						<Field meta={fields.email} label="Email" type="email" />
					</div>
					<RoleSelect meta={fields.role} />
					<SubmitButton pendingLabel="Creating…" name="intent" value="invite">
						Create invitation
					</SubmitButton>
				</Form>
				<FormErrors id={form.errorId} errors={form.errors} />
				{link ? (
					<div className="alert alert--ok gap-above" role="status">
						<p>
							{link.reissued ? 'New link' : 'Invitation'} for <strong>{link.email}</strong> as {roleLabels[link.role]}{' '}
							{link.reissued ? 'created; the old link no longer works' : 'created'}. Copy this link and send it to them:
						</p>
						<CopyField label={`Invitation link for ${link.email}`} value={link.url} testId="invitation-link" />
						<p className="small footnote">
							It expires on {formatDate(link.expiresAt)}. This is the only time the link is shown; if it is lost, use
							“Re-issue link”.
						</p>
					</div>
				) : null}
			</div>

			<div className="card">
				<h2>Invite several people</h2>
				<p className="muted small">
					Paste one email address per line, choose their role, and get one link per person. If any line is wrong,
					nothing is created and every problem is listed.
				</p>
				<Form method="post" className="form">
					<div className="field">
						<label htmlFor="bulk-list">Addresses, one per line</label>
						<textarea
							id="bulk-list"
							name="list"
							rows={5}
							defaultValue={bulk?.list ?? ''}
							key={bulk?.links.length ?? 0}
							aria-describedby={bulk?.problems.length ? 'bulk-problems' : undefined}
						/>
					</div>
					<div className="field">
						<label htmlFor="bulk-role">Invite all of them as</label>
						<select id="bulk-role" name="role" defaultValue={bulk?.role ?? 'learner'}>
							{roles.map((r) => (
								<option key={r} value={r}>
									{roleLabels[r]}
								</option>
							))}
						</select>
					</div>
					<SubmitButton pendingLabel="Creating…" name="intent" value="bulk-invite">
						Create one link per address
					</SubmitButton>
				</Form>
				{bulk?.message ? (
					<div id="bulk-problems" className="alert alert--error gap-above" role="alert">
						<p className="flush">{bulk.message}</p>
						<ul>
							{bulk.problems.map((p) => (
								<li key={`${p.line}-${p.text}-${p.message}`}>
									{p.line > 0 ? `Line ${p.line}: ` : ''}
									{p.text ? <strong>{p.text}</strong> : null} {p.message}
								</li>
							))}
						</ul>
					</div>
				) : null}
				{bulk && bulk.links.length > 0 ? (
					<div className="alert alert--ok gap-above" role="status">
						<p>
							{bulk.links.length} invitation{bulk.links.length === 1 ? '' : 's'} created as {roleLabels[bulk.role]}.
							Copy each link and send it to that person; this is the only time the links are shown.
						</p>
						{bulk.links.map((l) => (
							<div key={l.email} className="gap-above">
								<p className="small flush">
									<strong>{l.email}</strong> · expires {formatDate(l.expiresAt)}
								</p>
								<CopyField label={`Invitation link for ${l.email}`} value={l.url} testId={`bulk-link-${l.email}`} />
							</div>
						))}
					</div>
				) : null}
			</div>

			{invitations.length > 0 ? (
				<div className="card">
					<h2>Open invitations</h2>
					<table className="table">
						<thead>
							<tr>
								<th>Email</th>
								<th>Role</th>
								<th>Expires</th>
								<th>
									<span className="visually-hidden">Actions</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{invitations.map((inv) => (
								<tr key={inv.id}>
									<td data-label="Email">{inv.email}</td>
									<td data-label="Role">
										<RoleBadge role={inv.role} />
									</td>
									<td data-label="Expires">{formatDate(inv.expiresAt)}</td>
									<td>
										<Form method="post" className="button-row">
											<input type="hidden" name="invitationId" value={inv.id} />
											<button className="button button--secondary button--small" name="intent" value="reissue">
												Re-issue link<span className="visually-hidden"> for {inv.email}</span>
											</button>
										</Form>
										<details className="confirm">
											<summary className="button button--danger button--small">
												Revoke…<span className="visually-hidden"> the invitation for {inv.email}</span>
											</summary>
											<Form method="post">
												<input type="hidden" name="invitationId" value={inv.id} />
												<p className="small">
													The link sent to {inv.email} stops working at once. Nothing else changes; you can invite them
													again later.
												</p>
												<button className="button button--danger button--small" name="intent" value="revoke">
													Revoke the invitation for {inv.email}
												</button>
											</Form>
										</details>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}

			<div className="card">
				<h2>People</h2>
				<table className="table">
					<thead>
						<tr>
							<th>Name</th>
							<th>Email</th>
							<th>Role</th>
							<th>Joined</th>
						</tr>
					</thead>
					<tbody>
						{members.map((m) => (
							<tr key={m.id}>
								<td data-label="Name">
									<Link to={`/members/${m.id}`}>{m.name}</Link>
									{m.id === viewerId ? <span className="muted"> (you)</span> : null}
								</td>
								<td data-label="Email">{m.email}</td>
								<td data-label="Role">
									<RoleBadge role={m.role} />
								</td>
								<td data-label="Joined">{formatDate(m.joinedAt)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{deactivated.length > 0 ? (
				<div className="card">
					<h2>Deactivated</h2>
					<p className="muted small">
						These people can no longer sign in here. Their history is kept: invite them again with the same email and it
						is all restored when they accept.
					</p>
					<ul className="people-list">
						{deactivated.map((m) => (
							<li key={m.id}>
								{m.name} <span className="muted">({m.email})</span>
							</li>
						))}
					</ul>
				</div>
			) : null}
		</>
	)
}
