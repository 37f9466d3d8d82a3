import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { memberships, skillLevels } from '#db/schema.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { createAssignment, startAssignment } from '#app/services/assignments.server.ts'
import { teamDashboard } from '#app/services/coach-dashboard.server.ts'
import { startAttempt } from '#app/services/play.server.ts'
import { addDays, todayInZone } from '#app/domain/coaching/dates.ts'
import { loader as dashboardLoader } from '#app/routes/teams.$teamId.dashboard.tsx'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { playToEnd, staff, teamWith, viewerOf } from '#tests/support/coaching.ts'
import { getRequest, settle, testContext } from '#tests/support/requests.ts'

describe('coach dashboard', () => {
	it('counts assigned and shared work only, marks overdue and quiet learners, and is the team coaches’ own', async () => {
		const org = await createOrganisation('Dash Org')
		const o = org.organisationId
		const coach = await addMember(o, org.admin.id, 'coach', 'Cora Coach')
		const otherCoach = await addMember(o, org.admin.id, 'coach', 'Otto Other')
		const ana = await addMember(o, org.admin.id, 'learner', 'Ana')
		const ben = await addMember(o, org.admin.id, 'learner', 'Ben')
		const teamId = await teamWith(o, org.admin.id, 'Blue', { coaches: [coach.id], learners: [ana.id, ben.id] })
		await teamWith(o, org.admin.id, 'Red', { coaches: [otherCoach.id] })
		const asCoach = staff(o, coach.id, 'coach')
		const slug = getScenarioLibrary().scenarios[0]!.id
		const due = addDays(todayInZone(new Date(), 'UTC'), 1)
		const made = await createAssignment(asCoach, {
			kind: 'scenario',
			scenarioSlug: slug,
			target: { teamId },
			dueOn: due,
		})
		if (!made.ok) throw new Error(made.message)
		// Ana does the assigned scenario; Ben only practises privately, which the coach must not see.
		const anaViewer = viewerOf(o, ana.id, 'learner')
		const started = await startAssignment(anaViewer, { assignmentId: made.value.id })
		if (!started.ok) throw new Error(started.message)
		await playToEnd(anaViewer, started.value.attemptId)
		const benViewer = viewerOf(o, ben.id, 'learner')
		const privateRun = await startAttempt(benViewer, { scenarioId: slug })
		if (!privateRun.ok) throw new Error(privateRun.message)
		await playToEnd(benViewer, privateRun.value.attemptId)

		const now = await teamDashboard(asCoach, teamId)
		if (!now.ok) throw new Error(now.message)
		const row = (name: string) => now.value.learners.find((l) => l.name === name)!
		expect(row('Ana').assignments).toEqual({ total: 1, done: 1, overdue: 0 })
		expect(row('Ana').lastActivity).not.toBeNull()
		expect(row('Ben').assignments).toEqual({ total: 1, done: 0, overdue: 0 })
		expect(row('Ben').lastActivity).toBeNull()
		// Nobody shares style or skills (the defaults): no style, no levels, no team map.
		expect(now.value.learners.every((l) => l.style === null && l.skills.length === 0)).toBe(true)
		expect(now.value.teamMap).toBeNull()

		// Three weeks on: Ben's item is overdue and he has been quiet; Ana has no overdue work.
		const later = await teamDashboard(asCoach, teamId, new Date(Date.now() + 21 * 86_400_000))
		if (!later.ok) throw new Error(later.message)
		const benLater = later.value.learners.find((l) => l.name === 'Ben')!
		expect(benLater.attention).toEqual([
			'1 overdue assignment',
			expect.stringMatching(/^no shared or assigned activity yet \(2\d days in the team\)$/),
		])
		expect(later.value.learners.find((l) => l.name === 'Ana')!.attention).toEqual([
			expect.stringMatching(/^no shared or assigned activity for 2\d days$/),
		])

		// Shared style shows only for those who share it (flag set as coach-share's sharing control would).
		await getDb()
			.update(memberships)
			.set({ shareStyle: true })
			.where(and(eq(memberships.organisationId, o), eq(memberships.userId, ana.id)))
		const shared = await teamDashboard(asCoach, teamId)
		expect(shared.ok && shared.value.sharingStyle).toBe(0) // Ana shares, but has no assessment result yet

		// Skill levels come from the 'shared' rollup (the assigned attempt above already wrote one; set to a
		// known value here) and show only for a learner who shares them.
		await getDb()
			.insert(skillLevels)
			.values(
				[ana.id, ben.id].map((userId) => ({
					organisationId: o,
					userId,
					scope: 'shared' as const,
					skill: 'empathy',
					level: 61.6,
					attempts: 1,
				})),
			)
			.onConflictDoUpdate({
				target: [skillLevels.organisationId, skillLevels.userId, skillLevels.scope, skillLevels.skill],
				set: { level: 61.6, attempts: 1 },
			})
		await getDb()
			.update(memberships)
			.set({ shareSkills: true })
			.where(and(eq(memberships.organisationId, o), eq(memberships.userId, ana.id)))
		const levels = await teamDashboard(asCoach, teamId)
		if (!levels.ok) throw new Error(levels.message)
		// Ana's assigned attempt also wrote her other shared levels; empathy is the one set above.
		expect(levels.value.learners.find((l) => l.name === 'Ana')!.skills).toEqual(
			expect.arrayContaining([{ skill: 'empathy', label: 'Empathy', level: 62, attempts: 1, trend: null }]),
		)
		expect(levels.value.learners.find((l) => l.name === 'Ben')!.skills).toEqual([])

		// Another team's coach gets 403; another organisation's team is not found; the route says so too.
		expect(await teamDashboard(staff(o, otherCoach.id, 'coach'), teamId)).toMatchObject({ kind: 'forbidden' })
		const elsewhere = await createOrganisation('Elsewhere')
		expect(await teamDashboard(staff(elsewhere.organisationId, elsewhere.admin.id, 'admin'), teamId)).toMatchObject({
			kind: 'not-found',
		})
		const load = async (userId: string, organisationId: string) =>
			(
				await settle(
					dashboardLoader({
						request: getRequest(`/teams/${teamId}/dashboard`, await sessionCookieFor(userId, organisationId)),
						params: { teamId },
						context: testContext(),
					}),
				)
			).status
		expect(await load(coach.id, o)).toBe(200)
		expect(await load(org.admin.id, o)).toBe(200)
		expect(await load(otherCoach.id, o)).toBe(403)
		expect(await load(ana.id, o)).toBe(403)
		expect(await load(elsewhere.admin.id, elsewhere.organisationId)).toBe(404)
	})
})
