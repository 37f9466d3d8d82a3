import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { requireViewer } from '#app/auth/session.server.ts'
import { ErrorSummary } from '#app/components/error-summary.tsx'
import { currentPage, submitPage } from '#app/services/assessment.server.ts'
import {
	LIKERT_LABELS,
	NOT_APPLICABLE,
	NOT_APPLICABLE_LABEL,
	type LikertValue,
} from '#app/domain/assessment/item-bank.ts'
import { STYLES, STYLE_DESCRIPTIONS, STYLE_NAMES } from '#app/domain/style.ts'
import { CONSENT_NOTE, STYLES_PRIMER } from '#app/domain/assessment/report-notes.ts'
import { badRequest, readFormData } from '#app/utils/http.server.ts'
import { unwrap } from '#app/utils/service-response.server.ts'
import assessmentStyles from '#app/styles/assessment.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: assessmentStyles }]
export const meta: MetaFunction = () => [{ title: 'Style assessment · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const page = unwrap(await currentPage(viewer))
	if (!page) throw redirect('/assessment')
	const { attempt, ...view } = page
	// The consent note and the styles primer travel as data, not code: the page's JavaScript budget
	// has no room for text shown once.
	const consent = view.isFirstPage ? CONSENT_NOTE : null
	const primer = view.isFirstCuePage
		? {
				...STYLES_PRIMER,
				styles: STYLES.map((s) => ({ id: s, name: STYLE_NAMES[s], description: STYLE_DESCRIPTIONS[s] })),
			}
		: null
	// Answer labels travel as data too: the same budget.
	const scale = ([1, 2, 3, 4, 5] as LikertValue[]).map((value) => ({ value, label: LIKERT_LABELS[value] }))
	const styleOptions = STYLES.map((s) => ({ id: s, name: STYLE_NAMES[s] }))
	const notApplicable = { value: NOT_APPLICABLE, label: NOT_APPLICABLE_LABEL }
	return json({ ...view, page: attempt.page, consent, primer, scale, notApplicable, styleOptions })
}

const pageField = z.object({ page: z.coerce.number().int().min(0).max(1000) })

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requireViewer(request, context)
	const formData = await readFormData(request)
	const parsed = pageField.safeParse({ page: formData.get('page') })
	if (!parsed.success) throw badRequest('This form is missing its page number. Please reload the page.')
	const answers: Record<string, string> = {}
	for (const [key, value] of formData) if (key !== 'page' && typeof value === 'string') answers[key] = value
	const outcome = unwrap(await submitPage(viewer, parsed.data.page, answers))
	switch (outcome.kind) {
		case 'saved':
			throw redirect('/assessment/take')
		case 'completed':
			throw redirect(`/assessment/results/${outcome.resultId}`)
		case 'invalid':
			return json({ errors: outcome.errors, values: outcome.values }, { status: 400 })
		case 'stale':
			throw badRequest(
				'This page has already been saved, or it is not the page you are on. Your answers so far are safe: go back to the assessment to continue.',
			)
	}
}

