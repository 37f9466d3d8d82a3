import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/auth/session.server.ts'
import { completedAnswersFor } from '#app/data/assessments.server.ts'
import { applicableAnswers } from '#app/domain/assessment/keying.ts'
import { likertAnswersSchema } from '#app/domain/assessment/answers.ts'
import { CURRENT_INSTRUMENT, axisItems, stressItemsOf } from '#app/domain/assessment/item-bank.ts'
import {
	MIN_RESPONSES_FOR_DISPLAY,
	MIN_RESPONSES_FOR_STATS,
	alphaInterval,
	cronbachAlpha,
	itemStatistics,
	keyedMatrix,
} from '#app/domain/assessment/item-stats.ts'
import { AXES, AXIS_LABELS, STRESS_REACTIONS, STRESS_REACTION_NAMES } from '#app/domain/style.ts'

export const meta: MetaFunction = () => [{ title: 'Instrument statistics · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'organisation.view-instrument-statistics')
	const instrument = CURRENT_INSTRUMENT
	const schema = likertAnswersSchema(instrument, 'partial')
	// Only aggregates leave the server; stored answers are validated before use. Results scored
	// with an older version of the instrument answered different items, so they do not count.
	const rows = await completedAnswersFor(viewer.organisation.id, instrument.version)
	const excluded = rows.filter((r) => r.flagged).length
	// The short form asks only some axis statements, so its rows cannot enter α, item statistics or
	// norm derivation, which need every statement (ADR 0009, docs/assessment.md §4c).
	const shortForm = rows.filter((r) => !r.flagged && r.form === 'adaptive').length
	const responses = rows
		.filter((r) => !r.flagged && r.form !== 'adaptive')
		.flatMap((r) => {
			const parsed = schema.safeParse(r.answers)
			// "Doesn't apply" drops its pair; α and item figures then use complete rows only.
			return parsed.success ? [applicableAnswers(parsed.data, instrument).answers] : []
		})
	const results = responses.length
	const minimum = MIN_RESPONSES_FOR_DISPLAY
	const base = { results, excluded, shortForm, minimum, firm: MIN_RESPONSES_FOR_STATS, version: instrument.version }
	if (results < minimum) return json({ ...base, stats: null, stress: null })
	const stats = itemStatistics(responses, instrument)
	const interval = (items: readonly { id: string; keying?: 'forward' | 'reverse' }[]) =>
		alphaInterval(keyedMatrix(responses, items))
	return json({
		...base,
		stats: AXES.map((axis) => ({
			axis,
			name: AXIS_LABELS[axis].name,
			n: stats.axes[axis].n,
			alpha: stats.axes[axis].alpha,
			interval: interval(axisItems(instrument, axis)),
			items: stats.axes[axis].items.map((i) => ({
				id: i.id,
				text: i.text,
				keying: i.keying,
				mean: i.mean,
				itemTotal: i.correctedItemTotal,
			})),
		})),
		stress: STRESS_REACTIONS.map((reaction) => {
			const items = stressItemsOf(instrument, reaction)
			return {
				reaction,
				name: STRESS_REACTION_NAMES[reaction],
				items: items.length,
				alpha: cronbachAlpha(keyedMatrix(responses, items)),
				interval: interval(items),
			}
		}),
	})
}

const fmt = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits))

export default function InstrumentStats() {
	const data = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Instrument statistics</h1>
					<p>
						How the style self-assessment ({data.version}) behaves on your own people. Only aggregates are shown;
						nobody's answers are.
					</p>
				</div>
			</div>
			<section className="card" aria-labelledby="progress-heading">
				<h2 id="progress-heading">Results these statistics use</h2>
				<p>
					{data.results} of the {data.minimum} needed
					{data.excluded > 0
						? ` · ${data.excluded} ${data.excluded === 1 ? 'result' : 'results'} left out because the answer-quality checks flagged ${data.excluded === 1 ? 'it' : 'them'}`
						: ''}
					{data.shortForm > 0
						? ` · ${data.shortForm} short-form ${data.shortForm === 1 ? 'result' : 'results'} left out because the short form does not ask every statement, and these figures need them all`
						: ''}
					.
				</p>
				<progress
					max={data.minimum}
					value={Math.min(data.results, data.minimum)}
					aria-label="Results toward the threshold"
				>
					{Math.round((Math.min(data.results, data.minimum) / data.minimum) * 100)}%
				</progress>
				<p className="small muted flush gap-above">
					Each person counts once, with their latest result. Flagged results are never used for statistics or norms.
					{data.results < data.firm ? ` Below ${data.firm} results, treat every figure as a hint, not a verdict.` : ''}
				</p>
			</section>
			{data.stats === null ? (
				<div className="card">
					<p className="flush">
						Statistics appear once {data.minimum} people in your organisation have finished the assessment, so that no
						figure rests on a handful of answers. Invite people to take it from <a href="/assessment">My style</a>.
					</p>
				</div>
			) : (
				data.stats.map((axis) => (
					<section key={axis.axis} className="card" aria-labelledby={`axis-${axis.axis}`}>
						<h2 id={`axis-${axis.axis}`}>
							{axis.name}: α = {fmt(axis.alpha)}
							{axis.interval ? ` (95% CI ${fmt(axis.interval.low)}–${fmt(axis.interval.high)})` : ''}
						</h2>
						{data.results < data.firm ? (
							<p className="small">A hint, not a verdict: fewer than {data.firm} results.</p>
						) : null}
						<p className="small muted">
							Cronbach's α over {axis.n} people's latest results (0.80 or more is good for a scale like this).
							Item–total is the correlation of each re-keyed item with the rest of its scale; low or negative values
							point at an item your people read differently.
						</p>
						<table className="table">
							<thead>
								<tr>
									<th>Statement</th>
									<th>Keyed</th>
									<th>Mean (1–5)</th>
									<th>Item–total r</th>
								</tr>
							</thead>
							<tbody>
								{axis.items.map((i) => (
									<tr key={i.id}>
										<td data-label="Statement">{i.text}</td>
										<td data-label="Keyed">{i.keying}</td>
										<td data-label="Mean">{fmt(i.mean)}</td>
										<td data-label="Item–total r">{fmt(i.itemTotal)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</section>
				))
			)}
			{data.stress ? (
				<section className="card" aria-labelledby="stress-alpha">
					<h2 id="stress-alpha">Stress scales</h2>
					<p className="small muted">
						Cronbach's α of each backup reaction's statements (reverse-keyed ones re-keyed).
					</p>
					<table className="table">
						<thead>
							<tr>
								<th>Reaction</th>
								<th>Statements</th>
								<th>α (95% CI)</th>
							</tr>
						</thead>
						<tbody>
							{data.stress.map((r) => (
								<tr key={r.reaction}>
									<td data-label="Reaction">{r.name}</td>
									<td data-label="Statements">{r.items}</td>
									<td data-label="α (95% CI)">
										{fmt(r.alpha)}
										{r.interval ? ` (${fmt(r.interval.low)}–${fmt(r.interval.high)})` : ''}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</section>
			) : null}
		</>
	)
}
