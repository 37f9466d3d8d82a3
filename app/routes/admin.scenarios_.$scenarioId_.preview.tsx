import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '#app/auth/session.server.ts'
import { MeterBars } from '#app/components/play/meter-bars.tsx'
import { Transcript } from '#app/components/play/transcript.tsx'
import { styleLabels } from '#app/domain/practice/catalogue.ts'
import { outcomeLabels } from '#app/domain/practice/outcomes.ts'
import { openPreview, previewChoose } from '#app/services/scenario-preview.server.ts'
import { badRequest, notFound, readFormData } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `Preview: ${data.preview.scenario.title} · Attune` : 'Preview · Attune' },
]

const paramsSchema = z.object({ scenarioId: z.string().regex(/^[a-z0-9-]{1,60}$/) })
// The signed state: base64url body and signature (a 100-reply path stays well under this).
const stateField = z
	.string()
	.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
	.max(8000)

function scenarioIdFrom(params: unknown): string {
	const parsed = paramsSchema.safeParse(params)
	if (!parsed.success) throw notFound('There is no such scenario in the library.')
	return parsed.data.scenarioId
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'library.view')
	const scenarioId = scenarioIdFrom(params)
	const raw = new URL(request.url).searchParams.get('state')
	let token: string | undefined
	if (raw !== null) {
		const parsed = stateField.safeParse(raw)
		if (!parsed.success) throw badRequest('This preview could not be read. Start the preview again.')
		token = parsed.data
	}
	return json({ preview: unwrap(await openPreview(viewer, scenarioId, token)) })
}

const actionSchema = z.object({ state: stateField, choice: z.string().min(1).max(80) })

export async function action({ request, params, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'library.view')
	const scenarioId = scenarioIdFrom(params)
	const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success) throw badRequest('That reply could not be read. Start the preview again.')
	const { token } = unwrap(await previewChoose(viewer, scenarioId, parsed.data.state, parsed.data.choice))
	// Post/redirect/get: the state travels in the address, so a reload shows the same step.
	throw redirect(`/admin/scenarios/${scenarioId}/preview?state=${token}#now`)
}

export default function ScenarioPreviewPage() {
	const { preview } = useLoaderData<typeof loader>()
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle'
	const offered = preview.choices.filter((c) => c.offered)
	const hidden = preview.choices.filter((c) => !c.offered)
	return (
		<div className="practice">
			<div className="practice__main">
				<p className="small flush">
					<Link to={`/admin/scenarios/${preview.scenario.id}`}>← Map and coverage</Link>
				</p>
				<div className="page-header">
					<div>
						<p className="muted small flush">
							Preview · {preview.scenario.customer} · {styleLabels[preview.scenario.style]} customer
						</p>
						<h1>{preview.scenario.title}</h1>
					</div>
				</div>
				<div className="alert alert--info gap-below" role="note">
					A preview records nothing: no attempt, no debrief, no skill levels, and nothing in any list or export.
				</div>
				<div className="card">
					<Transcript
						entries={preview.transcript}
						customerName={preview.scenario.customer}
						markNewest={!preview.ending}
					/>
					{offered.length > 0 ? (
						<Form method="post" className="choices" aria-label="Your reply" replace preventScrollReset>
							<input type="hidden" name="state" value={preview.token} />
							<p className="small muted flush">
								Node <code>{preview.nodeId}</code>, reply {preview.replies + 1} of at most {preview.maxReplies}. Replies
								in authored order:
							</p>
							{preview.cue ? <p className="cue-question">{preview.cue.question}</p> : null}
							{offered.map((c) => (
								<button key={c.id} type="submit" name="choice" value={c.id} className="choice" disabled={busy}>
									{c.text}
									<span className="preview-author-note">
										{c.id} · {c.flex}
										{c.stress ? ` · ${c.stress.replace('_', ' ')}` : ''}
										{c.effects.length ? ` · ${c.effects.join(', ')}` : ''}
										{c.condition ? ` · only if ${c.condition}` : ''}
									</span>
								</button>
							))}
							{hidden.length > 0 ? (
								<p className="small muted flush">
									Not offered now:{' '}
									{hidden.map((c, i) => (
										<span key={c.id}>
											{i > 0 ? '; ' : ''}
											<code>{c.id}</code> (only if {c.condition})
										</span>
									))}
								</p>
							) : null}
						</Form>
					) : null}
				</div>
				{preview.ending ? (
					<section className="card ending" id="now" tabIndex={-1} aria-labelledby="ending-heading">
						<p className={`outcome outcome--${preview.ending.outcome}`}>{outcomeLabels[preview.ending.outcome]}</p>
						<h2 id="ending-heading">{preview.ending.title}</h2>
						<p className="small muted">
							Ending <code>{preview.ending.id}</code> after {preview.replies}{' '}
							{preview.replies === 1 ? 'reply' : 'replies'}.
						</p>
						<p>{preview.ending.debrief}</p>
						<div className="button-row">
							<Link className="button" to={`/admin/scenarios/${preview.scenario.id}/preview`}>
								Preview again
							</Link>
							<Link className="button button--secondary" to={`/admin/scenarios/${preview.scenario.id}`}>
								Back to the map
							</Link>
						</div>
					</section>
				) : null}
			</div>
			<aside className="practice__side card" aria-label="Meters and flags">
				<h2 className="h-small">Meters</h2>
				<MeterBars meters={preview.meters} />
				{preview.flags.length > 0 ? (
					<>
						<h2 className="h-small gap-above">Flags</h2>
						<ul className="plain-list small" data-testid="preview-flags">
							{preview.flags.map((f) => (
								<li key={f.name}>
									<code>{f.name}</code>: {f.value ? 'set' : 'not set'}
								</li>
							))}
						</ul>
					</>
				) : null}
				{!preview.ending ? (
					<p className="small gap-above flush">
						<Link to={`/admin/scenarios/${preview.scenario.id}/preview`}>Start over</Link>
					</p>
				) : null}
			</aside>
		</div>
	)
}