export default function TakeAssessment() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const errors: Record<string, string> = actionData?.errors ?? {}
	const values: Record<string, string> = actionData?.values ?? {}
	const p = data.progress
	const errorCount = Object.keys(errors).length
	return (
		<div className="assessment">
			<div className="assessment__progress">
				<p className="small muted flush">
					{p.upTo
						? `Questions ${p.firstQuestion}–${p.lastQuestion} of up to ${p.totalQuestions} · short form: it ends early once your answers are clear`
						: `Questions ${p.firstQuestion}–${p.lastQuestion} of ${p.totalQuestions} · page ${p.pageIndex + 1} of ${p.pageCount}`}
				</p>
				<progress max={p.totalQuestions} value={p.firstQuestion - 1} aria-label="Progress through the assessment">
					{p.percentBefore}%
				</progress>
			</div>
			<h1>{data.kind === 'likert' ? 'How much do you agree?' : 'Read the speaker'}</h1>
			<p className="muted">
				{data.kind === 'likert'
					? 'Think of how you usually are at work, not how you would like to be. There are no right answers.'
					: 'For each person, choose the style their words suggest most.'}
			</p>
			{data.consent ? (
				<section className="card consent-note gap-below" aria-labelledby="consent-heading">
					<h2 id="consent-heading">Before you start</h2>
					<p>{data.consent.what}</p>
					<p>{data.consent.who}</p>
					<p className="flush">
						<strong>{data.consent.purpose}</strong>
					</p>
				</section>
			) : null}
			{data.primer ? (
				<section className="card styles-primer gap-below" aria-labelledby="primer-heading">
					<h2 id="primer-heading">The four styles</h2>
					<p>{data.primer.intro}</p>
					<dl className="styles-primer__list">
						{data.primer.styles.map((style) => (
							<div key={style.id}>
								<dt>{style.name}</dt>
								<dd>{style.description}</dd>
							</div>
						))}
					</dl>
					<p className="small muted flush">{data.primer.note}</p>
				</section>
			) : null}
			<ErrorSummary
				title={`${errorCount === 1 ? 'One question needs an answer' : `${errorCount} questions need an answer`}. Your other answers are kept.`}
				items={(data.kind === 'likert' ? data.items : data.vignettes).flatMap((q, i) =>
					errors[q.id] ? [{ href: `#q-${q.id}`, message: `Question ${p.firstQuestion + i}: ${errors[q.id]}` }] : [],
				)}
				focusOn={actionData}
			/>
			<Form method="post" className="assessment__form" preventScrollReset={false}>
				<input type="hidden" name="page" value={data.page} />
				{data.kind === 'likert'
					? data.items.map((item, i) => (
							<fieldset
								key={`${data.page}-${item.id}`}
								id={`q-${item.id}`}
								tabIndex={-1}
								className={`question${errors[item.id] ? ' question--error' : ''}`}
								aria-describedby={errors[item.id] ? `${item.id}-error` : undefined}
							>
								<legend>
									<span className="question__number">{p.firstQuestion + i}.</span> {item.text}
								</legend>
								<div className="likert">
									{data.scale.map(({ value: v, label }) => (
										<label key={v} className="likert__option">
											<input
												type="radio"
												name={item.id}
												value={v}
												defaultChecked={values[item.id] === String(v)}
												required={false}
											/>
											<span>{label}</span>
										</label>
									))}
									{item.roleBound ? (
										<label className="likert__option likert__option--na">
											<input
												type="radio"
												name={item.id}
												value={data.notApplicable.value}
												defaultChecked={values[item.id] === String(data.notApplicable.value)}
											/>
											<span>{data.notApplicable.label}</span>
										</label>
									) : null}
								</div>
								{errors[item.id] ? (
									<p id={`${item.id}-error`} className="error-list flush">
										{errors[item.id]}
									</p>
								) : null}
							</fieldset>
						))
					: data.vignettes.map((v, i) => (
							<fieldset
								key={`${data.page}-${v.id}`}
								id={`q-${v.id}`}
								tabIndex={-1}
								className={`question${errors[v.id] ? ' question--error' : ''}`}
								aria-describedby={errors[v.id] ? `${v.id}-error` : undefined}
							>
								<legend>
									<span className="question__number">{p.firstQuestion + i}.</span> {v.setting}
								</legend>
								<blockquote className="vignette">“{v.quote}”</blockquote>
								<div className="likert likert--styles">
									{data.styleOptions.map(({ id: style, name }) => (
										<label key={style} className="likert__option">
											<input type="radio" name={v.id} value={style} defaultChecked={values[v.id] === style} />
											<span>{name}</span>
										</label>
									))}
								</div>
								{errors[v.id] ? (
									<p id={`${v.id}-error`} className="error-list flush">
										{errors[v.id]}
									</p>
								) : null}
							</fieldset>
						))}
				<div className="button-row">
					<button type="submit" className="button" aria-disabled={navigation.state !== 'idle' || undefined}>
						{navigation.state !== 'idle' ? 'Saving…' : p.isLastPage ? 'Finish and see my report' : 'Save and continue'}
					</button>
					<span className="small muted">Each page is saved as you go. You can stop and come back on any device.</span>
				</div>
			</Form>
		</div>
	)
}
