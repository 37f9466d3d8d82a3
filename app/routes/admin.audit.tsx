import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '#app/auth/session.server.ts'
import { listAuditEvents } from '#app/data/audit.server.ts'
import { listDeactivatedMembers, listMembers } from '#app/data/members.server.ts'
import { auditEventLabel, auditKindLabels, auditKindNames, auditKinds } from '#app/domain/accounts/audit-kinds.ts'
import { formatDateTime } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Audit log · Attune' }]

const PAGE = 200
const filterSchema = z.object({
	person: z.uuid().optional().catch(undefined),
	kind: z.enum(auditKindNames).optional().catch(undefined),
})

// Details worth showing; e-mail addresses and the like stay in the database.
function describe(detail: Record<string, unknown>, names: Map<string, string>): string {
	const parts: string[] = []
	if (typeof detail.memberId === 'string') parts.push(names.get(detail.memberId) ?? 'a former member')
	if (typeof detail.team === 'string') parts.push(`team ${detail.team}`)
	if (typeof detail.name === 'string') parts.push(detail.name)
	if (typeof detail.from === 'string' && typeof detail.to === 'string') parts.push(`${detail.from} → ${detail.to}`)
	if (typeof detail.role === 'string' && !detail.from) parts.push(`as ${detail.role}`)
	if (typeof detail.path === 'string') parts.push(detail.path)
	if (typeof detail.via === 'string' && detail.via !== 'sign-in') parts.push(`via ${detail.via}`)
	return parts.join(' · ')
}

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'organisation.view-audit-log')
	const url = new URL(request.url)
	const filter = filterSchema.parse({
		person: url.searchParams.get('person') ?? undefined,
		kind: url.searchParams.get('kind') || undefined,
	})
	const [active, deactivated, events] = await Promise.all([
		listMembers(viewer.organisation.id),
		listDeactivatedMembers(viewer.organisation.id),
		listAuditEvents(viewer.organisation.id, {
			userId: filter.person,
			types: filter.kind ? auditKinds[filter.kind] : undefined,
			limit: PAGE,
		}),
	])
	const people = [...active, ...deactivated].map((m) => ({ id: m.id, name: m.name }))
	const names = new Map(people.map((p) => [p.id, p.name]))
	return json({
		filter,
		people,
		events: events.map((e) => ({
			id: e.id,
			at: e.createdAt,
			what: auditEventLabel(e.type),
			type: e.type,
			who: e.userName ?? (e.userId ? 'a former member' : 'someone unknown'),
			detail: describe(e.detail, names),
			ip: e.ip,
		})),
		limit: PAGE,
	})
}

export default function AuditLogPage() {
	const { filter, people, events, limit } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Audit log</h1>
					<p>Sign-ins, failed sign-ins, denied access, and changes to memberships and teams in your organisation.</p>
				</div>
			</div>
			<div className="card">
				<Form method="get" className="form form--inline">
					<div className="field grow-2">
						<label htmlFor="audit-person">Person</label>
						<select id="audit-person" name="person" defaultValue={filter.person ?? ''}>
							<option value="">Everyone</option>
							{people.map((p) => (
								<option key={p.id} value={p.id}>
									{p.name}
								</option>
							))}
						</select>
					</div>
					<div className="field grow-1">
						<label htmlFor="audit-kind">Kind</label>
						<select id="audit-kind" name="kind" defaultValue={filter.kind ?? ''}>
							<option value="">All kinds</option>
							{auditKindNames.map((k) => (
								<option key={k} value={k}>
									{auditKindLabels[k]}
								</option>
							))}
						</select>
					</div>
					<button className="button button--secondary">Show</button>
				</Form>
			</div>
			<div className="card">
				{events.length === 0 ? (
					<p className="muted">Nothing recorded for this choice.</p>
				) : (
					<div className="table-scroll">
						<table className="table" data-testid="audit-events">
							<thead>
								<tr>
									<th>When</th>
									<th>Who</th>
									<th>What</th>
									<th>Details</th>
									<th>Address</th>
								</tr>
							</thead>
							<tbody>
								{events.map((e) => (
									<tr key={e.id} data-type={e.type}>
										<td data-label="When">{formatDateTime(e.at)}</td>
										<td data-label="Who">{e.who}</td>
										<td data-label="What">{e.what}</td>
										<td data-label="Details">{e.detail}</td>
										<td data-label="Address">{e.ip ?? ''}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				{events.length === limit ? (
					<p className="small muted">Showing the newest {limit}. Choose a person or a kind to see further back.</p>
				) : null}
			</div>
		</>
	)
}
