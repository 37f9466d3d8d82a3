import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/auth/session.server.ts'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { listMembers } from '#app/data/members.server.ts'
import { listTeams } from '#app/data/teams.server.ts'
import { teamNameSchema, teamPersonSchema } from '#app/domain/accounts/forms.ts'
import { changeTeamPerson, createTeam, fitsPosition } from '#app/services/teams.server.ts'
import { badRequest, readFormData } from '#app/utils/http.server.ts'
import { failureStatus } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Teams · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'teams.view')
	const isAdmin = viewer.role === 'admin'
	const [teams, members] = await Promise.all([
		listTeams(viewer.organisation.id, isAdmin ? undefined : viewer.user.id),
		isAdmin ? listMembers(viewer.organisation.id) : Promise.resolve([]),
	])
	// The pickers offer learners as learners and coaches as coaches.
	const pickable = (position: 'member' | 'coach') =>
		members.filter((m) => fitsPosition(m.role, position)).map(({ id, name, role }) => ({ id, name, role }))
	return json({ teams, learners: pickable('member'), coaches: pickable('coach'), isAdmin })
}

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'teams.manage')
	const actor = { userId: viewer.user.id, organisationId: viewer.organisation.id, ip: context.clientIp }
	const formData = await readFormData(request)
	if (formData.get('intent') === 'create-team') {
		const submission = parseWithZod(formData, { schema: teamNameSchema })
		if (submission.status !== 'success')
			return json({ kind: 'team' as const, result: submission.reply() }, { status: 400 })
		const created = await createTeam(actor, submission.value.name)
		if (!created.ok) {
			const fieldErrors = 'fieldErrors' in created ? created.fieldErrors : undefined
			return json(
				{
					kind: 'team' as const,
					result: submission.reply(fieldErrors ? { fieldErrors } : { formErrors: [created.message] }),
				},
				{ status: failureStatus(created) },
			)
		}
		return json({ kind: 'team' as const, result: submission.reply({ resetForm: true }) })
	}
	const parsed = teamPersonSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? 'That change could not be read.')
	const changed = await changeTeamPerson(actor, parsed.data)
	if (!changed.ok) {
		return json(
			{ kind: 'person' as const, teamId: parsed.data.teamId, message: changed.message },
			{ status: failureStatus(changed) },
		)
	}
	return json({ kind: 'person' as const, teamId: parsed.data.teamId, message: null })
}

export default function TeamsPage() {
	const { teams, learners, coaches, isAdmin } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'create-team',
		lastResult: actionData?.kind === 'team' ? actionData.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: teamNameSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Teams</h1>
					<p>{isAdmin ? 'Group learners into teams and attach their coaches.' : 'The teams you coach.'}</p>
				</div>
			</div>
			{isAdmin ? (
				<div className="card">
					<h2>New team</h2>
					<Form method="post" className="form form--inline" {...getFormProps(form)}>
						<FormErrors id={form.errorId} errors={form.errors} />
						<div className="grow-2">
							<Field meta={fields.name} label="Team name" />
						</div>
						<SubmitButton name="intent" value="create-team" pendingLabel="Creating…">
							Create team
						</SubmitButton>
					</Form>
				</div>
			) : null}
			{teams.length === 0 ? (
				<div className="card muted">
					{isAdmin ? (
						<>
							No teams yet. <a href={`#${fields.name.id}`}>Name your first team</a> above, then add its learners and
							their coach.
						</>
					) : (
						'You do not coach a team yet. When an admin makes you the coach of a team, it appears here.'
					)}
				</div>
			) : null}
			{teams.map((team) => (
				<section key={team.id} className="card" aria-labelledby={`team-${team.id}`}>
					<h2 id={`team-${team.id}`}>{team.name}</h2>
					<p className="small">
						<Link to={`/teams/${team.id}/dashboard`}>
							Dashboard<span className="visually-hidden"> of {team.name}</span>
						</Link>
					</p>
					<div className="grid">
						<div>
							<h3>Coaches</h3>
							<PeopleList team={team.id} people={team.coaches} position="coach" canEdit={isAdmin} />
						</div>
						<div>
							<h3>Learners</h3>
							<PeopleList team={team.id} people={team.members} position="member" canEdit={isAdmin} />
						</div>
					</div>
					{actionData?.kind === 'person' && actionData.teamId === team.id && actionData.message ? (
						<div className="alert alert--error gap-above" role="alert">
							{actionData.message}
						</div>
					) : null}
					{isAdmin ? (
						<div className="grid gap-above">
							<AddPersonForm team={team} position="member" people={learners} />
							<AddPersonForm team={team} position="coach" people={coaches} />
						</div>
					) : null}
				</section>
			))}
		</>
	)
}

function AddPersonForm({
	team,
	position,
	people,
}: {
	team: { id: string; name: string }
	position: 'member' | 'coach'
	people: Array<{ id: string; name: string }>
}) {
	const id = `${position}-${team.id}`
	const label = position === 'member' ? 'Add a learner' : 'Add a coach'
	if (people.length === 0) {
		return <p className="muted small">{position === 'member' ? 'No learners to add yet.' : 'No coaches to add yet.'}</p>
	}
	return (
		<Form method="post" className="form form--inline">
			<input type="hidden" name="teamId" value={team.id} />
			<input type="hidden" name="position" value={position} />
			<div className="field grow-2">
				<label htmlFor={id}>{label}</label>
				<select id={id} name="userId" required>
					{people.map((p) => (
						<option key={p.id} value={p.id}>
							{p.name}
						</option>
					))}
				</select>
			</div>
			<button className="button button--secondary" name="intent" value="add-person">
				{label}
				<span className="visually-hidden"> to {team.name}</span>
			</button>
		</Form>
	)
}

function PeopleList({
	team,
	people,
	position,
	canEdit,
}: {
	team: string
	people: Array<{ id: string; name: string }>
	position: 'member' | 'coach'
	canEdit: boolean
}) {
	if (people.length === 0)
		return <p className="muted small">{canEdit ? 'Nobody yet: add someone with the form below.' : 'Nobody yet.'}</p>
	return (
		<ul className="people-list">
			{people.map((p) => (
				<li key={p.id}>
					<Link to={`/members/${p.id}`}>{p.name}</Link>
					{canEdit ? (
						<details className="confirm">
							<summary className="button button--link small">
								Remove…<span className="visually-hidden"> {p.name}</span>
							</summary>
							<Form method="post">
								<p className="small">
									{position === 'coach'
										? `${p.name} stops coaching this team: they no longer see its dashboard, nor what its learners share.`
										: `${p.name} leaves this team: its coaches no longer see what they share, and team assignments stop reaching them.`}{' '}
									Their own practice and history stay.
								</p>
								<input type="hidden" name="teamId" value={team} />
								<input type="hidden" name="userId" value={p.id} />
								<input type="hidden" name="position" value={position} />
								<button className="button button--danger small" name="intent" value="remove-person">
									Remove {p.name}
								</button>
							</Form>
						</details>
					) : null}
				</li>
			))}
		</ul>
	)
}
