import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { StyleCircle } from '#app/components/style-circle.tsx'
import { getOwnResult, listOwnResults, parseStoredResult, StoredResultError } from '#app/data/assessments.server.ts'
import { recommendNext } from '#app/domain/practice/recommend.ts'
import { practiceHistory, recommendable } from '#app/services/debrief.server.ts'
import { getInstrument } from '#app/domain/assessment/item-bank.ts'
import { describePlacement } from '#app/domain/assessment/placement.ts'
import { buildReport, homeStyle } from '#app/domain/assessment/report-content.ts'
import { CIRCLE_LEGEND, REGION_EXPLANATION, RETAKE_GUIDANCE } from '#app/domain/assessment/report-notes.ts'
import { formatDate } from '#app/utils/format.ts'
import { httpError, notFound } from '#app/utils/http.server.ts'
import assessmentStyles from '#app/styles/assessment.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: assessmentStyles }]
export const meta: MetaFunction = () => [{ title: 'Your style report · Attune' }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const id = z.object({ resultId: z.uuid() }).safeParse(params)
	const row = id.success ? await getOwnResult(viewer.organisation.id, viewer.user.id, id.data.resultId) : undefined
	if (!row) throw notFound('There is no such result among yours.')
	const instrument = getInstrument(row.instrumentVersion)
	if (!instrument)
		throw httpError(409, `This result was scored with ${row.instrumentVersion}, which this version cannot show.`)
	let report
	try {
		report = buildReport(parseStoredResult(row.result), instrument)
	} catch (error) {
		if (error instanceof StoredResultError) throw httpError(409, error.message)
		throw error
	}
	const history = (await listOwnResults(viewer.organisation.id, viewer.user.id))
		.filter((r) => r.createdAt < row.createdAt)
		.map((r) => {
			const stored = parseStoredResult(r.result)
			const { headline } = describePlacement(stored.placement)
			return { id: r.id, x: stored.dot.x, y: stored.dot.y, label: formatDate(r.createdAt), headline }
		})
	// The one "what next" function, shared with the debrief and Home.
	const progress = await practiceHistory(viewer)
	const recommended = recommendNext(recommendable(), { ...progress.history, home: homeStyle(report.placement) }, 3)
	// The fixed sentences travel as data, not code: the page's JavaScript budget.
	const notes = { legend: CIRCLE_LEGEND, region: REGION_EXPLANATION, retake: RETAKE_GUIDANCE }
	return json({
		report,
		createdAt: row.createdAt,
		instrumentVersion: row.instrumentVersion,
		history,
		recommended,
		notes,
	})
}

