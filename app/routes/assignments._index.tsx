import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '#app/auth/session.server.ts'
import { SubmitButton } from '#app/components/submit-button.tsx'
import { getOrganisationTimeZone, listPaths } from '#app/data/assignments.server.ts'
import { listMembers } from '#app/data/members.server.ts'
import { listTeams } from '#app/data/teams.server.ts'
import { todayInZone } from '#app/domain/coaching/dates.ts'
import { cancelAssignment, changeDueDate, createAssignment, listForStaff } from '#app/services/assignments.server.ts'
import { givePath } from '#app/services/onboarding-paths.server.ts'
import { getLibrary } from '#app/services/play.server.ts'
import { badRequest, readFormData } from '#app/utils/http.server.ts'
import { failureStatus } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Assignments · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'assignments.view')
	const orgId = viewer.organisation.id
	const isAdmin = viewer.role === 'admin'
	const [teams, members, rows, paths, timeZone] = await Promise.all([
		listTeams(orgId, isAdmin ? undefined : viewer.user.id),
		isAdmin ? listMembers(orgId) : Promise.resolve([]),
		listForStaff({ organisationId: orgId, userId: viewer.user.id, role: viewer.role, ip: null }),
		listPaths(orgId),
		getOrganisationTimeZone(orgId),
	])
	// A coach assigns to the teams they coach and the learners in them; an admin to everyone.
	const learnerMap = new Map<string, string>()
	if (isAdmin) for (const m of members) if (m.role === 'learner') learnerMap.set(m.id, m.name)
	for (const t of teams) for (const m of t.members) learnerMap.set(m.id, m.name)
	const titles = new Map(getLibrary().scenarios.map((s) => [s.id, s.title]))
	return json({
		today: todayInZone(new Date(), timeZone),
		timeZone,
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		learners: [...learnerMap].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
		scenarios: getLibrary().scenarios.map((s) => ({ id: s.id, title: s.title })),
		paths: paths.map((p) => ({ id: p.id, name: p.name, items: p.items.length })),
		assignments: rows.map((r) => ({
			id: r.id,
			what: r.kind === 'assessment' ? 'Self-assessment' : (titles.get(r.scenarioSlug ?? '') ?? r.scenarioSlug),
			target: r.teamName ? `Team ${r.teamName}` : (r.learnerName ?? 'A learner'),
			dueOn: r.dueOn,
			by: r.assignedByName,
			path: r.pathName,
		})),
	})
}

const dueField = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v))
	.pipe(
		z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.')
			.nullable(),
	)

const actionSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('assign'),
		target: z.string().regex(/^(team|user):[0-9a-f-]{36}$/, 'Choose a team or a learner.'),
		what: z.string().regex(/^(assessment|scenario:[a-z0-9-]{1,80})$/, 'Choose what to assign.'),
		dueOn: dueField.optional().default(null),
	}),
	z.object({ intent: z.literal('change-due'), assignmentId: z.uuid(), dueOn: dueField }),
	z.object({ intent: z.literal('cancel'), assignmentId: z.uuid() }),
	z.object({
		intent: z.literal('give-path'),
		pathId: z.uuid('Choose a path.'),
		learnerId: z.uuid('Choose a learner.'),
	}),
])

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'assignments.view')
	const actor = {
		userId: viewer.user.id,
		organisationId: viewer.organisation.id,
		ip: context.clientIp,
		role: viewer.role,
	}
	const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success) {
		const issue = parsed.error.issues[0]
		if (!issue) throw badRequest('That request could not be understood.')
		return json({ message: issue.message, done: null }, { status: 400 })
	}
	const input = parsed.data
	let result
	let done: string
	if (input.intent === 'assign') {
		const [kind, id] = input.target.split(':') as ['team' | 'user', string]
		const what =
			input.what === 'assessment'
				? { kind: 'assessment' as const }
				: { kind: 'scenario' as const, scenarioSlug: input.what.slice(9) }
		result = await createAssignment(actor, {
			...what,
			target: kind === 'team' ? { teamId: id } : { userId: id },
			dueOn: input.dueOn,
		})
		done = 'Assigned.'
	} else if (input.intent === 'change-due') {
		result = await changeDueDate(actor, { assignmentId: input.assignmentId, dueOn: input.dueOn })
		done = 'Due date changed.'
	} else if (input.intent === 'cancel') {
		result = await cancelAssignment(actor, input.assignmentId)
		done = 'Assignment cancelled.'
	} else {
		result = await givePath(actor, { pathId: input.pathId, learnerId: input.learnerId })
		done = result.ok ? `Path given: ${result.value.assignmentIds.length} assignments.` : ''
	}
	if (!result.ok) return json({ message: result.message, done: null }, { status: failureStatus(result) })
	return json({ message: null, done })
}

