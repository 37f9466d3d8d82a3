import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import type { ChecklistItem } from '#app/domain/accounts/first-run.ts'
import { dismissChecklist, getFirstRun } from '#app/services/first-run.server.ts'
import { badRequest, readFormData } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'
import { listPendingInvitations } from '#app/data/invitations.server.ts'
import { countMembersByRole, getMember } from '#app/data/members.server.ts'
import { listTeams } from '#app/data/teams.server.ts'
import { listInProgressAttempts } from '#app/data/attempts.server.ts'
import { findScenario } from '#app/services/play.server.ts'
import { recommendNext } from '#app/domain/practice/recommend.ts'
import { outcomeLabels, type Outcome } from '#app/domain/practice/outcomes.ts'
import { practiceHistory, recommendable } from '#app/services/debrief.server.ts'
import { learnerTodo } from '#app/services/assignments.server.ts'
import { TodoList } from '#app/components/todo-list.tsx'

export const meta: MetaFunction = () => [{ title: 'Home · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const orgId = viewer.organisation.id
	const { greeting, checklist } = await getFirstRun(viewer)
	if (viewer.role === 'admin') {
		const [counts, invitations, teams] = await Promise.all([
			countMembersByRole(orgId),
			listPendingInvitations(orgId),
			listTeams(orgId),
		])
		return json({ kind: 'admin' as const, greeting, checklist, counts, pendingInvitations: invitations.length, teams })
	}
	if (viewer.role === 'coach') {
		const teams = await listTeams(orgId, viewer.user.id)
		return json({ kind: 'coach' as const, greeting, teams })
	}
	const me = await getMember(orgId, viewer.user.id)
	const teams = (await listTeams(orgId)).filter((t) => me?.teams.some((m) => m.id === t.id))
	const todo = await learnerTodo({ organisationId: orgId, userId: viewer.user.id })
	// Assigned attempts are resumed from the to-do list.
	const practice = (await listInProgressAttempts(orgId, viewer.user.id))
		.filter((a) => !a.assignmentId)
		.map((a) => ({
			id: a.id,
			title: findScenario(a.scenarioSlug)?.title ?? a.scenarioSlug,
			step: a.step,
		}))
	const progress = await practiceHistory(viewer)
	const recent = progress.attempts.slice(0, 3).map((a) => ({
		attemptId: a.attemptId,
		title: findScenario(a.scenarioSlug)?.title ?? a.scenarioSlug,
		outcome: a.outcome as Outcome,
	}))
	const next = recommendNext(recommendable(), progress.history, 1)
	return json({
		kind: 'learner' as const,
		greeting,
		teams,
		practice,
		recent,
		next,
		hasProfile: progress.hasProfile,
		todo,
	})
}

const actionSchema = z.object({ intent: z.literal('dismiss-checklist') })

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success) throw badRequest('That request could not be read.')
	unwrap(await dismissChecklist(viewer))
	return redirect('/home')
}

