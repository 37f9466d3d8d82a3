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
import { recordAudit } from '#app/data/audit.server.ts'
import { changeMemberRole, coachesMember, getMember, LastAdminError, removeMember } from '#app/data/members.server.ts'
import { changeRoleSchema, removeMemberSchema } from '#app/domain/accounts/forms.ts'
import { can } from '#app/domain/permissions.ts'
import { formatDate } from '#app/utils/format.ts'
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
		isSelf: member.id === viewer.user.id,
	})
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'member.manage')
	const member = await loadMember(viewer, params)
	const formData = await readFormData(request)
	const submission = parseWithZod(formData, {
		schema: z.discriminatedUnion('intent', [changeRoleSchema, removeMemberSchema]),
	})
	if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
	const audit = { organisationId: viewer.organisation.id, userId: viewer.user.id, ip: context.clientIp }
	try {
		if (submission.value.intent === 'remove') {
			await removeMember(viewer.organisation.id, member.id)
			await recordAudit({ ...audit, type: 'member_removed', detail: { memberId: member.id, email: member.email } })
			throw redirect(member.id === viewer.user.id ? '/login' : '/members')
		}
		const role = submission.value.role
		await changeMemberRole(viewer.organisation.id, member.id, role)
		await recordAudit({ ...audit, type: 'role_changed', detail: { memberId: member.id, from: member.role, to: role } })
		throw redirect(`/members/${member.id}`)
	} catch (error) {
		if (error instanceof LastAdminError) {
			return json(submission.reply({ formErrors: [error.message] }), { status: 409 })
		}
		throw error
	}
}

export default function MemberPage() {
	const { member, canManage, isSelf } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
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
						<Form method="post" className="form form--inline" {...getFormProps(form)}>
							<RoleSelect meta={fields.role} />
							<SubmitButton name="intent" value="change-role" pendingLabel="Saving…">
								Change role
							</SubmitButton>
						</Form>
						<hr className="divider" />
						<Form method="post">
							<p className="small muted">
								Removing {isSelf ? 'yourself' : 'this person'} ends their access to this organisation at once.
							</p>
							<SubmitButton name="intent" value="remove" className="button button--danger" pendingLabel="Removing…">
								Remove from organisation
							</SubmitButton>
						</Form>
					</div>
				) : null}
			</div>
		</>
	)
}
