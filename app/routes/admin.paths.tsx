import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { hasForbiddenCharacters, text } from '#app/domain/text.ts'
import { requirePermission } from '#app/auth/session.server.ts'
import { SubmitButton } from '#app/components/submit-button.tsx'
import { listPaths, type PathItem } from '#app/data/assignments.server.ts'
import { deletePath, savePath } from '#app/services/onboarding-paths.server.ts'
import { MAX_PATH_ITEMS } from '#app/domain/coaching/assignments.ts'
import { getLibrary } from '#app/services/play.server.ts'
import { readFormData } from '#app/utils/http.server.ts'
import { failureStatus } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Onboarding paths · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'onboarding-paths.manage')
	const paths = await listPaths(viewer.organisation.id)
	return json({ paths, scenarios: getLibrary().scenarios.map((s) => ({ id: s.id, title: s.title })) })
}

const rowSchema = z.object({
	what: z.string().regex(/^(|assessment|scenario:[a-z0-9-]{1,80})$/),
	days: z
		.string()
		.trim()
		.regex(/^\d{0,3}$/, 'Days are a whole number from 0 to 365.'),
	order: z
		.string()
		.trim()
		.regex(/^-?\d{0,3}$/, 'Order is a whole number.'),
})

// Rows are item-<n>-what / -days / -order; an empty "what" drops the row; "order" sorts them.
function readItems(form: FormData): { ok: true; items: PathItem[] } | { ok: false; message: string } {
	const rows: Array<PathItem & { order: number; n: number }> = []
	for (let n = 0; n < MAX_PATH_ITEMS + 5; n++) {
		if (!form.has(`item-${n}-what`)) continue
		const row = rowSchema.safeParse({
			what: form.get(`item-${n}-what`) ?? '',
			days: form.get(`item-${n}-days`) ?? '',
			order: form.get(`item-${n}-order`) ?? '',
		})
		if (!row.success) return { ok: false, message: row.error.issues[0]?.message ?? 'An item could not be read.' }
		if (!row.data.what) continue
		const days = row.data.days === '' ? null : Number(row.data.days)
		if (days !== null && days > 365) return { ok: false, message: 'Days are a whole number from 0 to 365.' }
		const scenario = row.data.what.startsWith('scenario:') ? row.data.what.slice(9) : null
		rows.push({
			kind: scenario ? 'scenario' : 'assessment',
			scenarioSlug: scenario,
			dueAfterDays: days,
			order: row.data.order === '' ? n + 1 : Number(row.data.order),
			n,
		})
	}
	rows.sort((a, b) => a.order - b.order || a.n - b.n)
	return { ok: true, items: rows.map(({ kind, scenarioSlug, dueAfterDays }) => ({ kind, scenarioSlug, dueAfterDays })) }
}

const headSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('save'),
		pathId: z.union([z.uuid(), z.literal('')]).optional(),
		name: text({ required: 'Give the path a name.', max: 80 }),
		description: z
			.string()
			.trim()
			.max(400, 'Keep the description under 400 characters.')
			.refine((v) => !hasForbiddenCharacters(v, true), 'Remove the invisible control characters from this text')
			.default(''),
	}),
	z.object({ intent: z.literal('delete'), pathId: z.uuid() }),
])

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'onboarding-paths.manage')
	const actor = {
		userId: viewer.user.id,
		organisationId: viewer.organisation.id,
		ip: context.clientIp,
		role: viewer.role,
	}
	const form = await readFormData(request)
	const head = headSchema.safeParse(Object.fromEntries(form))
	if (!head.success)
		return json({ message: head.error.issues[0]?.message ?? 'That could not be read.', done: null }, { status: 400 })
	if (head.data.intent === 'delete') {
		const deleted = await deletePath(actor, head.data.pathId)
		if (!deleted.ok) return json({ message: deleted.message, done: null }, { status: failureStatus(deleted) })
		return json({ message: null, done: 'Path deleted. Assignments already given stay on their learners’ lists.' })
	}
	const items = readItems(form)
	if (!items.ok) return json({ message: items.message, done: null }, { status: 400 })
	const saved = await savePath(actor, {
		pathId: head.data.pathId || undefined,
		name: head.data.name,
		description: head.data.description,
		items: items.items,
	})
	if (!saved.ok) return json({ message: saved.message, done: null }, { status: failureStatus(saved) })
	return json({ message: null, done: `Saved "${head.data.name}".` })
}

