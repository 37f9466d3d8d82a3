import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { MeterBars } from '#app/components/play/meter-bars.tsx'
import { Transcript } from '#app/components/play/transcript.tsx'
import { abandonAttempt, choose, loadPlay } from '#app/services/play.server.ts'
import { outcomeLabels } from '#app/domain/practice/outcomes.ts'
import { styleLabels } from '#app/domain/practice/catalogue.ts'
import { progressLine } from '#app/domain/scenario/length.ts'
import { badRequest, notFound, readFormData } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.play.scenario.title} · Attune` : 'Practice · Attune' },
]

const paramsSchema = z.object({ attemptId: z.uuid() })

function attemptIdFrom(params: unknown): string {
	const parsed = paramsSchema.safeParse(params)
	if (!parsed.success) throw notFound('There is no such practice attempt.')
	return parsed.data.attemptId
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const play = unwrap(await loadPlay(viewer, attemptIdFrom(params)))
	return json({ play })
}

const actionSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('choose'),
		step: z.coerce.number().int().min(0).max(10_000),
		choice: z.string().min(1).max(80),
	}),
	z.object({ intent: z.literal('abandon') }),
])

export async function action({ request, params, context }: ActionFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const attemptId = attemptIdFrom(params)
	const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success) throw badRequest('That choice could not be read. Please choose again.')
	if (parsed.data.intent === 'abandon') {
		const { scenarioId } = unwrap(await abandonAttempt(viewer, attemptId))
		throw redirect(`/practice/${scenarioId}`)
	}
	const outcome = unwrap(await choose(viewer, attemptId, { step: parsed.data.step, choiceId: parsed.data.choice }))
	// Post/redirect/get to the #now anchor, so that without JavaScript the page opens on the customer's
	// newest line (or the ending), not at the top. A stale or replayed submission gets a notice.
	throw redirect(outcome === 'stale' ? `/play/${attemptId}?notice=stale#now` : `/play/${attemptId}#now`)
}

export default function PlayPage() {
	const { play } = useLoaderData<typeof loader>()
	const [searchParams] = useSearchParams()
	const navigation = useNavigation()
	const pendingChoice = navigation.state !== 'idle' ? navigation.formData?.get('choice') : null
	const finished = play.status !== 'in_progress'
	const newestCustomerLine = play.transcript.findLast((e) => e.kind === 'customer')?.text
	// With JavaScript the page does not reload after a choice, so bring the customer's
	// new line into view (the document reload does this by itself without JavaScript).
	const lastStep = useRef(play.step)
	useEffect(() => {
		if (play.step === lastStep.current) return
		lastStep.current = play.step
		const lines = document.querySelectorAll('.transcript__entry--customer, .ending')
		const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches
		const newest = lines[lines.length - 1]
		newest?.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' })
		// The reply buttons just pressed are gone: continue keyboard focus from the new line, not the page top.
		if (newest instanceof HTMLElement && newest.id === 'now') newest.focus({ preventScroll: true })
	}, [play.step])
	return (
		<div className="practice">
			<div className="practice__main">
				<div className="page-header">
					<div>
						<p className="muted small flush">
							{play.scenario.customer} · {styleLabels[play.scenario.style]} customer
						</p>
						<h1>{play.scenario.title}</h1>
					</div>
				</div>
				{searchParams.get('notice') === 'stale' && !finished ? (
					<div className="alert alert--info gap-below" role="status">
						That choice had already been recorded (perhaps in another tab). Here is where the conversation is now.
					</div>
				) : null}
				<div className="card">
					<Transcript
						entries={play.transcript}
						customerName={play.scenario.customer}
						markNewest={play.status === 'in_progress'}
					/>
					{/* Screen readers hear the customer's answer as it arrives (with JavaScript; a reload reads from #now). */}
					<p className="visually-hidden play-announcer" aria-live="polite">
						{play.ending
							? `The conversation has ended: ${outcomeLabels[play.ending.outcome]}.`
							: newestCustomerLine
								? `${play.scenario.customer} says: ${newestCustomerLine}`
								: ''}
					</p>
					{play.status === 'in_progress' && play.choices.length > 0 ? (
						<Form
							method="post"
							className={play.cue ? 'choices choices--cue' : 'choices'}
							aria-label={play.cue ? 'Your reading' : 'Your reply'}
							replace
							preventScrollReset
						>
							<input type="hidden" name="step" value={play.step} />
							<input type="hidden" name="intent" value="choose" />
							{play.cue ? (
								<p className="cue-question">
									<strong>Pause before you reply.</strong> {play.cue.question}
								</p>
							) : (
								<p className="small muted flush">How do you reply?</p>
							)}
							{play.choices.map((c) => (
								<button
									key={c.id}
									type="submit"
									name="choice"
									value={c.id}
									className="choice"
									aria-busy={pendingChoice === c.id || undefined}
									disabled={pendingChoice !== null && pendingChoice !== undefined}
								>
									{c.text}
								</button>
							))}
						</Form>
					) : null}
				</div>
				{play.ending ? (
					<section className="card ending" id="now" tabIndex={-1} aria-labelledby="ending-heading">
						<p className={`outcome outcome--${play.ending.outcome}`}>{outcomeLabels[play.ending.outcome]}</p>
						<h2 id="ending-heading">{play.ending.title}</h2>
						<p>{play.ending.debrief}</p>
						<h3>Your path</h3>
						<ol className="path-list">
							{play.path.map((p, i) => (
								<li key={i}>{p.choiceText}</li>
							))}
						</ol>
						<div className="button-row">
							<Link className="button" to={`/play/${play.attemptId}/debrief`}>
								Read your debrief
							</Link>
							<Link className="button button--secondary" to={`/practice/${play.scenario.id}`}>
								Try it again
							</Link>
							<Link className="button button--secondary" to="/practice">
								Choose another scenario
							</Link>
						</div>
					</section>
				) : null}
				{play.status === 'abandoned' ? (
					<div className="card muted">
						You left this attempt. <Link to={`/practice/${play.scenario.id}`}>Start again</Link>.
					</div>
				) : null}
			</div>
			<aside className="practice__side card" aria-label="How the conversation is going">
				<h2 className="h-small">How it is going</h2>
				<MeterBars meters={play.meters} />
				<p className="progress gap-above">
					{progressLine({ replyNumber: play.turnNumber, finished, ahead: play.ahead })}
				</p>
				{play.status === 'in_progress' ? (
					<Form method="post" className="gap-above">
						<button type="submit" name="intent" value="abandon" className="button button--link small">
							Leave and abandon this attempt
						</button>
					</Form>
				) : null}
				<p className="small muted gap-above flush">
					You can stop at any time: your place is saved and you can resume on any device.
				</p>
			</aside>
		</div>
	)
}