export default function StyleReportPage() {
	const { report, createdAt, instrumentVersion, history, recommended, notes } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<p className="small">
				<Link to="/assessment">← My style</Link>
			</p>
			{report.quality.flagged ? (
				<div className="alert alert--info" role="status">
					{report.quality.messages.map((m) => (
						<p key={m} className="flush">
							{m}
						</p>
					))}
					{report.quality.advice ? <p className="flush gap-above">{report.quality.advice}</p> : null}
				</div>
			) : null}
			<section className="card report-hero" aria-labelledby="report-heading">
				<div>
					<StyleCircle
						id="report-circle"
						dot={{ ...report.dot, se: { x: report.region.rx, y: report.region.ry } }}
						history={history}
						placement={{ headline: report.headline, body: report.body }}
					/>
					<details className="circle-legend small">
						<summary>How to read this circle</summary>
						<ul>
							{notes.legend.map((l) => (
								<li key={l.key}>{l.text}</li>
							))}
						</ul>
					</details>
				</div>
				<div>
					<p className="small muted flush">
						Your result from {formatDate(createdAt)} · instrument {instrumentVersion}
					</p>
					<h1 id="report-heading">{report.headline}</h1>
					<p>{report.body}</p>
					<p className="small">{notes.region}</p>
					{report.notApplicable ? <p className="small">{report.notApplicable}</p> : null}
					{report.shortForm ? <p className="small short-form-note">{report.shortForm}</p> : null}
					{report.note ? <p>{report.note}</p> : null}
					<p className="report-statement">{report.statement}</p>
				</div>
			</section>
			{history.length > 0 ? (
				<section className="card" aria-labelledby="history-heading">
					<h2 id="history-heading">Over time</h2>
					<p className="small muted">
						{history.length === 1
							? 'The faded dot on the circle is your earlier result.'
							: 'The faded dots on the circle are your earlier results, oldest first.'}
					</p>
					<ol className="people-list">
						{history.map((h) => (
							<li key={h.id}>
								<Link to={`/assessment/results/${h.id}`}>{h.headline}</Link>
								<span className="small muted">{h.label}</span>
							</li>
						))}
					</ol>
				</section>
			) : null}
			<div className="grid">
				<section className="card" aria-labelledby="strengths-heading">
					<h2 id="strengths-heading">Strengths</h2>
					<p className="small muted">{report.strengthsIntro}…</p>
					<ul className="report-list">
						{report.strengths.map((s) => (
							<li key={s}>{s}</li>
						))}
					</ul>
				</section>
				<section className="card" aria-labelledby="blind-heading">
					<h2 id="blind-heading">Blind spots</h2>
					<p className="small muted">{report.blindSpotsIntro}…</p>
					<ul className="report-list">
						{report.blindSpots.map((s) => (
							<li key={s}>{s}</li>
						))}
					</ul>
				</section>
			</div>
			<section className="card" aria-labelledby="stress-heading">
				<h2 id="stress-heading">Under pressure</h2>
				<p>{report.stress.summary}</p>
				<table className="stress-table">
					<caption className="small muted">{report.stress.howToRead}</caption>
					<thead>
						<tr>
							<th scope="col">Reaction</th>
							<th scope="col">Level</th>
							<th scope="col">Score (likely range)</th>
						</tr>
					</thead>
					<tbody>
						{report.stress.readings.map((r) => (
							<tr key={r.reaction}>
								<th scope="row">{r.name}</th>
								<td>
									<span className={`badge stress-level stress-level--${r.level}`}>{r.level}</span>
								</td>
								<td>
									{r.score.toFixed(1)} ({r.band.low.toFixed(1)}–{r.band.high.toFixed(1)})
								</td>
							</tr>
						))}
					</tbody>
				</table>
				{report.stress.primary ? (
					<div className="grid">
						<div>
							<h3>Early-warning sign</h3>
							<p>{report.stress.primary.earlyWarning}</p>
						</div>
						<div>
							<h3>What to do instead</h3>
							<p>{report.stress.primary.tactic}</p>
						</div>
					</div>
				) : null}
			</section>
			<section className="card" aria-labelledby="flex-heading">
				<h2 id="flex-heading">Flexing toward other styles</h2>
				<div className="flex-grid">
					{report.flex.map((f) => (
						<div key={f.to} className="flex-card">
							<h3>
								With {/^[AEIOU]/.test(f.name) ? 'an' : 'a'} {f.name}
							</h3>
							<h4>Do more</h4>
							<ul className="report-list small">
								{f.tips.doMore.map((t) => (
									<li key={t}>{t}</li>
								))}
							</ul>
							<h4>Do less</h4>
							<ul className="report-list small">
								{f.tips.doLess.map((t) => (
									<li key={t}>{t}</li>
								))}
							</ul>
						</div>
					))}
				</div>
			</section>
			<section className="card" aria-labelledby="cues-heading">
				<h2 id="cues-heading">
					Reading others: {report.cues.correct} of {report.cues.total}
				</h2>
				<p>{report.cues.summary}</p>
				{report.cues.missed.map((m) => (
					<div key={m.id} className="missed-cue">
						<p className="small muted flush">{m.setting}</p>
						<blockquote className="vignette">“{m.quote}”</blockquote>
						<p className="small">
							You said <strong>{m.chosen}</strong>; more likely <strong>{m.answer}</strong>. {m.cue}
						</p>
					</div>
				))}
			</section>
			<section className="card" aria-labelledby="retake-heading">
				<h2 id="retake-heading">Taking it again</h2>
				<p>{notes.retake}</p>
			</section>
			{recommended.length > 0 ? (
				<section className="card" aria-labelledby="practice-heading">
					<h2 id="practice-heading">Practise next</h2>
					<p className="small muted">Chosen from your practice so far and your style.</p>
					<ul className="people-list">
						{recommended.map((r) => (
							<li key={r.id}>
								<Link to={`/practice/${r.id}`}>{r.title}</Link>
								<span className={`badge badge--style-${r.style}`}>{r.customer}</span>
								<span className="small muted">{r.reason}</span>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