type Scenario = { id: string; title: string }
type Item = { kind: 'scenario' | 'assessment'; scenarioSlug: string | null; dueAfterDays: number | null }

function PathForm({
	path,
	scenarios,
}: {
	path?: { id: string; name: string; description: string; items: Item[] }
	scenarios: Scenario[]
}) {
	const rows: Array<Item | null> = [...(path?.items ?? []), null, null]
	if (!path) rows.push(null, null)
	const key = path?.id ?? 'new'
	return (
		<Form method="post" className="form">
			<input type="hidden" name="pathId" value={path?.id ?? ''} />
			<div className="field">
				<label htmlFor={`name-${key}`}>Name</label>
				<input id={`name-${key}`} name="name" required maxLength={80} defaultValue={path?.name ?? ''} />
			</div>
			<div className="field">
				<label htmlFor={`desc-${key}`}>Description (optional)</label>
				<input id={`desc-${key}`} name="description" maxLength={400} defaultValue={path?.description ?? ''} />
			</div>
			<div className="table-scroll">
				<table className="table">
					<caption className="visually-hidden">Items of {path?.name ?? 'the new path'}</caption>
					<thead>
						<tr>
							<th scope="col">Order</th>
							<th scope="col">Item</th>
							<th scope="col">Due after (days)</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((item, n) => (
							<tr key={n}>
								<td data-label="Order">
									<label className="visually-hidden" htmlFor={`order-${key}-${n}`}>
										Order of item {n + 1}
									</label>
									<input
										id={`order-${key}-${n}`}
										name={`item-${n}-order`}
										inputMode="numeric"
										size={3}
										defaultValue={n + 1}
									/>
								</td>
								<td data-label="Item">
									<label className="visually-hidden" htmlFor={`what-${key}-${n}`}>
										Item {n + 1}
									</label>
									<select
										id={`what-${key}-${n}`}
										name={`item-${n}-what`}
										defaultValue={
											item ? (item.kind === 'assessment' ? 'assessment' : `scenario:${item.scenarioSlug}`) : ''
										}
									>
										<option value="">— none (removes the row) —</option>
										<option value="assessment">The self-assessment</option>
										{scenarios.map((s) => (
											<option key={s.id} value={`scenario:${s.id}`}>
												{s.title}
											</option>
										))}
									</select>
								</td>
								<td data-label="Due after (days)">
									<label className="visually-hidden" htmlFor={`days-${key}-${n}`}>
										Days until item {n + 1} is due (empty: no due date)
									</label>
									<input
										id={`days-${key}-${n}`}
										name={`item-${n}-days`}
										inputMode="numeric"
										size={4}
										defaultValue={item?.dueAfterDays ?? ''}
									/>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<div className="button-row">
				<SubmitButton name="intent" value="save" pendingLabel="Saving…">
					{path ? 'Save path' : 'Create path'}
				</SubmitButton>
				{path ? (
					<button className="button button--secondary" name="intent" value="delete" formNoValidate>
						Delete path<span className="visually-hidden"> {path.name}</span>
					</button>
				) : null}
			</div>
		</Form>
	)
}

export default function OnboardingPaths() {
	const { paths, scenarios } = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Onboarding paths</h1>
					<p>
						A path is an ordered list of assignments given to a new hire in one step, from{' '}
						<Link to="/assignments">Assignments</Link>. The order is a suggestion, not a lock. Due dates count from the
						day the path is given; leave the days empty for no due date.
					</p>
				</div>
			</div>
			{reply?.message ? (
				<div className="alert alert--error" role="alert">
					{reply.message}
				</div>
			) : reply?.done ? (
				<div className="alert alert--ok" role="status">
					{reply.done}
				</div>
			) : null}
			{paths.map((p) => (
				<section key={p.id} className="card gap-above" aria-labelledby={`path-${p.id}`}>
					<h2 id={`path-${p.id}`}>{p.name}</h2>
					<PathForm path={p} scenarios={scenarios} />
				</section>
			))}
			<section className="card gap-above" aria-labelledby="new-path">
				<h2 id="new-path">New path</h2>
				<PathForm scenarios={scenarios} />
			</section>
		</>
	)
}
