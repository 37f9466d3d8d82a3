import { MeterChart, MeterTable } from '#app/components/feedback/line-chart.tsx'
import type { DebriefContent } from '#app/domain/feedback/debrief.ts'
import type { LineChart } from '#app/domain/feedback/charts.ts'
import { outcomeLabels } from '#app/domain/practice/outcomes.ts'
import { skillLabels } from '#app/domain/practice/skills.ts'
import { STYLE_NAMES } from '#app/domain/style.ts'

const pct = (x: number) => `${Math.round(x * 100)} %`

// The coach's copy of a debrief (already filtered by coachCopy on the server): what happened, the
// feedback that is about this conversation, the skills in play and every decision.
export function CoachDebrief({
	learnerName,
	debrief,
	chart,
	assigned,
	leftOut,
	audience,
}: {
	learnerName: string
	debrief: DebriefContent
	chart: LineChart
	assigned: boolean
	leftOut: number
	audience: 'coach' | 'learner'
}) {
	const inPlay = debrief.skills.filter((s) => s.inPlay)
	const who = audience === 'learner' ? 'You' : learnerName
	return (
		<>
			<section className="card" aria-labelledby="debrief-heading">
				<p className="muted small flush">
					{learnerName} · {assigned ? 'assigned' : 'shared'} · {debrief.scenario.customer} ·{' '}
					{STYLE_NAMES[debrief.scenario.customerStyle]} customer
				</p>
				<h1 id="debrief-heading">{debrief.scenario.title}</h1>
				<p className={`outcome outcome--${debrief.outcome}`}>{outcomeLabels[debrief.outcome]}</p>
				<h2 className="h-small">{debrief.ending.title}</h2>
				<p>{debrief.ending.text}</p>
			</section>
			<p className="alert alert--info" role="note" data-testid="left-out">
				{leftOut > 0
					? `${leftOut} sentence${leftOut === 1 ? '' : 's'} drawn from the self-assessment ${leftOut === 1 ? 'is' : 'are'} left out: ${audience === 'learner' ? 'you do' : `${learnerName} does`} not share ${audience === 'learner' ? 'your' : 'their'} style.`
					: 'Scores are for coaching conversations, not for evaluating people.'}
			</p>
			<section className="card" aria-labelledby="feedback-heading">
				<h2 id="feedback-heading">What this conversation shows</h2>
				{debrief.feedback.length ? (
					<ul className="feedback-list" data-testid="coach-feedback">
						{debrief.feedback.map((f) => (
							<li key={f.ruleId} data-rule={f.ruleId}>
								<p className="flush">{f.text}</p>
							</li>
						))}
					</ul>
				) : (
					<p className="muted">No feedback sentence to show here.</p>
				)}
			</section>
			<section className="card" aria-labelledby="meters-heading">
				<h2 id="meters-heading">How the conversation went</h2>
				<MeterChart chart={chart} title={`Meters after each of ${debrief.decisions.length} replies`} />
				<MeterTable meters={debrief.meters} />
			</section>
			<section className="card" aria-labelledby="skills-heading">
				<h2 id="skills-heading">Skills in this conversation</h2>
				<table className="data-table">
					<thead>
						<tr>
							<th scope="col">Skill</th>
							<th scope="col">Score</th>
						</tr>
					</thead>
					<tbody>
						{inPlay.map((s) =>
							s.inPlay ? (
								<tr key={s.skill}>
									<th scope="row">{skillLabels[s.skill]}</th>
									<td>{pct(s.score)}</td>
								</tr>
							) : null,
						)}
					</tbody>
				</table>
				<p className="small">
					<strong>Style flex:</strong> {debrief.flex.fit} of {debrief.flex.turns} replies fit what the customer needs.
				</p>
			</section>
			<section className="card" aria-labelledby="decisions-heading">
				<h2 id="decisions-heading">Every decision</h2>
				<ol className="decisions">
					{debrief.decisions.map((d) => (
						<li key={d.step} className="decision">
							<blockquote className="decision__says">“{d.says}”</blockquote>
							<p className="flush">
								<strong>{who} said:</strong> {d.chosen.text}
							</p>
							{d.better ? (
								<p className="small muted">
									<strong>A better reply:</strong> {d.better.text}
								</p>
							) : (
								<p className="small muted">The best reply on offer here.</p>
							)}
						</li>
					))}
				</ol>
			</section>
		</>
	)
}
