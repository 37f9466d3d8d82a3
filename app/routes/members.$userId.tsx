import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission, requireViewer, type Viewer } from '#app/auth/session.server.ts'
import { FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { RoleBadge } from '#app/components/role-badge.tsx'
import { RoleSelect } from '#app/components/role-select.tsx'
import { coachesMember, getMember } from '#app/data/members.server.ts'
import { CopyField } from '#app/components/copy-field.tsx'
import { changeRoleSchema, removeMemberSchema, resetLinkSchema } from '#app/domain/accounts/forms.ts'
import { roleLabels } from '#app/domain/accounts/roles.ts'
import { can } from '#app/domain/permissions.ts'
import { changeRole, deactivateMember } from '#app/services/members.server.ts'
import { issuePasswordReset } from '#app/services/passwords.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { failureStatus } from '#app/utils/service-response.server.ts'
import { notFound, readFormData } from '#app/utils/http.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.member.name} · Attune` : 'Member · Attune' },
]

const paramsSchema = z.object({ userId: z.uuid() })

// Not-a-uuid and another organisation's member look the same: not found.
async function loadMember(viewer: Viewer, params: unknown) {
	const parsed = paramsSchema.safeParse(params)
	if (!parsed.success) throw notFound('There is no such member in your organisation.')
	const member = await getMember(viewer.organisation.id, parsed.data.userId)
	if (!member) throw notFound('There is no such member in your organisation.')
	return member
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const member = await loadMember(viewer, params)
	const subject = {
		kind: 'member' as const,
		userId: member.id,
		coachedByViewer:
			viewer.role === 'coach' && (await coachesMember(viewer.organisation.id, viewer.user.id, member.id)),
	}
	await requirePermission(request, context, 'member.view', subject, viewer)
	return json({
		member,
		canManage: can({ userId: viewer.user.id, role: viewer.role }, 'member.manage', subject),
		canCoach: can({ userId: viewer.user.id, role: viewer.role }, 'coaching.view-learner', subject),
		isSelf: member.id === viewer.user.id,
	})
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'member.manage')
	const member = await loadMember(viewer, params)
	const formData = await readFormData(request)
	const submission = parseWithZod(formData, {
		schema: z.discriminatedUnion('intent', [changeRoleSchema, removeMemberSchema, resetLinkSchema]),
	})
	if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
	const actor = { userId: viewer.user.id, organisationId: viewer.organisation.id, ip: context.clientIp }
	if (submission.value.intent === 'reset-link') {
		const issued = await issuePasswordReset(actor, member.id)
		if (!issued.ok) return json(submission.reply({ formErrors: [issued.message] }), { status: failureStatus(issued) })
		return json({
			...submission.reply({ resetForm: true }),
			resetLink: {
				url: new URL(`/reset-password/${issued.value.token}`, request.url).toString(),
				expiresAt: issued.value.expiresAt.toISOString(),
			},
		})
	}
	const result =
		submission.value.intent === 'deactivate'
			? await deactivateMember(actor, member.id)
			: await changeRole(actor, member.id, submission.value.role)
	if (!result.ok) return json(submission.reply({ formErrors: [result.message] }), { status: failureStatus(result) })
	if (submission.value.intent === 'deactivate') throw redirect(member.id === viewer.user.id ? '/login' : '/members')
	throw redirect(`/members/${member.id}`)
}

