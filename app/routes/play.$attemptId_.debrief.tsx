import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { MeterChart, MeterTable } from '#app/components/feedback/line-chart.tsx'
import { meterChart } from '#app/domain/feedback/charts.ts'
import { outcomeLabels } from '#app/domain/practice/outcomes.ts'
import { skillLabels } from '#app/domain/practice/skills.ts'
import { STRESS_REACTION_NAMES, STYLE_NAMES } from '#app/domain/style.ts'
import { loadDebrief, retryFrom } from '#app/services/debrief.server.ts'
import { ownAttemptSharing, setAttemptSharing } from '#app/services/sharing.server.ts'
import { withArticle } from '#app/domain/feedback/wording.ts'
import { unwrap } from '#app/utils/service-response.server.ts'
import feedbackStyles from '#app/styles/feedback.css?url'
import { badRequest, notFound, readFormData } from '#app/utils/http.server.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: feedbackStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `Debrief: ${data.debrief.scenario.title} · Attune` : 'Debrief · Attune' },
]

function attemptIdFrom(params: unknown): string {
	const parsed = z.object({ attemptId: z.uuid() }).safeParse(params)
	if (!parsed.success) throw notFound('There is no such debrief.')
	return parsed.data.attemptId
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const attemptId = attemptIdFrom(params)
	const found = await loadDebrief(viewer, attemptId)
	// Not finished yet: back to the conversation, where it can be finished.
	if (!found.ok && found.kind === 'unfinished') throw redirect(`/play/${attemptId}`)
	const view = unwrap(found)
	const debrief = view.content
	const sharing = await ownAttemptSharing(viewer, attemptId)
	return json({
		attemptId,
		debrief,
		sharing,
		chart: meterChart({ meters: debrief.meters, pressure: debrief.pressure }),
		next: view.next,
	})
}

const actionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('retry'), step: z.coerce.number().int().min(1).max(500) }),
	z.object({ intent: z.enum(['share', 'unshare']) }),
])

export async function action({ request, params, context }: ActionFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const attemptId = attemptIdFrom(params)
	const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success) throw badRequest('That request could not be read.')
	if (parsed.data.intent !== 'retry') {
		const visibility = parsed.data.intent === 'share' ? 'shared' : 'private'
		unwrap(await setAttemptSharing(viewer, attemptId, visibility, context.clientIp))
		throw redirect(`/play/${attemptId}/debrief#sharing`)
	}
	const started = unwrap(await retryFrom(viewer, attemptId, parsed.data.step))
	throw redirect(`/play/${started}`)
}

const pct = (x: number) => `${Math.round(x * 100)} %`

