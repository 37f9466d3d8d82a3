import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { scaleBand, scaleLinear } from 'd3-scale'
import { symbol, symbolCircle } from 'd3-shape'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { teamDashboard } from '#app/services/coach-dashboard.server.ts'
import { TEAM_MAP_MINIMUM } from '#app/domain/coaching/dashboard.ts'
import { notFound } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { forbidden } from '#app/utils/http.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.team.name} · Dashboard · Attune` : 'Team dashboard · Attune' },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const parsed = z.object({ teamId: z.uuid() }).safeParse(params)
	if (!parsed.success) throw notFound('There is no such team.')
	const actor = {
		userId: viewer.user.id,
		organisationId: viewer.organisation.id,
		ip: context.clientIp,
		role: viewer.role,
	}
	const result = await teamDashboard(actor, parsed.data.teamId)
	if (!result.ok && result.kind === 'forbidden') {
		// Recorded like every other denial (requirePermission does the same for simple pages).
		await recordAudit({
			type: 'access_denied',
			organisationId: viewer.organisation.id,
			userId: viewer.user.id,
			ip: context.clientIp,
			detail: { path: new URL(request.url).pathname, role: viewer.role, action: 'team.dashboard' },
		})
		throw forbidden(result.message)
	}
	return json(unwrap(result))
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>

const arrows = { up: '↑', down: '↓', flat: '→' } as const
const trendWords = { up: 'rising', down: 'falling', flat: 'steady' } as const