export default function AssignmentsPage() {
	const data = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Assignments</h1>
					<p>
						Give a scenario or the self-assessment to a team or one learner. A team assignment also reaches people who
						join the team later. Due dates are calendar dates in {data.timeZone} (today is {data.today}).
					</p>
				</div>
			</div>
			{reply?.message ? (
				<div className="alert alert--error" role="alert">
					{reply.message}
				</div>
			) : reply?.done ? (
				<div className="alert alert--ok" role="status">
					{reply.done}
				</div>
			) : null}
			<div className="grid">
				<section className="card" aria-labelledby="assign-heading">
					<h2 id="assign-heading">Assign</h2>
					{data.teams.length + data.learners.length === 0 ? (
						<p className="muted small">You have no team or learner to assign to yet.</p>
					) : (
						<Form method="post" className="form">
							<div className="field">
								<label htmlFor="assign-what">What</label>
								<select id="assign-what" name="what" required>
									<option value="assessment">The self-assessment</option>
									{data.scenarios.map((s) => (
										<option key={s.id} value={`scenario:${s.id}`}>
											{s.title}
										</option>
									))}
								</select>
							</div>
							<div className="field">
								<label htmlFor="assign-target">To</label>
								<select id="assign-target" name="target" required>
									<optgroup label="Teams">
										{data.teams.map((t) => (
											<option key={t.id} value={`team:${t.id}`}>
												{t.name} (whole team)
											</option>
										))}
									</optgroup>
									<optgroup label="Learners">
										{data.learners.map((l) => (
											<option key={l.id} value={`user:${l.id}`}>
												{l.name}
											</option>
										))}
									</optgroup>
								</select>
							</div>
							<div className="field">
								<label htmlFor="assign-due">Due (optional)</label>
								<input id="assign-due" type="date" name="dueOn" min={data.today} />
							</div>
							<SubmitButton name="intent" value="assign" pendingLabel="Assigning…">
								Assign
							</SubmitButton>
						</Form>
					)}
				</section>
				<section className="card" aria-labelledby="path-heading">
					<h2 id="path-heading">Give an onboarding path</h2>
					{data.paths.length === 0 || data.learners.length === 0 ? (
						<p className="muted small">
							{data.paths.length === 0 ? 'No onboarding paths yet.' : 'No learner to give a path to yet.'}{' '}
							<Link to="/admin/paths">Onboarding paths</Link> are kept by admins.
						</p>
					) : (
						<Form method="post" className="form">
							<div className="field">
								<label htmlFor="give-path">Path</label>
								<select id="give-path" name="pathId" required>
									{data.paths.map((p) => (
										<option key={p.id} value={p.id}>
											{p.name} ({p.items} items)
										</option>
									))}
								</select>
							</div>
							<div className="field">
								<label htmlFor="give-learner">To</label>
								<select id="give-learner" name="learnerId" required>
									{data.learners.map((l) => (
										<option key={l.id} value={l.id}>
											{l.name}
										</option>
									))}
								</select>
							</div>
							<p className="small muted flush">Every item becomes an assignment, due dates counted from today.</p>
							<SubmitButton name="intent" value="give-path" pendingLabel="Giving…">
								Give path
							</SubmitButton>
						</Form>
					)}
				</section>
			</div>
			<section className="card gap-above" aria-labelledby="list-heading">
				<h2 id="list-heading">Current assignments</h2>
				{data.assignments.length === 0 ? (
					<p className="muted small">Nothing assigned yet.</p>
				) : (
					<table className="table">
						<thead>
							<tr>
								<th scope="col">What</th>
								<th scope="col">To</th>
								<th scope="col">By</th>
								<th scope="col">Due</th>
								<th scope="col">Change</th>
							</tr>
						</thead>
						<tbody>
							{data.assignments.map((a) => (
								<tr key={a.id}>
									<td data-label="What">
										{a.what}
										{a.path ? <span className="small muted"> · {a.path}</span> : null}
									</td>
									<td data-label="To">{a.target}</td>
									<td data-label="By">{a.by ?? '—'}</td>
									<td data-label="Due">{a.dueOn ?? 'no due date'}</td>
									<td data-label="Change">
										<Form method="post" className="form form--inline">
											<input type="hidden" name="assignmentId" value={a.id} />
											<label className="visually-hidden" htmlFor={`due-${a.id}`}>
												New due date for {a.what}, {a.target}
											</label>
											<input
												id={`due-${a.id}`}
												type="date"
												name="dueOn"
												min={data.today}
												defaultValue={a.dueOn ?? ''}
											/>
											<button className="button button--secondary button--small" name="intent" value="change-due">
												Set due date
											</button>
											<button className="button button--link small" name="intent" value="cancel" formNoValidate>
												Cancel
												<span className="visually-hidden">
													{' '}
													{a.what} for {a.target}
												</span>
											</button>
										</Form>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
			</section>
		</>
	)
}
