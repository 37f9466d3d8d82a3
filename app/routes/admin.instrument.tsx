import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/auth/session.server.ts'
import { completedAnswersFor } from '#app/data/assessments.server.ts'
import { likertAnswersSchema } from '#app/domain/assessment/answers.ts'
import { CURRENT_INSTRUMENT } from '#app/domain/assessment/item-bank.ts'
import { MIN_RESPONSES_FOR_DISPLAY, itemStatistics } from '#app/domain/assessment/item-stats.ts'
import { AXES, AXIS_LABELS } from '#app/domain/style.ts'

export const meta: MetaFunction = () => [{ title: 'Instrument statistics · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'organisation.view-instrument-statistics')
	const instrument = CURRENT_INSTRUMENT
	const schema = likertAnswersSchema(instrument, 'partial')
	// Only aggregates leave the server; stored answers are validated before use. Results scored
	// with an older version of the instrument answered different items, so they do not count.
	const responses = (await completedAnswersFor(viewer.organisation.id, instrument.version)).flatMap((a) => {
		const parsed = schema.safeParse(a)
		return parsed.success ? [parsed.data] : []
	})
	const results = responses.length
	const minimum = MIN_RESPONSES_FOR_DISPLAY
	if (results < minimum) return json({ results, minimum, version: instrument.version, stats: null })
	const stats = itemStatistics(responses, instrument)
	return json({
		results,
		minimum,
		version: instrument.version,
		stats: AXES.map((axis) => ({
			axis,
			name: AXIS_LABELS[axis].name,
			n: stats.axes[axis].n,
			alpha: stats.axes[axis].alpha,
			items: stats.axes[axis].items.map((i) => ({
				id: i.id,
				text: i.text,
				keying: i.keying,
				mean: i.mean,
				itemTotal: i.correctedItemTotal,
			})),
		})),
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
			{data.stats === null ? (
				<div className="card">
					<p className="flush">
						{data.results} {data.results === 1 ? 'person has' : 'people have'} finished the assessment so far.
						Statistics appear once {data.minimum} people in your organisation have, so that no figure rests on a handful
						of answers. Each person counts once, with their latest result.
					</p>
				</div>
			) : (
				data.stats.map((axis) => (
					<section key={axis.axis} className="card" aria-labelledby={`axis-${axis.axis}`}>
						<h2 id={`axis-${axis.axis}`}>
							{axis.name}: α = {fmt(axis.alpha)}
						</h2>
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
		</>
	)
}
