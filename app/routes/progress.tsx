import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireViewer } from '#app/auth/session.server.ts'
import { Sparkline } from '#app/components/feedback/line-chart.tsx'
import { ProfileTabs } from '#app/components/feedback/profile-tabs.tsx'
import { sparkline } from '#app/domain/feedback/charts.ts'
import { EARLY_DAYS_ATTEMPTS } from '#app/domain/feedback/skill-levels.ts'
import { outcomeLabels, type Outcome } from '#app/domain/practice/outcomes.ts'
import { skillLabels } from '#app/domain/practice/skills.ts'
import { recommendNext } from '#app/domain/practice/recommend.ts'
import { practiceStressEvidence, stressComparisonNote } from '#app/domain/assessment/stress-evidence.ts'
import { STRESS_REACTION_NAMES, STYLE_NAMES, STYLES, type Style } from '#app/domain/style.ts'
import { practiceHistory, recommendable } from '#app/services/debrief.server.ts'
import { formatDate } from '#app/utils/format.ts'
import feedbackStyles from '#app/styles/feedback.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: feedbackStyles }]
export const meta: MetaFunction = () => [{ title: 'My progress · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const progress = await practiceHistory(viewer)
	const titles = new Map(recommendable().map((s) => [s.id, s.title]))
	return json({
		skills: progress.skills.map((s) => ({ ...s, spark: sparkline(s.trend) })),
		flex: STYLES.map((style) => ({ style, ...progress.history.flexByStyle[style] })),
		// The practice rate is shown beside the self-report only with enough chances (issue 16).
		stress: progress.stress.map((r) => ({ ...r, evidence: practiceStressEvidence(r) })),
		stressNote: stressComparisonNote(
			progress.stress.map((r) => practiceStressEvidence(r)),
			progress.hasProfile,
		),
		hasProfile: progress.hasProfile,
		attempts: progress.attempts.map((a) => ({
			attemptId: a.attemptId,
			title: titles.get(a.scenarioSlug) ?? a.scenarioSlug,
			outcome: a.outcome as Outcome,
			customerStyle: a.customerStyle as Style,
			date: formatDate(a.createdAt),
			private: a.visibility === 'private',
			flex: a.flexTurns ? a.flexFit / a.flexTurns : null,
		})),
		next: recommendNext(recommendable(), progress.history, 1),
	})
}

const pct = (x: number) => `${Math.round(x * 100)} %`

export default function ProgressPage() {
	const { skills, flex, stress, stressNote, hasProfile, attempts, next } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<ProfileTabs />
			<h1>My progress</h1>
			{attempts.length === 0 ? (
				<div className="card">
					<p>
						Finish a role-play and your skills, style flex and debriefs appear here.{' '}
						<Link to="/practice">Choose a scenario</Link>.
					</p>
				</div>
			) : null}
			{next[0] ? (
				<section className="card" aria-labelledby="next-heading">
					<h2 id="next-heading" className="h-small">
						Practise next
					</h2>
					<p className="flush">
						<Link to={`/practice/${next[0].id}`}>{next[0].title}</Link>{' '}
						<span className="small muted">{next[0].reason}</span>
					</p>
				</section>
			) : null}
			{skills.length ? (
				<section className="card" aria-labelledby="skills-heading">
					<h2 id="skills-heading">Skill levels</h2>
					<p className="small muted">
						A running level: each new attempt counts for about a third, so recent practice weighs most. Until a skill
						has been in play {EARLY_DAYS_ATTEMPTS} times it shows as early days.
					</p>
					<table className="data-table progress-table">
						<thead>
							<tr>
								<th scope="col">Skill</th>
								<th scope="col">Level</th>
								<th scope="col">Trend</th>
							</tr>
						</thead>
						<tbody>
							{skills.map((s) => (
								<tr key={s.skill}>
									<th scope="row">{skillLabels[s.skill]}</th>
									<td>
										{pct(s.level)}
										{s.earlyDays ? <span className="small muted"> · early days ({s.attempts})</span> : null}
									</td>
									<td>
										<Sparkline
											d={s.spark}
											label={`${skillLabels[s.skill]} over ${s.trend.length} attempts: ${s.trend.map(pct).join(', ')}`}
										/>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</section>
			) : null}
			{attempts.length ? (
				<section className="card" aria-labelledby="flex-heading">
					<h2 id="flex-heading">Style flex by customer style</h2>
					<ul className="people-list">
						{flex.map((f) => (
							<li key={f.style}>
								<span className={`badge badge--style-${f.style}`}>{STYLE_NAMES[f.style]}</span>{' '}
								{f.turns ? `${pct(f.rate!)} of ${f.turns} replies fit` : 'not practised yet'}
							</li>
						))}
					</ul>
				</section>
			) : null}
			{attempts.length ? (
				<section className="card" aria-labelledby="stress-heading">
					<h2 id="stress-heading">Under pressure: what you said and what you did</h2>
					<p className="small muted">
						How often you chose a reply showing each reaction, out of the times one was on offer.
					</p>
					<table className="data-table progress-table">
						<thead>
							<tr>
								<th scope="col">Reaction</th>
								<th scope="col">In practice</th>
								<th scope="col">Your self-assessment</th>
							</tr>
						</thead>
						<tbody>
							{stress.map((r) => (
								<tr key={r.reaction}>
									<th scope="row">{STRESS_REACTION_NAMES[r.reaction]}</th>
									<td>{r.evidence.kind === 'none' ? 'not on offer yet' : r.evidence.text}</td>
									<td>
										{r.selfReported
											? `${r.selfReported.level}${r.selfReported.borderline ? ' (borderline)' : ''}`
											: '—'}
									</td>
								</tr>
							))}
						</tbody>
					</table>
					{stressNote ? <p className="small">{stressNote}</p> : null}
					{!hasProfile ? (
						<p className="small">
							<Link to="/assessment">Take the self-assessment</Link> to see your own pattern beside this.
						</p>
					) : null}
				</section>
			) : null}
			{attempts.length ? (
				<section className="card" aria-labelledby="attempts-heading">
					<h2 id="attempts-heading">Every finished role-play</h2>
					<ul className="people-list attempt-list">
						{attempts.map((a) => (
							<li key={a.attemptId}>
								<Link to={`/play/${a.attemptId}/debrief`}>{a.title}</Link>{' '}
								<span className={`outcome outcome--${a.outcome}`}>{outcomeLabels[a.outcome]}</span>{' '}
								<span className="small muted">
									{a.date}
									{a.private ? ' · private' : ' · shared'}
								</span>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
