import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '#app/auth/session.server.ts'
import { SubmitButton } from '#app/components/submit-button.tsx'
import { getOrganisationTimeZone } from '#app/data/assignments.server.ts'
import { timeZones, todayInZone } from '#app/domain/coaching/dates.ts'
import { setTimeZone } from '#app/services/assignments.server.ts'
import { readFormData } from '#app/utils/http.server.ts'
import { failureStatus } from '#app/utils/service-response.server.ts'

export const meta: MetaFunction = () => [{ title: 'Organisation settings · Attune' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
	const viewer = await requirePermission(request, context, 'organisation.manage-settings')
	const timeZone = await getOrganisationTimeZone(viewer.organisation.id)
	return json({ timeZone, today: todayInZone(new Date(), timeZone), zones: timeZones() })
}

export async function action({ request, context }: ActionFunctionArgs) {
	const viewer = await requirePermission(request, context, 'organisation.manage-settings')
	const parsed = z
		.object({ timeZone: z.string().trim().min(1, 'Choose a time zone.').max(64) })
		.safeParse(Object.fromEntries(await readFormData(request)))
	if (!parsed.success)
		return json({ message: parsed.error.issues[0]?.message ?? 'Choose a time zone.' }, { status: 400 })
	const actor = {
		userId: viewer.user.id,
		organisationId: viewer.organisation.id,
		ip: context.clientIp,
		role: viewer.role,
	}
	const result = await setTimeZone(actor, parsed.data.timeZone)
	if (!result.ok) return json({ message: result.message }, { status: failureStatus(result) })
	return json({ message: null })
}

export default function OrganisationSettings() {
	const { timeZone, today, zones } = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	return (
		<>
			<div className="page-header">
				<div>
					<h1>Organisation settings</h1>
					<p>
						Due dates of <Link to="/assignments">assignments</Link> are calendar dates in the organisation&apos;s time
						zone: an item becomes overdue when that day is over there.
					</p>
				</div>
			</div>
			<section className="card" aria-labelledby="tz-heading">
				<h2 id="tz-heading">Time zone</h2>
				{reply ? (
					<div className={reply.message ? 'alert alert--error' : 'alert alert--ok'} role="status">
						{reply.message ?? 'Time zone saved.'}
					</div>
				) : null}
				<Form method="post" className="form">
					<div className="field">
						<label htmlFor="time-zone">Time zone</label>
						<select id="time-zone" name="timeZone" defaultValue={timeZone}>
							{zones.map((z) => (
								<option key={z} value={z}>
									{z}
								</option>
							))}
						</select>
						<p className="small muted flush">
							Now: {timeZone}, where today is {today}.
						</p>
					</div>
					<SubmitButton pendingLabel="Saving…">Save time zone</SubmitButton>
				</Form>
			</section>
			<p className="small">
				<Link to="/admin/paths">Onboarding paths</Link>
			</p>
		</>
	)
}