function daysAgo(iso: string | null) {
	if (!iso) return 'none yet'
	const days = Math.floor((Date.now() - Date.parse(iso)) / 86_400_000)
	return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`
}

export default function TeamDashboard() {
	const data = useLoaderData<typeof loader>()
	const attention = data.learners.filter((l) => l.attention.length > 0)
	return (
		<>
			<p className="small">
				<Link to="/teams">← Teams</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>{data.team.name}: dashboard</h1>
					<p>
						Scores are for coaching conversations, not for evaluating people. You see only what each learner shares, and
						the work you assigned.
					</p>
					<p className="small">
						Export, under the same sharing rules:{' '}
						<a href={`/teams/${data.team.id}/progress.csv`} download>
							team progress (CSV)
						</a>{' '}
						·{' '}
						<a href={`/exports/xapi?scope=team&team=${data.team.id}`} download>
							xAPI statements (JSON)
						</a>
					</p>
				</div>
			</div>
			<section className="card" aria-labelledby="attention-heading">
				<h2 id="attention-heading">Who needs attention</h2>
				{attention.length === 0 ? (
					<p className="muted small">Nobody right now.</p>
				) : (
					<ul className="people-list">
						{attention.map((l) => (
							<li key={l.id}>
								<Link to={`/coach/learners/${l.id}`}>{l.name}</Link>
								<span className="small">{l.attention.join('; ')}</span>
							</li>
						))}
					</ul>
				)}
			</section>
			<Roster data={data} />
			<HeatMap data={data} />
			<TeamMap data={data} />
		</>
	)
}

function Roster({ data }: { data: Data }) {
	return (
		<section className="card gap-above" aria-labelledby="roster-heading">
			<h2 id="roster-heading">Roster</h2>
			{data.learners.length === 0 ? (
				<p className="muted small">No learners in this team yet.</p>
			) : (
				<div className="table-scroll">
					<table className="table">
						<thead>
							<tr>
								<th scope="col">Learner</th>
								<th scope="col">Style</th>
								<th scope="col">Last shared or assigned activity</th>
								<th scope="col">Assignments</th>
								<th scope="col">Skill levels (shared)</th>
							</tr>
						</thead>
						<tbody>
							{data.learners.map((l) => (
								<tr key={l.id}>
									<th scope="row" data-label="Learner">
										<Link to={`/coach/learners/${l.id}`}>{l.name}</Link>
									</th>
									<td data-label="Style">{l.style ? l.style.label : <span className="muted">not shared</span>}</td>
									<td data-label="Last activity">{daysAgo(l.lastActivity)}</td>
									<td data-label="Assignments">
										{l.assignments.total === 0 ? 'none' : `${l.assignments.done} of ${l.assignments.total} done`}
										{l.assignments.overdue > 0 ? (
											<>
												{' '}
												<span className="badge badge--overdue">{l.assignments.overdue} overdue</span>
											</>
										) : null}
									</td>
									<td data-label="Skill levels">
										{!l.shareSkills ? (
											<span className="muted">not shared</span>
										) : l.skills.length === 0 ? (
											<span className="muted">no shared attempts yet</span>
										) : (
											<ul className="bare-list small">
												{l.skills.map((s) => (
													<li key={s.skill}>
														{s.label} {s.level}{' '}
														{s.trend ? (
															<span className={`trend--${s.trend.direction}`}>
																<span aria-hidden="true">{arrows[s.trend.direction]}</span>
																<span className="visually-hidden">
																	{' '}
																	{trendWords[s.trend.direction]} ({s.trend.change > 0 ? '+' : ''}
																	{s.trend.change})
																</span>
															</span>
														) : null}
													</li>
												))}
											</ul>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	)
}

function HeatMap({ data }: { data: Data }) {
	const rows = data.learners.filter((l) => l.skills.length > 0)
	const cell = 34
	const left = 130
	const top = 90
	const x = scaleBand<string>()
		.domain(data.skills.map((s) => s.id))
		.range([left, left + cell * data.skills.length])
	const y = scaleBand<string>()
		.domain(rows.map((r) => r.id))
		.range([top, top + cell * rows.length])
	const colour = scaleLinear<string>().domain([0, 100]).range(['#eef3fa', '#1f4f8a']).clamp(true)
	return (
		<section className="card gap-above" aria-labelledby="heat-heading">
			<h2 id="heat-heading">Skills × learners</h2>
			{rows.length === 0 ? (
				<p className="muted small">No learner in this team shares skill levels from shared attempts yet.</p>
			) : (
				<>
					<svg
						className="chart"
						viewBox={`0 0 ${left + cell * data.skills.length + 10} ${top + cell * rows.length + 10}`}
						role="img"
						aria-labelledby="heat-title"
					>
						<title id="heat-title">Heat map of shared skill levels; the table below gives the same figures.</title>
						{data.skills.map((s) => (
							<text
								key={s.id}
								transform={`translate(${(x(s.id) ?? 0) + cell / 2},${top - 6}) rotate(-45)`}
								textAnchor="start"
							>
								{s.label}
							</text>
						))}
						{rows.map((r) => (
							<g key={r.id}>
								<text x={left - 6} y={(y(r.id) ?? 0) + cell / 2 + 4} textAnchor="end">
									{r.name}
								</text>
								{data.skills.map((s) => {
									const level = r.skills.find((k) => k.skill === s.id)
									return (
										<g key={s.id}>
											<rect
												x={(x(s.id) ?? 0) + 1}
												y={(y(r.id) ?? 0) + 1}
												width={cell - 2}
												height={cell - 2}
												fill={level ? colour(level.level) : undefined}
												className={level ? undefined : 'heat-cell--none'}
											/>
											{level ? (
												<text
													x={(x(s.id) ?? 0) + cell / 2}
													y={(y(r.id) ?? 0) + cell / 2 + 4}
													textAnchor="middle"
													fill={level.level > 55 ? '#fff' : '#1b1b1b'}
												>
													{level.level}
												</text>
											) : null}
										</g>
									)
								})}
							</g>
						))}
					</svg>
					<details className="gap-above">
						<summary>The heat map as a table</summary>
						<div className="table-scroll">
							<table className="table">
								<thead>
									<tr>
										<th scope="col">Learner</th>
										{data.skills.map((s) => (
											<th key={s.id} scope="col">
												{s.label}
											</th>
										))}
									</tr>
								</thead>
								<tbody>
									{rows.map((r) => (
										<tr key={r.id}>
											<th scope="row">{r.name}</th>
											{data.skills.map((s) => (
												<td key={s.id} data-label={s.label}>
													{r.skills.find((k) => k.skill === s.id)?.level ?? '—'}
												</td>
											))}
										</tr>
									))}
								</tbody>
							</table>
						</div>
					</details>
				</>
			)}
		</section>
	)
}

function TeamMap({ data }: { data: Data }) {
	const scale = scaleLinear().domain([-2.5, 2.5]).range([-100, 100]).clamp(true)
	const dot = symbol(symbolCircle, 90)() ?? ''
	return (
		<section className="card gap-above" aria-labelledby="map-heading">
			<h2 id="map-heading">Team map</h2>
			{!data.teamMap ? (
				<p className="muted small">
					The team map appears when at least {TEAM_MAP_MINIMUM} members share their style dot ({data.sharingStyle} do
					now).
				</p>
			) : (
				<>
					<svg className="chart chart--map" viewBox="-130 -125 260 250" role="img" aria-labelledby="map-title">
						<title id="map-title">
							Style circle with the dots of the {data.teamMap.length} members who share them; the list below names each.
						</title>
						<circle r={100} fill="none" stroke="currentColor" strokeOpacity={0.4} />
						<line x1={-100} x2={100} y1={0} y2={0} stroke="currentColor" strokeOpacity={0.25} />
						<line y1={-100} y2={100} x1={0} x2={0} stroke="currentColor" strokeOpacity={0.25} />
						<text x={0} y={-106} textAnchor="middle">
							tells
						</text>
						<text x={0} y={116} textAnchor="middle">
							asks
						</text>
						<text x={-104} y={4} textAnchor="end">
							task
						</text>
						<text x={104} y={4} textAnchor="start">
							people
						</text>
						{data.teamMap.map((m) => (
							<g key={m.id} transform={`translate(${scale(m.x)},${-scale(m.y)})`}>
								<path d={dot} fill="currentColor" />
								<text y={-7} textAnchor="middle">
									{m.name.split(' ')[0]}
								</text>
							</g>
						))}
					</svg>
					<ul className="bare-list small">
						{data.teamMap.map((m) => (
							<li key={m.id}>
								{m.name}: {m.label}
							</li>
						))}
					</ul>
				</>
			)}
		</section>
	)
}
