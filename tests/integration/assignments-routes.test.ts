import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { onboardingPathItems, organisations } from '#db/schema.ts'
import { listPaths } from '#app/data/assignments.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { action as assignmentsAction, loader as assignmentsLoader } from '#app/routes/assignments._index.tsx'
import { action as orgAction } from '#app/routes/admin.organisation.tsx'
import { action as pathsAction } from '#app/routes/admin.paths.tsx'
import { loader as todoLoader } from '#app/routes/todo.$assignmentId.tsx'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { teamWith } from '#tests/support/coaching.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

describe('assignment pages', () => {
	it('refuse the wrong role, answer bad input with 400, and save a path in the order given', async () => {
		const org = await createOrganisation('Pages Org')
		const o = org.organisationId
		const learner = await addMember(o, org.admin.id, 'learner', 'Lou')
		const coach = await addMember(o, org.admin.id, 'coach', 'Cy')
		const teamId = await teamWith(o, org.admin.id, 'Blue', { coaches: [coach.id], learners: [learner.id] })
		const [admin, learnerCookie, coachCookie] = await Promise.all([
			sessionCookieFor(org.admin.id, o),
			sessionCookieFor(learner.id, o),
			sessionCookieFor(coach.id, o),
		])
		const post = (
			fn: (args: Parameters<typeof assignmentsAction>[0]) => Promise<unknown>,
			path: string,
			fields: Record<string, string>,
			cookie: string,
		) => settle(fn({ request: formRequest(path, fields, { cookie }), params: {}, context: testContext() }))

		const asLearner = await settle(
			assignmentsLoader({ request: getRequest('/assignments', learnerCookie), params: {}, context: testContext() }),
		)
		expect(asLearner.status).toBe(403)
		const slug = getScenarioLibrary().scenarios[0]!.id
		const badDate = await post(
			assignmentsAction,
			'/assignments',
			{ intent: 'assign', target: `team:${teamId}`, what: `scenario:${slug}`, dueOn: '2026-02-30' },
			coachCookie,
		)
		expect(badDate.status).toBe(400)
		const assigned = await post(
			assignmentsAction,
			'/assignments',
			{ intent: 'assign', target: `team:${teamId}`, what: `scenario:${slug}`, dueOn: '' },
			coachCookie,
		)
		expect(assigned.status).toBe(200)
		const page = (await (
			await settle(
				assignmentsLoader({ request: getRequest('/assignments', coachCookie), params: {}, context: testContext() }),
			)
		).json()) as { assignments: Array<{ id: string; target: string }> }
		expect(page.assignments.map((a) => a.target)).toEqual(['Team Blue'])
		// The learner's item page says who sees it; another organisation's person gets 404.
		const itemId = page.assignments[0]!.id
		const item = await settle(
			todoLoader({
				request: getRequest(`/todo/${itemId}`, learnerCookie),
				params: { assignmentId: itemId },
				context: testContext(),
			}),
		)
		expect(item.status).toBe(200)
		const other = await createOrganisation('Other')
		const foreign = await settle(
			todoLoader({
				request: getRequest(`/todo/${itemId}`, await sessionCookieFor(other.admin.id, other.organisationId)),
				params: { assignmentId: itemId },
				context: testContext(),
			}),
		)
		expect(foreign.status).toBe(404)

		expect((await post(orgAction, '/admin/organisation', { timeZone: 'Nowhere/Land' }, admin)).status).toBe(400)
		expect((await post(orgAction, '/admin/organisation', { timeZone: 'Asia/Tokyo' }, coachCookie)).status).toBe(403)
		expect((await post(orgAction, '/admin/organisation', { timeZone: 'Asia/Tokyo' }, admin)).status).toBe(200)
		const [row] = await getDb().select().from(organisations).where(eq(organisations.id, o))
		expect(row?.timeZone).toBe('Asia/Tokyo')

		const second = getScenarioLibrary().scenarios[1]!.id
		const saved = await post(
			pathsAction,
			'/admin/paths',
			{
				intent: 'save',
				name: 'Week one',
				'item-0-what': `scenario:${slug}`,
				'item-0-order': '2',
				'item-0-days': '5',
				'item-1-what': 'assessment',
				'item-1-order': '1',
				'item-1-days': '',
				'item-2-what': '',
				'item-2-order': '3',
			},
			admin,
		)
		expect(saved.status).toBe(200)
		const [path] = await listPaths(o)
		expect(path?.items).toEqual([
			{ position: 0, kind: 'assessment', scenarioSlug: null, dueAfterDays: null },
			{ position: 1, kind: 'scenario', scenarioSlug: slug, dueAfterDays: 5 },
		])
		const badDays = await post(
			pathsAction,
			'/admin/paths',
			{ intent: 'save', name: 'Bad', 'item-0-what': `scenario:${second}`, 'item-0-days': 'soon' },
			admin,
		)
		expect(badDays.status).toBe(400)
		expect((await post(pathsAction, '/admin/paths', { intent: 'delete', pathId: path!.id }, coachCookie)).status).toBe(
			403,
		)
		expect((await post(pathsAction, '/admin/paths', { intent: 'delete', pathId: path!.id }, admin)).status).toBe(200)
		expect(await getDb().select().from(onboardingPathItems).where(eq(onboardingPathItems.organisationId, o))).toEqual(
			[],
		)
	})
})
