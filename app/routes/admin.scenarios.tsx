import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/auth/session.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { idFromFileName } from '#app/domain/scenario/parse.ts'
import { formatProblem } from '#app/domain/scenario/problems.ts'
import { audienceLabels, styleLabels } from '#app/domain/practice/catalogue.ts'
import { formatDateTime } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Scenario library · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	await requirePermission(request, context, 'library.view')
	const library = getScenarioLibrary()
	return json({
		loadedAt: library.loadedAt.toISOString(),
		scenarios: library.scenarios.map((s) => ({
			id: s.id,
			title: s.title,
			file: s.file,
			audience: s.audience,
			style: s.persona.style,
			turns: Object.values(s.nodes).filter((n) => n.type === 'turn').length,
			version: s.contentHash.slice(0, 10),
			warnings: s.warnings.map(formatProblem),
		})),
		broken: library.broken.map((b) => ({
			file: b.file,
			id: idFromFileName(b.file),
			messages: b.problems.map(formatProblem),
		})),
	})
}

export default function ScenarioLibraryPage() {
	const { scenarios, broken, loadedAt } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Scenario library</h1>
					<p>
						{scenarios.length} scenarios available{broken.length ? `, ${broken.length} with problems` : ''}. The
						installation's operator publishes the scenarios folder (at start-up, or with{' '}
						<code>npm run scenarios:publish</code>); this list was read at {formatDateTime(loadedAt)}.
					</p>
				</div>
			</div>
			{broken.length > 0 ? (
				<section className="card" aria-labelledby="broken-heading">
					<h2 id="broken-heading">Files with problems</h2>
					<p className="small muted">
						These files are not offered to learners until they are fixed. The other scenarios keep working. Each line
						gives the file, line and column, and the field.
					</p>
					{broken.map((b) => (
						<div key={b.file} className="alert alert--error gap-below">
							<p className="flush">
								<strong>{b.file}</strong> · <Link to={`/admin/scenarios/${b.id}`}>Details</Link>
							</p>
							<ul className="problem-list">
								{b.messages.map((m) => (
									<li key={m}>
										<code>{m}</code>
									</li>
								))}
							</ul>
						</div>
					))}
				</section>
			) : null}
			<section className="card" aria-labelledby="ok-heading">
				<h2 id="ok-heading">Available</h2>
				<table className="table">
					<thead>
						<tr>
							<th>Scenario</th>
							<th>Situation</th>
							<th>Customer</th>
							<th>Turns</th>
							<th>Version</th>
						</tr>
					</thead>
					<tbody>
						{scenarios.map((s) => (
							<tr key={s.id}>
								<td data-label="Scenario">
									<Link to={`/admin/scenarios/${s.id}`}>{s.title}</Link>
									<div className="small muted">{s.file}</div>
									<div className="small">
										<Link to={`/admin/scenarios/${s.id}`}>Map and coverage</Link> ·{' '}
										<Link to={`/admin/scenarios/${s.id}/preview`}>Preview</Link>
									</div>
									{s.warnings.length > 0 ? (
										<ul className="problem-list">
											{s.warnings.map((w) => (
												<li key={w}>
													<code>{w}</code>
												</li>
											))}
										</ul>
									) : null}
								</td>
								<td data-label="Situation">{audienceLabels[s.audience]}</td>
								<td data-label="Customer">{styleLabels[s.style]}</td>
								<td data-label="Turns">{s.turns}</td>
								<td data-label="Version">
									<code>{s.version}</code>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
		</>
	)
}
