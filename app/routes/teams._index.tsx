import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/auth/session.server.ts'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { getMember, listMembers } from '#app/data/members.server.ts'
import {
	addToTeam,
	createTeam,
	listTeams,
	removeFromTeam,
	teamExists,
	TeamNameTakenError,
} from '#app/data/teams.server.ts'
import { teamNameSchema, teamPersonSchema } from '#app/domain/accounts/forms.ts'
import { badRequest, readFormData } from '#app/utils/http.server.ts'

export const meta: MetaFunction = () => [{ title: 'Teams · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'teams.view')
	const isAdmin = viewer.role === 'admin'
	const [teams, members] = await Promise.all([
		listTeams(viewer.organisation.id, isAdmin ? undefined : viewer.user.id),
		isAdmin ? listMembers(viewer.organisation.id) : Promise.resolve([]),
	])
	return json({ teams, members, isAdmin })
}

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'teams.manage')
	const orgId = viewer.organisation.id
	const formData = await readFormData(request)
	if (formData.get('intent') === 'create-team') {
		const submission = parseWithZod(formData, { schema: teamNameSchema })
		if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
		try {
			await createTeam(orgId, submission.value.name)
		} catch (error) {
			if (error instanceof TeamNameTakenError) {
				return json(submission.reply({ fieldErrors: { name: [error.message] } }), { status: 409 })
			}
			throw error
		}
		return json(submission.reply({ resetForm: true }))
	}
	const parsed = teamPersonSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? 'That change could not be read.')
	const { intent, teamId, userId, position } = parsed.data
	// Both ids must belong to this organisation; anything else is treated as absent.
	if (!(await teamExists(orgId, teamId)) || !(await getMember(orgId, userId))) {
		throw badRequest('That team or person is not in your organisation.')
	}
	if (intent === 'add-person') await addToTeam(orgId, teamId, userId, position)
	else await removeFromTeam(orgId, teamId, userId, position)
	return json(null)
}

export default function TeamsPage() {
	const { teams, members, isAdmin } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'create-team',
		lastResult: lastResult ?? undefined,
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
					{isAdmin ? (
						<Form method="post" className="form form--inline gap-above">
							<input type="hidden" name="teamId" value={team.id} />
							<div className="field grow-2">
								<label htmlFor={`person-${team.id}`}>Person</label>
								<select id={`person-${team.id}`} name="userId" required>
									{members.map((m) => (
										<option key={m.id} value={m.id}>
											{m.name} ({m.role})
										</option>
									))}
								</select>
							</div>
							<div className="field grow-1">
								<label htmlFor={`position-${team.id}`}>As</label>
								<select id={`position-${team.id}`} name="position" defaultValue="member">
									<option value="member">Learner</option>
									<option value="coach">Coach</option>
								</select>
							</div>
							<button className="button button--secondary" name="intent" value="add-person">
								Add to team
							</button>
						</Form>
					) : null}
				</section>
			))}
		</>
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
						<Form method="post">
							<input type="hidden" name="teamId" value={team} />
							<input type="hidden" name="userId" value={p.id} />
							<input type="hidden" name="position" value={position} />
							<button className="button button--link small" name="intent" value="remove-person">
								Remove<span className="visually-hidden"> {p.name}</span>
							</button>
						</Form>
					) : null}
				</li>
			))}
		</ul>
	)
}
