import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
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
import { notesAboutMe } from '#app/services/coaching-notes.server.ts'
import { ownSharing, setAttemptSharing, setSharingPreferences } from '#app/services/sharing.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { badRequest, readFormData } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'
import feedbackStyles from '#app/styles/feedback.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: feedbackStyles }]
export const meta: MetaFunction = () => [{ title: 'My progress · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const [progress, sharing, notes] = await Promise.all([
		practiceHistory(viewer),
		ownSharing(viewer),
		notesAboutMe(viewer),
	])
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
			assigned: a.assigned,
			flex: a.flexTurns ? a.flexFit / a.flexTurns : null,
		})),
		next: recommendNext(recommendable(), progress.history, 1),
		sharing,
		notes: notes.map((n) => ({
			id: n.id,
			body: n.body,
			author: n.authorName ?? 'A former member',
			date: formatDate(n.createdAt),
		})),
	})
}

// The learner's sharing controls: each one a plain form, post/redirect/get (works without JavaScript).
const actionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.enum(['share', 'unshare']), attemptId: z.uuid() }),
	z.object({ intent: z.literal('share-style'), value: z.enum(['on', 'off']) }),
	z.object({ intent: z.literal('share-skills'), value: z.enum(['on', 'off']) }),
])

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success) throw badRequest('That request could not be read.')
	const input = parsed.data
	if (input.intent !== 'share-style' && input.intent !== 'share-skills') {
		const visibility = input.intent === 'share' ? 'shared' : 'private'
		unwrap(await setAttemptSharing(viewer, input.attemptId, visibility, context.clientIp))
		throw redirect('/progress#attempts-heading')
	}
	const on = input.value === 'on'
	unwrap(
		await setSharingPreferences(
			viewer,
			input.intent === 'share-style' ? { shareStyle: on } : { shareSkills: on },
			context.clientIp,
		),
	)
	throw redirect('/progress#sharing-heading')
}

const pct = (x: number) => `${Math.round(x * 100)} %`

export default function ProgressPage() {
	const { skills, flex, stress, stressNote, hasProfile, attempts, next, sharing, notes } =
		useLoaderData<typeof loader>()
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
			{notes.length ? (
				<section className="card" aria-labelledby="notes-heading">
					<h2 id="notes-heading" className="h-small">
						Notes from your coaches
					</h2>
					<ul className="note-list" data-testid="my-notes">
						{notes.map((n) => (
							<li key={n.id} className="note">
								<p className="note__body">{n.body}</p>
								<p className="small muted flush">
									{n.author} · {n.date}
								</p>
							</li>
						))}
					</ul>
				</section>
			) : null}
			<section className="card" aria-labelledby="sharing-heading">
				<h2 id="sharing-heading" className="h-small">
					What your coaches see
				</h2>
				<p className="small">
					Your practice is private unless you share it. The coaches of your teams see the role-plays you share or were
					assigned, and, only if you turn them on below, your style dot and your skill levels (from shared work only).
					They never see your self-assessment answers. <Link to="/progress/coach-view">What my coach sees</Link>
				</p>
				<ul className="sharing-toggles">
					<li>
						<Form method="post" className="inline-form">
							<input type="hidden" name="intent" value="share-style" />
							<input type="hidden" name="value" value={sharing.shareStyle ? 'off' : 'on'} />
							<span>
								Style dot: <strong>{sharing.shareStyle ? 'shared' : 'private'}</strong>
							</span>{' '}
							<button type="submit" className="button button--secondary small">
								{sharing.shareStyle ? 'Stop sharing my style' : 'Share my style'}
							</button>
						</Form>
					</li>
					<li>
						<Form method="post" className="inline-form">
							<input type="hidden" name="intent" value="share-skills" />
							<input type="hidden" name="value" value={sharing.shareSkills ? 'off' : 'on'} />
							<span>
								Skill levels: <strong>{sharing.shareSkills ? 'shared' : 'private'}</strong>
							</span>{' '}
							<button type="submit" className="button button--secondary small">
								{sharing.shareSkills ? 'Stop sharing my skill levels' : 'Share my skill levels'}
							</button>
						</Form>
					</li>
				</ul>
			</section>
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
									{a.assigned ? ' · assigned' : a.private ? ' · private' : ' · shared'}
								</span>{' '}
								{a.assigned ? null : (
									<Form method="post" className="inline-form">
										<input type="hidden" name="intent" value={a.private ? 'share' : 'unshare'} />
										<input type="hidden" name="attemptId" value={a.attemptId} />
										<button type="submit" className="button button--secondary small">
											{a.private ? 'Share' : 'Unshare'}
											<span className="visually-hidden"> {a.title}</span>
										</button>
									</Form>
								)}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
