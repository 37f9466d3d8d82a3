import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { StyleCircle } from '#app/components/style-circle.tsx'
import type { CoachLearnerView } from '#app/domain/coaching/coach-view.ts'
import type { LineChart } from '#app/domain/feedback/charts.ts'
import { STYLE_NAMES, type Style } from '#app/domain/style.ts'

const pct = (x: number) => `${Math.round(x * 100)} %`

// One skill's level over the coach-visible attempts, as SVG drawn from server-computed geometry.
function SkillTrendChart({ chart, title, id }: { chart: LineChart; title: string; id: string }) {
	const line = chart.lines[0]
	return (
		<svg
			viewBox={`0 0 ${chart.width} ${chart.height}`}
			className="meter-chart skill-trend-chart"
			role="img"
			aria-labelledby={`${id}-title`}
			preserveAspectRatio="xMidYMid meet"
		>
			<title id={`${id}-title`}>{title}</title>
			{chart.yTicks.map((t) => (
				<g key={t.label}>
					<line x1={34} x2={chart.width - 12} y1={t.y} y2={t.y} className="meter-chart__grid" />
					<text x={28} y={t.y + 4} textAnchor="end" className="meter-chart__tick">
						{t.label}
					</text>
				</g>
			))}
			{chart.xTicks.map((t) => (
				<text key={t.label} x={t.x} y={chart.height - 8} textAnchor="middle" className="meter-chart__tick">
					{t.label}
				</text>
			))}
			{line ? (
				<g className="meter-chart__series meter-chart__series--0">
					<path d={line.d} fill="none" />
					<circle cx={line.last.x} cy={line.last.y} r={3} />
				</g>
			) : null}
		</svg>
	)
}

/**
 * The coach's view of a learner. `attemptHref` says where an attempt links (the coach's copy of its
 * debrief); `notesSlot` lets the coach page add its note forms. The learner's preview renders the same.
 */
export function CoachLearnerViewSections({
	view,
	attemptHref,
	noteActions,
	audience,
}: {
	view: CoachLearnerView
	attemptHref: (attemptId: string) => string
	noteActions?: (note: CoachLearnerView['notes'][number]) => ReactNode
	audience: 'coach' | 'learner'
}) {
	const you = audience === 'learner'
	return (
		<>
			<p className="alert alert--info" role="note">
				These scores are for coaching conversations, not for evaluating people. They come only from the role-plays{' '}
				{you ? 'you shared or were assigned' : `${view.learner.name} shared or was assigned`}, and say nothing about
				private practice.
			</p>

			<section className="card" aria-labelledby="coach-style-heading">
				<h2 id="coach-style-heading" className="h-small">
					Style
				</h2>
				{view.style ? (
					<div className="coach-style">
						<StyleCircle
							id="coach-circle"
							dot={{ x: view.style.x, y: view.style.y }}
							title={`${view.learner.name}: ${view.style.headline}`}
						/>
						<p className="flush">
							<strong>{view.style.headline}</strong>
							{view.style.home ? ` · leans ${STYLE_NAMES[view.style.home]}` : ''}. Only the dot is shared, never the
							answers.
						</p>
					</div>
				) : (
					<p className="muted flush" data-testid="no-style">
						{view.sharing.shareStyle
							? `${you ? 'You have' : `${view.learner.name} has`} not taken the self-assessment yet.`
							: `${you ? 'You do' : `${view.learner.name} does`} not share ${you ? 'your' : 'their'} style.`}
					</p>
				)}
			</section>

			<section className="card" aria-labelledby="coach-skills-heading">
				<h2 id="coach-skills-heading" className="h-small">
					Skill trends
				</h2>
				{view.skills === null ? (
					<p className="muted flush" data-testid="no-skills">
						{you ? 'You do' : `${view.learner.name} does`} not share {you ? 'your' : 'their'} skill levels.
					</p>
				) : view.skills.length === 0 ? (
					<p className="muted flush">No shared or assigned role-play has finished yet.</p>
				) : (
					<>
						<p className="small muted">
							A running level over shared and assigned role-plays only; recent ones weigh most. Each chart has a table
							below.
						</p>
						<ul className="skill-trend-grid">
							{view.skills.map((s) => (
								<li key={s.skill}>
									<p className="flush">
										<strong>{s.label}</strong> {pct(s.level)}
										{s.earlyDays ? <span className="small muted"> · early days ({s.attempts})</span> : null}
									</p>
									<SkillTrendChart
										id={`trend-${s.skill}`}
										chart={s.chart}
										title={`${s.label} over ${s.trend.length} shared attempts: ${s.trend.map(pct).join(', ')}`}
									/>
								</li>
							))}
						</ul>
						<details>
							<summary className="small">The skill trends as a table</summary>
							<table className="small data-table">
								<caption className="visually-hidden">Skill level after each shared or assigned role-play</caption>
								<thead>
									<tr>
										<th scope="col">Skill</th>
										<th scope="col">Level now</th>
										<th scope="col">After each attempt, oldest first</th>
									</tr>
								</thead>
								<tbody>
									{view.skills.map((s) => (
										<tr key={s.skill}>
											<th scope="row">{s.label}</th>
											<td>{pct(s.level)}</td>
											<td>{s.trend.map(pct).join(' → ')}</td>
										</tr>
									))}
								</tbody>
							</table>
						</details>
					</>
				)}
			</section>

			<section className="card" aria-labelledby="coach-attempts-heading">
				<h2 id="coach-attempts-heading" className="h-small">
					Shared and assigned role-plays
				</h2>
				{view.attempts.length ? (
					<ul className="people-list attempt-list" data-testid="coach-attempts">
						{view.attempts.map((a) => (
							<li key={a.attemptId}>
								<Link to={attemptHref(a.attemptId)}>{a.title}</Link>{' '}
								<span className={`outcome outcome--${a.outcome}`}>{a.outcomeLabel}</span>{' '}
								<span className="small muted">
									{a.date} · {STYLE_NAMES[a.customerStyle as Style]} customer · {a.assigned ? 'assigned' : 'shared'}
								</span>
							</li>
						))}
					</ul>
				) : (
					<p className="muted flush">
						Nothing shared yet. {you ? 'Your' : 'Their'} own practice stays private until{' '}
						{you ? 'you share' : 'they share'} it.
					</p>
				)}
			</section>

			<section className="card" aria-labelledby="coach-notes-heading">
				<h2 id="coach-notes-heading" className="h-small">
					Coaching notes
				</h2>
				{view.notes.length ? (
					<ul className="note-list" data-testid="coach-notes">
						{view.notes.map((n) => (
							<li key={n.id} className="note">
								<p className="note__body">{n.body}</p>
								<p className="small muted flush">
									{n.authorName ?? 'A former member'} · {n.date}
									{n.edited ? ' · edited' : ''}
								</p>
								{noteActions ? noteActions(n) : null}
							</li>
						))}
					</ul>
				) : (
					<p className="muted flush">No notes yet.</p>
				)}
			</section>
		</>
	)
}