export default function MemberPage() {
	const { member, canManage, canCoach, isSelf } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	// Conform's reply type swallows the extra field in the union, so it is named here.
	const resetLink = (lastResult as { resetLink?: { url: string; expiresAt: string } } | undefined)?.resetLink
	const [form, fields] = useForm({
		id: 'member',
		lastResult,
		defaultValue: { role: member.role },
	})
	return (
		<>
			<p className="small">{canManage ? <Link to="/members">← All members</Link> : <Link to="/home">← Home</Link>}</p>
			<div className="page-header">
				<div>
					<h1>
						{member.name} {isSelf ? <span className="muted">(you)</span> : null}
					</h1>
					<p>
						{member.email} · <RoleBadge role={member.role} /> · joined {formatDate(member.joinedAt)}
					</p>
					{canCoach && member.role === 'learner' ? (
						<p>
							<Link to={`/coach/learners/${member.id}`}>Coaching page: shared work, skill trends and notes</Link>
						</p>
					) : null}
				</div>
			</div>
			<div className="grid">
				<div className="card">
					<h2>Teams</h2>
					{member.teams.length === 0 && member.coachedTeams.length === 0 ? (
						<p className="muted">
							Not in a team yet. People are added to teams on the <Link to="/teams">Teams</Link> page.
						</p>
					) : (
						<ul className="people-list">
							{member.teams.map((t) => (
								<li key={`m-${t.id}`}>
									{t.name} <span className="badge">Member</span>
								</li>
							))}
							{member.coachedTeams.map((t) => (
								<li key={`c-${t.id}`}>
									{t.name} <span className="badge badge--coach">Coach</span>
								</li>
							))}
						</ul>
					)}
				</div>
				{canManage ? (
					<div className="card">
						<h2>Manage</h2>
						<FormErrors id={form.errorId} errors={form.errors} />
						{/* A two-step confirm in plain HTML: <details> opens without JavaScript. */}
						<details className="confirm">
							<summary className="button button--secondary">Change role…</summary>
							<Form method="post" className="form" {...getFormProps(form)}>
								<RoleSelect meta={fields.role} />
								<p className="small">What happens:</p>
								<ul className="small">
									<li>
										A learner practises and sees only their own work; a coach also sees the teams they coach and the
										work shared with them; an admin manages members, teams and the whole organisation.
									</li>
									<li>
										The change applies at once, to {isSelf ? 'your' : 'their'} next page. Now:{' '}
										{roleLabels[member.role].toLowerCase()}.
									</li>
								</ul>
								<SubmitButton name="intent" value="change-role" pendingLabel="Saving…">
									Change {isSelf ? 'my' : `${member.name}’s`} role
								</SubmitButton>
							</Form>
						</details>
						<hr className="divider" />
						{resetLink ? (
							<div className="alert alert--ok gap-below" role="status">
								<p>Password-reset link for {member.name} created. Copy it and give it to them yourself:</p>
								<CopyField label={`Password-reset link for ${member.name}`} value={resetLink.url} testId="reset-link" />
								<p className="small footnote">
									It works once and expires on {formatDate(resetLink.expiresAt)}. This is the only time it is shown.
								</p>
							</div>
						) : null}
						<details className="confirm">
							<summary className="button button--secondary">Create a password-reset link…</summary>
							<Form method="post">
								<p className="small">What happens:</p>
								<ul className="small">
									<li>
										{isSelf ? 'You are' : `${member.name} is`} signed out everywhere at once; the current password keeps
										working until a new one is set.
									</li>
									<li>
										You get a link to copy (Attune sends no mail). It works once, for 24 hours; whoever opens it can set
										a new password for {member.email}, so hand it over privately.
									</li>
									<li>An earlier reset link for {isSelf ? 'you' : 'them'} stops working.</li>
								</ul>
								<SubmitButton
									name="intent"
									value="reset-link"
									className="button button--danger"
									pendingLabel="Creating…"
								>
									Sign {isSelf ? 'me' : 'them'} out and create the link
								</SubmitButton>
							</Form>
						</details>
						<hr className="divider" />
						<details className="confirm">
							<summary className="button button--danger">Deactivate {isSelf ? 'my membership' : member.name}…</summary>
							<Form method="post">
								<p className="small">What happens:</p>
								<ul className="small">
									<li>
										{isSelf ? 'You are' : `${member.name} is`} signed out of this organisation at once and can no longer
										open it.
									</li>
									<li>{isSelf ? 'You' : 'They'} disappear from the member list, the rosters and the team pickers.</li>
									<li>
										Nothing is deleted: assessments, practice attempts and shared work stay where they are. Deleting
										someone&apos;s data is a separate action.
									</li>
									<li>
										To bring {isSelf ? 'you' : 'them'} back, invite {member.email} again; when the invitation is
										accepted by signing in, everything is restored.
									</li>
								</ul>
								<SubmitButton
									name="intent"
									value="deactivate"
									className="button button--danger"
									pendingLabel="Deactivating…"
								>
									Deactivate {isSelf ? 'my membership' : member.name}
								</SubmitButton>
							</Form>
						</details>
					</div>
				) : null}
			</div>
		</>
	)
}