export default function Home() {
	const data = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-header">
				<div>
					<h1>{data.greeting}</h1>
					<p>
						{data.kind === 'admin'
							? 'Your organisation at a glance.'
							: data.kind === 'coach'
								? 'The teams you coach.'
								: 'Your practice space. What you do here is private unless you share it.'}
					</p>
				</div>
			</div>
			{data.kind === 'admin' ? (
				<div className="stack">
					{data.checklist ? <FirstRunChecklist items={data.checklist} /> : null}
					<div className="grid">
						<div className="card">
							<p className="muted small">Learners</p>
							<p className="stat">{data.counts.learner}</p>
						</div>
						<div className="card">
							<p className="muted small">Coaches</p>
							<p className="stat">{data.counts.coach}</p>
						</div>
						<div className="card">
							<p className="muted small">Admins</p>
							<p className="stat">{data.counts.admin}</p>
						</div>
						<div className="card">
							<p className="muted small">Open invitations</p>
							<p className="stat">{data.pendingInvitations}</p>
						</div>
					</div>
					<div className="card">
						<h2>Next steps</h2>
						<p>
							<Link to="/members">Invite people and manage roles</Link> ·{' '}
							<Link to="/teams">Organise teams and coaches</Link>
						</p>
						<p className="muted small flush">
							{data.teams.length} team{data.teams.length === 1 ? '' : 's'} so far.
						</p>
					</div>
				</div>
			) : data.kind === 'coach' ? (
				<TeamCards
					teams={data.teams}
					dashboards
					empty="You do not coach a team yet. When an admin adds you to a team as its coach, it appears here."
				/>
			) : (
				<div className="stack">
					{data.todo.items.length > 0 ? <TodoList todo={data.todo} /> : null}
					<div className="grid">
						<section className="card" aria-labelledby="practice-heading">
							<h2 id="practice-heading">Practice</h2>
							{data.practice.length > 0 ? (
								<>
									<p className="small muted">Pick up where you left off:</p>
									<ul className="people-list">
										{data.practice.map((a) => (
											<li key={a.id}>
												<Link to={`/play/${a.id}`}>{a.title}</Link>
												<span className="small muted">
													{a.step} choice{a.step === 1 ? '' : 's'} in
												</span>
											</li>
										))}
									</ul>
								</>
							) : (
								<p className="small muted">Role-play conversations with customers of every style, at your own pace.</p>
							)}
							{data.next[0] ? (
								<p className="small">
									<strong>Next:</strong> <Link to={`/practice/${data.next[0].id}`}>{data.next[0].title}</Link>.{' '}
									<span className="muted">{data.next[0].reason}</span>
								</p>
							) : null}
							<Link className="button button--secondary gap-above" to="/practice">
								Browse scenarios
							</Link>
						</section>
						{data.recent.length > 0 ? (
							<section className="card" aria-labelledby="recent-heading">
								<h2 id="recent-heading">Recent results</h2>
								<ul className="people-list">
									{data.recent.map((r) => (
										<li key={r.attemptId}>
											<Link to={`/play/${r.attemptId}/debrief`}>{r.title}</Link>{' '}
											<span className={`outcome outcome--${r.outcome}`}>{outcomeLabels[r.outcome]}</span>
										</li>
									))}
								</ul>
								<Link className="button button--secondary gap-above" to="/progress">
									My progress
								</Link>
							</section>
						) : null}
						<section className="card" aria-labelledby="style-heading">
							<h2 id="style-heading">Your communication style</h2>
							<p className="small muted">
								A short self-assessment places you on the style circle and shows how you tend to react when a
								conversation turns tense. Only you see your answers.
							</p>
							<Link className="button button--secondary" to="/assessment">
								{data.hasProfile ? 'See my style report' : 'Take the self-assessment'}
							</Link>
						</section>
					</div>
					<TeamCards
						teams={data.teams}
						empty="You are not in a team yet. When an admin adds you to one, it appears here with its coach."
					/>
				</div>
			)}
		</>
	)
}

function FirstRunChecklist({ items }: { items: ChecklistItem[] }) {
	const done = items.filter((i) => i.done).length
	return (
		<section className="card checklist" aria-labelledby="checklist-heading">
			<div className="checklist__head">
				<div>
					<h2 id="checklist-heading">Get your organisation started</h2>
					<p className="muted small flush">
						{done === items.length ? 'All done. You can hide this list now.' : `${done} of ${items.length} done.`}
					</p>
				</div>
				<Form method="post">
					<button
						type="submit"
						name="intent"
						value="dismiss-checklist"
						className="button button--secondary button--small"
					>
						Hide this list
					</button>
				</Form>
			</div>
			<ol className="checklist__items">
				{items.map((item) => (
					<li key={item.id} className={item.done ? 'checklist__item checklist__item--done' : 'checklist__item'}>
						<span className="checklist__mark" aria-hidden="true">
							{item.done ? '✓' : ''}
						</span>
						<div>
							<Link to={item.to}>{item.label}</Link>
							<span className="visually-hidden">{item.done ? ' (done)' : ' (to do)'}</span>
							<p className="small muted flush">{item.hint}</p>
						</div>
					</li>
				))}
			</ol>
		</section>
	)
}

function TeamCards({
	teams,
	empty,
	dashboards = false,
}: {
	dashboards?: boolean
	teams: Array<{
		id: string
		name: string
		coaches: Array<{ name: string }>
		members: Array<{ id: string; name: string }>
	}>
	empty: string
}) {
	if (teams.length === 0) return <div className="card muted">{empty}</div>
	return (
		<div className="grid">
			{teams.map((team) => (
				<div key={team.id} className="card">
					<h2>{team.name}</h2>
					<p className="muted small">
						Coach{team.coaches.length === 1 ? '' : 'es'}: {team.coaches.map((c) => c.name).join(', ') || 'none yet'}
					</p>
					<p className="small flush">
						{team.members.length} learner{team.members.length === 1 ? '' : 's'}
					</p>
					{dashboards ? (
						<Link className="button button--secondary gap-above" to={`/teams/${team.id}/dashboard`}>
							Dashboard<span className="visually-hidden"> of {team.name}</span>
						</Link>
					) : null}
				</div>
			))}
		</div>
	)
}
