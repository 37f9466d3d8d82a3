import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { ResumeOrStart } from '#app/components/resume-or-start.tsx'
import { listInProgressAttempts } from '#app/data/attempts.server.ts'
import { findScenario, scenarioSummary, startAttempt } from '#app/services/play.server.ts'
import { audienceLabels, channelLabels, difficultyLabels, styleLabels } from '#app/domain/practice/catalogue.ts'
import { skillLabels } from '#app/domain/practice/skills.ts'
import { badRequest, notFound, readFormData } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.scenario.title} · Practice · Attune` : 'Practice · Attune' },
]

function scenarioFrom(params: unknown) {
	const id = z.object({ scenarioId: z.string().regex(/^[a-z0-9-]{1,80}$/) }).safeParse(params)
	const scenario = id.success ? findScenario(id.data.scenarioId) : undefined
	if (!scenario) throw notFound('There is no such scenario in the library.')
	return scenario
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const s = scenarioFrom(params)
	const inProgress = (await listInProgressAttempts(viewer.organisation.id, viewer.user.id)).find(
		// An attempt started from an assignment is resumed from the to-do list, not from here.
		(a) => a.scenarioSlug === s.id && !a.assignmentId,
	)
	return json({
		scenario: {
			...scenarioSummary(s),
			persona: s.persona,
			skills: s.skills,
			meters: Object.entries(s.meters).map(([id, m]) => ({ id, label: m.label })),
		},
		resumeAttemptId: inProgress?.id ?? null,
	})
}

const actionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('start') }),
	z.object({ intent: z.literal('restart'), attemptId: z.uuid() }),
])

export async function action({ request, params, context }: ActionFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const s = scenarioFrom(params)
	const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success) throw badRequest('That request could not be understood.')
	const restartAttemptId = parsed.data.intent === 'restart' ? parsed.data.attemptId : undefined
	const { attemptId } = unwrap(await startAttempt(viewer, { scenarioId: s.id, restartAttemptId }))
	throw redirect(`/play/${attemptId}`)
}

export default function ScenarioIntro() {
	const { scenario, resumeAttemptId } = useLoaderData<typeof loader>()
	const p = scenario.persona
	return (
		<>
			<p className="small">
				<Link to="/practice">← All scenarios</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>{scenario.title}</h1>
					<p>{scenario.summary}</p>
				</div>
			</div>
			<div className="grid intro-grid">
				<section className="card" aria-labelledby="persona-heading">
					<p className="muted small flush">Your customer</p>
					<h2 id="persona-heading">{p.name}</h2>
					<p>
						<span className={`badge badge--style-${p.style}`}>{styleLabels[p.style]} style</span>
					</p>
					<dl className="facts">
						<dt>Mood</dt>
						<dd>{p.mood}</dd>
						<dt>Wants</dt>
						<dd>{p.wants}</dd>
						<dt>Background</dt>
						<dd>{p.backstory}</dd>
					</dl>
				</section>
				<section className="card" aria-labelledby="practise-heading">
					<h2 id="practise-heading">What you are practising</h2>
					<ul className="chip-list">
						{scenario.skills.map((skill) => (
							<li key={skill} className="badge">
								{skillLabels[skill]}
							</li>
						))}
					</ul>
					<p className="small muted">
						{audienceLabels[scenario.audience]} · {channelLabels[scenario.channel]} ·{' '}
						{difficultyLabels[scenario.difficulty]} · about {scenario.minutes} minutes. Watch{' '}
						{scenario.meters.map((m) => m.label.toLowerCase()).join(' and ')}: they move with every choice.
					</p>
					<p className="small muted">
						There is no single right answer. Choose what you would really say; the debrief explains what each choice
						did.
					</p>
					<ResumeOrStart
						resumeTo={resumeAttemptId ? `/play/${resumeAttemptId}` : undefined}
						resumeLabel="Resume where you left off"
						startLabel="Start the conversation"
						restartFields={resumeAttemptId ? { attemptId: resumeAttemptId } : undefined}
					/>
				</section>
			</div>
		</>
	)
}
