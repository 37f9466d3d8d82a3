import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData, useSubmit } from '@remix-run/react'
import { requireViewer } from '#app/auth/session.server.ts'
import { listInProgressAttempts } from '#app/data/attempts.server.ts'
import { getLibrary, scenarioSummary } from '#app/services/play.server.ts'
import { outcomeLabels } from '#app/domain/practice/outcomes.ts'
import { ownBestOutcomes } from '#app/services/debrief.server.ts'
import {
	audienceLabels,
	audiences,
	channelLabels,
	channels,
	difficulties,
	difficultyLabels,
	filterCatalogue,
	customerStyles,
	styleLabels,
} from '#app/domain/practice/catalogue.ts'
import { catalogueFilterSchema } from '#app/domain/practice/catalogue-filter.ts'

export const meta: MetaFunction = () => [{ title: 'Practice · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const url = new URL(request.url)
	const filter = catalogueFilterSchema.parse(Object.fromEntries(url.searchParams))
	const library = getLibrary()
	const [inProgress, best] = await Promise.all([
		listInProgressAttempts(viewer.organisation.id, viewer.user.id),
		ownBestOutcomes(viewer),
	])
	const resumable = new Map(inProgress.map((a) => [a.scenarioSlug, a.id]))
	const scenarios = filterCatalogue(
		library.scenarios.map((s) => ({
			...scenarioSummary(s),
			style: s.persona.style,
			customer: s.persona.name,
			resumeAttemptId: resumable.get(s.id) ?? null,
			best: best[s.id] ?? null,
		})),
		filter,
	)
	return json({ scenarios, filter, total: library.scenarios.length })
}

function FilterSelect<T extends string>({
	name,
	label,
	values,
	labels,
	current,
}: {
	name: string
	label: string
	values: readonly T[]
	labels: Record<T, string>
	current: T | undefined
}) {
	return (
		<div className="field">
			<label htmlFor={`filter-${name}`}>{label}</label>
			<select id={`filter-${name}`} name={name} defaultValue={current ?? ''}>
				<option value="">Any</option>
				{values.map((v) => (
					<option key={v} value={v}>
						{labels[v]}
					</option>
				))}
			</select>
		</div>
	)
}

export default function PracticeCatalogue() {
	const { scenarios, filter, total } = useLoaderData<typeof loader>()
	const submit = useSubmit()
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Practice</h1>
					<p>
						Role-play real conversations with customers of every style. Your practice is private unless you share it.
					</p>
				</div>
			</div>
			<Form
				method="get"
				className="card catalogue-filters"
				aria-label="Filter scenarios"
				// With JavaScript the list updates as soon as a filter changes.
				onChange={(e) => submit(e.currentTarget, { replace: true, preventScrollReset: true })}
			>
				<FilterSelect
					name="audience"
					label="Situation"
					values={audiences}
					labels={audienceLabels}
					current={filter.audience}
				/>
				<FilterSelect
					name="channel"
					label="Channel"
					values={channels}
					labels={channelLabels}
					current={filter.channel}
				/>
				<FilterSelect
					name="difficulty"
					label="Difficulty"
					values={difficulties}
					labels={difficultyLabels}
					current={filter.difficulty}
				/>
				<FilterSelect
					name="style"
					label="Customer style"
					values={customerStyles}
					labels={styleLabels}
					current={filter.style}
				/>
				<noscript>
					<button type="submit" className="button button--secondary">
						Filter
					</button>
				</noscript>
			</Form>
			<p className="muted small">
				Showing {scenarios.length} of {total} scenarios.{' '}
				{scenarios.length < total ? <Link to="/practice">Clear filters</Link> : null}
			</p>
			{scenarios.length === 0 ? (
				<div className="card muted">
					No scenario matches these filters. <Link to="/practice">Show every scenario</Link>.
				</div>
			) : null}
			<ul className="scenario-grid">
				{scenarios.map((s) => (
					<li key={s.id} className="card scenario-card">
						<div className="scenario-card__tags">
							<span className="badge">{audienceLabels[s.audience]}</span>
							<span className="badge">{channelLabels[s.channel]}</span>
							<span className={`badge badge--style-${s.style}`}>{styleLabels[s.style]} customer</span>
						</div>
						<h2 className="scenario-card__title">
							<Link to={`/practice/${s.id}`}>{s.title}</Link>
						</h2>
						<p className="small">{s.summary}</p>
						<p className="small muted flush">
							With {s.customer} · {difficultyLabels[s.difficulty]} · about {s.minutes} min
						</p>
						{s.best ? (
							<p className="small flush gap-above">
								Done · best: <span className={`outcome outcome--${s.best}`}>{outcomeLabels[s.best]}</span>
							</p>
						) : null}
						{s.resumeAttemptId ? (
							<Link className="button button--small gap-above" to={`/play/${s.resumeAttemptId}`}>
								Resume
							</Link>
						) : null}
					</li>
				))}
			</ul>
		</>
	)
}