export default function DebriefPage() {
	const { attemptId, debrief, sharing, chart, next } = useLoaderData<typeof loader>()
	const inPlay = debrief.skills.filter((s) => s.inPlay)
	const notInPlay = debrief.skills.filter((s) => !s.inPlay)
	const customerStyle = STYLE_NAMES[debrief.scenario.customerStyle]
	return (
		<div className="stack debrief">
			<p className="small">
				<Link to={`/play/${attemptId}`}>← The conversation</Link> · <Link to="/progress">My progress</Link>
			</p>
			<section className="card" aria-labelledby="debrief-heading">
				<p className="muted small flush">
					Debrief · {debrief.scenario.customer} · {customerStyle} customer
				</p>
				<h1 id="debrief-heading">{debrief.scenario.title}</h1>
				<p className={`outcome outcome--${debrief.outcome}`}>{outcomeLabels[debrief.outcome]}</p>
				<h2 className="h-small">{debrief.ending.title}</h2>
				<p>{debrief.ending.text}</p>
			</section>

			{sharing ? (
				<section className="card sharing-card" id="sharing" aria-labelledby="sharing-heading">
					<h2 id="sharing-heading" className="h-small">
						{sharing.assigned
							? 'Assigned: your coaches see this debrief'
							: sharing.visibility === 'shared'
								? 'Shared with your coaches'
								: 'Private: only you see this'}
					</h2>
					<p className="small flush">
						{sharing.assigned
							? 'Work started from an assignment is seen by whoever assigned it and the coaches of your teams.'
							: sharing.visibility === 'shared'
								? 'The coaches of your teams see this debrief, without the sentences drawn from your self-assessment unless you share your style.'
								: 'Share it to let the coaches of your teams see it; you can unshare it at any time.'}{' '}
						<Link to="/progress/coach-view">What my coach sees</Link>
					</p>
					{sharing.assigned ? null : (
						<Form method="post" className="inline-form">
							<input type="hidden" name="intent" value={sharing.visibility === 'shared' ? 'unshare' : 'share'} />
							<button type="submit" className="button button--secondary small">
								{sharing.visibility === 'shared' ? 'Unshare' : 'Share with my coaches'}
							</button>
						</Form>
					)}
				</section>
			) : null}

			{debrief.notices.map((n) => (
				<div key={n.ruleId} className="alert alert--info" role="note" data-rule={n.ruleId}>
					{n.text}
					{n.ruleId === 'notice.no-profile' ? (
						<>
							{' '}
							<Link to="/assessment">Take the self-assessment</Link>.
						</>
					) : null}
				</div>
			))}

			<section className="card" aria-labelledby="feedback-heading">
				<h2 id="feedback-heading">What this conversation shows</h2>
				<ul className="feedback-list">
					{debrief.feedback.map((f) => (
						<li key={f.ruleId} data-rule={f.ruleId}>
							<p className="flush">
								{f.text}
								{f.tentative ? <span className="muted small"> (a borderline score in your report)</span> : null}
							</p>
							<details className="why">
								<summary>Why am I seeing this?</summary>
								<p className="small flush">
									Rule <code>{f.ruleId}</code> (rules {debrief.rulesVersion}), triggered by{' '}
									{f.steps.map((s, i) => (
										<span key={s}>
											{i > 0 ? ', ' : ''}
											<a href={`#decision-${s}`}>decision {s}</a>
										</span>
									))}
									.{' '}
									{f.usesSelfAssessment
										? 'It draws on your self-assessment, so a coach never sees it unless you share your style.'
										: 'It is about this conversation only.'}
								</p>
							</details>
						</li>
					))}
				</ul>
			</section>

			<section className="card" aria-labelledby="meters-heading">
				<h2 id="meters-heading">How the conversation went</h2>
				<MeterChart chart={chart} title={`Meters after each of your ${debrief.decisions.length} replies`} />
				<ul className="chart-legend small">
					{chart.lines.map((l, i) => (
						<li key={l.id} className={`chart-legend__item chart-legend__item--${i}`}>
							{l.label}: {l.last.value} at the end
						</li>
					))}
					<li className="chart-legend__item chart-legend__item--threshold">
						Dashed line: {debrief.meters.find((m) => m.id === debrief.pressure.meter)?.label ?? debrief.pressure.meter}{' '}
						below {debrief.pressure.below} means the customer is under pressure
					</li>
				</ul>
				<MeterTable meters={debrief.meters} />
			</section>

			<section className="card" aria-labelledby="skills-heading">
				<h2 id="skills-heading">Skills in this conversation</h2>
				<p className="small muted">
					Each score compares your replies with the best reply on offer at the same turns, so a full bar is reachable on
					any path.
				</p>
				<ul className="skill-bars">
					{inPlay.map((s) =>
						s.inPlay ? (
							<li key={s.skill}>
								<span className="skill-bars__label">{skillLabels[s.skill]}</span>
								{/* SVG, not an inline style: the content security policy blocks style attributes. */}
								<svg className="skill-bars__track" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
									<rect className="skill-bars__bg" width="100" height="6" />
									<rect className="skill-bars__fill" width={Math.round(s.score * 100)} height="6" />
								</svg>
								<span className="skill-bars__value">{pct(s.score)}</span>
							</li>
						) : null,
					)}
				</ul>
				<p className="small">
					<strong>Style flex:</strong> {debrief.flex.fit} of {debrief.flex.turns} replies fit what{' '}
					{withArticle(customerStyle)} customer needs
					{debrief.flex.rate !== null ? ` (${pct(debrief.flex.rate)})` : ''}.
				</p>
				{notInPlay.length ? (
					<p className="small muted">Not in play here: {notInPlay.map((s) => skillLabels[s.skill]).join(', ')}.</p>
				) : null}
			</section>

			<section className="card" aria-labelledby="decisions-heading">
				<h2 id="decisions-heading">Every decision, revisited</h2>
				<ol className="decisions">
					{debrief.decisions.map((d) => (
						<li key={d.step} id={`decision-${d.step}`} className="decision">
							<p className="small muted flush">
								Decision {d.step}
								{d.underPressure ? ' · under pressure' : ''}
							</p>
							<blockquote className="decision__says">“{d.says}”</blockquote>
							{d.kind === 'cue' ? (
								// A cue moment: what the learner read in the line, and the cue they missed.
								<div className="decision__cue">
									<p className="flush">
										<strong>{d.question}</strong> You read: {d.chosen.text}
									</p>
									{d.better ? (
										<div className="decision__better">
											<p className="small flush">
												<strong>The cue you missed:</strong> {d.better.text}
											</p>
											<p className="small muted">{d.better.why}</p>
										</div>
									) : (
										<p className="small">Right: {d.chosen.why}</p>
									)}
								</div>
							) : (
								<>
									<p className="flush">
										<strong>You said:</strong> {d.chosen.text}{' '}
										<span className={`flex-tag flex-tag--${d.chosen.flex}`}>
											{d.chosen.flex === 'fit'
												? `fits ${withArticle(customerStyle)}`
												: d.chosen.flex === 'miss'
													? `misses what ${withArticle(customerStyle)} needs`
													: 'neutral'}
										</span>
										{d.chosen.stress ? (
											<span className="flex-tag"> {STRESS_REACTION_NAMES[d.chosen.stress].toLowerCase()}</span>
										) : null}
									</p>
									<p className="small">{d.chosen.why}</p>
									{d.better ? (
										<div className="decision__better">
											<p className="small flush">
												<strong>A better reply:</strong> {d.better.text}
											</p>
											<p className="small muted">{d.better.why}</p>
										</div>
									) : (
										<p className="small muted">The best reply on offer here.</p>
									)}
								</>
							)}
							<Form method="post" className="inline-form">
								<input type="hidden" name="intent" value="retry" />
								<input type="hidden" name="step" value={d.step} />
								<button type="submit" className="button button--secondary small">
									Try again from here
								</button>
							</Form>
						</li>
					))}
				</ol>
			</section>

			<section className="card" aria-labelledby="next-heading">
				<h2 id="next-heading">What next</h2>
				{next.length ? (
					<ul className="people-list">
						{next.map((r) => (
							<li key={r.id}>
								<Link to={`/practice/${r.id}`}>{r.title}</Link> <span className="small muted">{r.reason}</span>
							</li>
						))}
					</ul>
				) : (
					<p>You have practised every scenario in the library.</p>
				)}
				<div className="button-row">
					<Link className="button" to={`/practice/${debrief.scenario.id}`}>
						Play it again
					</Link>
					<Link className="button button--secondary" to="/progress">
						My progress
					</Link>
				</div>
			</section>
		</div>
	)
}
