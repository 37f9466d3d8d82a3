import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { ResumeOrStart } from '#app/components/resume-or-start.tsx'
import { listInProgressAttempts } from '#app/data/attempts.server.ts'
import { StyleCircle } from '#app/components/style-circle.tsx'
import { findScenario, loadPrebrief, scenarioSummary, startAttempt } from '#app/services/play.server.ts'
import { STYLE_NAMES, STYLE_SIGNS } from '#app/domain/style.ts'
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
			// Labels as loader data, not lookup tables in the page's JavaScript (the budget).
			skills: s.skills.map((skill) => ({ id: skill, label: skillLabels[skill] })),
			kind: `${audienceLabels[s.audience]} · ${channelLabels[s.channel]} · ${difficultyLabels[s.difficulty]}`,
			styleLabel: styleLabels[s.persona.style],
			meters: Object.entries(s.meters).map(([id, m]) => ({ id, label: m.label })),
		},
		resumeAttemptId: inProgress?.id ?? null,
		// Words as loader data: the pre-brief's logic stays on the server (the JavaScript budget).
		prebrief: await loadPrebrief(viewer, s),
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

const withStyle = (style: keyof typeof STYLE_NAMES) =>
	`${style === 'energizer' || style === 'analyst' ? 'an' : 'a'} ${STYLE_NAMES[style]}`

export default function ScenarioIntro() {
	const { scenario, resumeAttemptId, prebrief } = useLoaderData<typeof loader>()
	const p = scenario.persona
	const them = STYLE_SIGNS[p.style]
	const you = prebrief.you
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
						<span className={`badge badge--style-${p.style}`}>{scenario.styleLabel} style</span>
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
				<section className="card prebrief" aria-labelledby="prebrief-heading">
					<h2 id="prebrief-heading">You and {p.name}</h2>
					{you ? (
						<>
							<StyleCircle
								id="prebrief-circle"
								className="prebrief__circle"
								dot={you.dot}
								other={{
									x: them.responsiveness * 1.75,
									y: them.assertiveness * 0.9,
									label: p.name.split(' ')[0] ?? p.name,
								}}
								title={`Your style and ${p.name}'s`}
								description={`Your dot${you.styles.length ? ` (${you.styles.map((s) => STYLE_NAMES[s]).join('–')})` : ' (balanced)'} beside ${p.name}, ${withStyle(p.style)}.`}
							/>
							{you.apart.length ? (
								<>
									<h3 className="h-small">Where you pull apart</h3>
									<ul className="prebrief__apart">
										{you.apart.map((line) => (
											<li key={line}>{line}</li>
										))}
									</ul>
								</>
							) : null}
						</>
					) : (
						<p className="small">
							{p.name} is {withStyle(p.style)}. <Link to="/assessment">Take the self-assessment</Link> to see your own
							style beside theirs, and where the two pull apart.
						</p>
					)}
					{prebrief.tip ? (
						<p className="prebrief__tip" data-tip={prebrief.tip.id}>
							<strong>One thing to try:</strong> {prebrief.tip.text}
						</p>
					) : null}
				</section>
				<section className="card" aria-labelledby="practise-heading">
					<h2 id="practise-heading">What you are practising</h2>
					<ul className="chip-list">
						{scenario.skills.map((skill) => (
							<li key={skill.id} className="badge">
								{skill.label}
							</li>
						))}
					</ul>
					<p className="small muted">
						{scenario.kind} · about {scenario.minutes} minutes. Watch{' '}
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
