import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '#app/auth/session.server.ts'
import { MapLegend, OutcomeSwatch, ScenarioMap } from '#app/components/scenario-map.tsx'
import { outcomeLabels, type Outcome } from '#app/domain/practice/outcomes.ts'
import { scenarioDetail } from '#app/services/scenario-authoring.server.ts'
import { notFound } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `Map of ${data.detail.title} · Attune` : 'Scenario map · Attune' },
]

const paramsSchema = z.object({ scenarioId: z.string().regex(/^[a-z0-9-]{1,60}$/) })

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	await requirePermission(request, context, 'library.view')
	const parsed = paramsSchema.safeParse(params)
	if (!parsed.success) throw notFound('There is no such scenario in the library.')
	const detail = unwrap(await scenarioDetail(parsed.data.scenarioId))
	return json({ detail })
}

const percent = (n: number, total: number) => {
	const share = (100 * n) / Math.max(total, 1)
	// A handful of paths out of thousands is not "0%".
	return n > 0 && share < 0.5 ? 'under 1%' : `${share.toFixed(0)}%`
}
const outcomeLabel = (o: string) => outcomeLabels[o as Outcome] ?? o

export default function ScenarioDetailPage() {
	const { detail } = useLoaderData<typeof loader>()
	const analysis = detail.analysis
	const coverage = analysis?.coverage
	const endings = new Map(analysis?.outline.filter((o) => o.kind === 'ending').map((o) => [o.id, o]) ?? [])
	return (
		<>
			<p className="small flush">
				<Link to="/admin/scenarios">← Scenario library</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>{detail.title}</h1>
					<p className="small muted flush">
						<code>{detail.file}</code>
						{detail.version ? (
							<>
								{' '}
								· version <code>{detail.version}</code>
							</>
						) : null}
						{detail.maxReplies ? ` · at most ${detail.maxReplies} replies` : null}
					</p>
				</div>
				{analysis ? (
					<Link className="button" to={`/admin/scenarios/${detail.id}/preview`}>
						Preview
					</Link>
				) : null}
			</div>

			{detail.problems.length > 0 ? (
				<section
					className={`card ${detail.broken ? 'alert alert--error' : ''}`}
					aria-labelledby="problems-heading"
					id="problems"
				>
					<h2 id="problems-heading">{detail.broken ? 'Problems: this file is not published' : 'Warnings'}</h2>
					{detail.broken ? (
						<p className="small">
							{analysis
								? 'Learners keep getting the last good version, drawn below, until the file is fixed.'
								: 'There is no earlier good version, so there is nothing to draw or preview yet.'}
						</p>
					) : (
						<p className="small muted">The numbers match the badges pinned on the map and the outline.</p>
					)}
					<ol className="problem-list map-problems">
						{detail.problems.map((m, i) => (
							<li key={i} id={`problem-${i + 1}`}>
								<code>{m}</code>
							</li>
						))}
					</ol>
				</section>
			) : null}

			{coverage ? (
				<section className="card" aria-labelledby="coverage-heading" id="coverage">
					<h2 id="coverage-heading">Path coverage</h2>
					<p>
						<strong data-testid="path-count">
							{coverage.paths > 1e6 ? 'More than 10⁶' : coverage.paths.toLocaleString('en')}
						</strong>{' '}
						distinct paths through the conversation
						{coverage.complete ? '.' : ' (incomplete: too many combinations of meters and flags to follow them all).'}
					</p>
					<div className="table-scroll">
						<table className="table coverage-table">
							<caption className="visually-hidden">Share of paths per outcome</caption>
							<thead>
								<tr>
									<th scope="col">Outcome</th>
									<th scope="col">Paths</th>
									<th scope="col">Share</th>
								</tr>
							</thead>
							<tbody>
								{Object.entries(coverage.byOutcome).map(([o, n]) => (
									<tr key={o}>
										<td data-label="Outcome">
											<OutcomeSwatch outcome={o} /> {outcomeLabel(o)}
										</td>
										<td data-label="Paths">{n.toLocaleString('en')}</td>
										<td data-label="Share">{percent(n, coverage.paths)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<h3 className="gap-above">Shortest path to each ending</h3>
					<ul className="plain-list">
						{Object.entries(coverage.shortest).map(([id, replies]) => (
							<li key={id}>
								<a href={`#node-${id}`}>
									<code>{id}</code>
								</a>{' '}
								({outcomeLabel(endings.get(id)?.outcome ?? '')}): {replies} {replies === 1 ? 'reply' : 'replies'}
							</li>
						))}
					</ul>
					<h3>Replies on no path to a resolved ending</h3>
					{coverage.deadReplies.length ? (
						<ul className="plain-list" data-testid="dead-replies">
							{coverage.deadReplies.map((d) => (
								<li key={`${d.node}/${d.index}`}>
									<a href={`#node-${d.node}`}>
										<code>{d.node}</code>
									</a>{' '}
									→ <code>{d.choice}</code>
								</li>
							))}
						</ul>
					) : (
						<p data-testid="dead-replies">None: every reply can still lead to a resolved ending.</p>
					)}
				</section>
			) : null}

			{analysis ? (
				<>
					<section className="card" aria-labelledby="map-heading" id="map">
						<h2 id="map-heading">Map</h2>
						<p className="small muted">
							Boxes are the customer's turns, dashed hexagons are automatic branches, rounded ends are endings coloured
							by outcome; dashed arrows only apply under a condition. Scroll inside the map to see all of it; the{' '}
							<a href="#outline">outline</a> below says the same in text.
						</p>
						<MapLegend />
						{/* Focusable so keyboard users can scroll it. */}
						<div className="scenario-map" role="region" aria-label="Scenario map, scrollable" tabIndex={0}>
							<ScenarioMap layout={analysis.layout} title={detail.title} />
						</div>
					</section>
					<section className="card" aria-labelledby="outline-heading" id="outline">
						<h2 id="outline-heading">Outline</h2>
						<ol className="scenario-outline">
							{analysis.outline.map((item) => (
								<li key={item.id} id={`node-${item.id}`}>
									<p className="flush">
										<strong>
											<code>{item.id}</code>
										</strong>{' '}
										<span className="muted small">
											{item.kind === 'ending' ? `ending, ${outcomeLabel(item.outcome ?? '')}` : item.kind}
										</span>
										{item.problems.map((p) => (
											<a key={p} className="map-pin" href={`#problem-${p}`} aria-label={`problem ${p}`}>
												{p}
											</a>
										))}
									</p>
									<p className="flush small">{item.text}</p>
									{item.routes.length ? (
										<ul className="small">
											{item.routes.map((r, i) => (
												<li key={i}>
													{r.label} → <a href={`#node-${r.to}`}>{r.to}</a>
												</li>
											))}
										</ul>
									) : null}
								</li>
							))}
						</ol>
					</section>
				</>
			) : null}
		</>
	)
}
