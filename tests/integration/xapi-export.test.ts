import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { attempts, decisions, memberships, skillLevels, users } from '#db/schema.ts'
import { loader as xapiLoader } from '#app/routes/exports.xapi.ts'
import { loader as csvLoader } from '#app/routes/teams.$teamId.progress[.]csv.ts'
import { takeAssessment } from '#tests/support/learner-activity.ts'
import { statementSchema } from '#app/domain/xapi/statement-schema.ts'
import { changeTeamPerson, createTeam } from '#app/services/teams.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { playToEnd } from '#tests/support/learner-activity.ts'
import { getRequest, settle, testContext } from '#tests/support/requests.ts'

async function exportAs(cookie: string, query: string) {
	const res = await settle(
		xapiLoader({ request: getRequest(`/exports/xapi?${query}`, cookie), params: {}, context: testContext() }),
	)
	return {
		status: res.status,
		statements: res.status === 200 ? ((await res.json()) as Array<Record<string, unknown>>) : [],
	}
}

// No sharing service on this branch: sharing is the attempt's visibility column (coach-share owns the service).
const setVisibility = (attemptId: string, visibility: 'private' | 'shared') =>
	getDb()
		.update(attempts)
		.set({ visibility, sharedAt: visibility === 'shared' ? new Date() : null })
		.where(eq(attempts.id, attemptId))

async function teamWithLearner() {
	const org = await createOrganisation('xAPI Org')
	const actor = { userId: org.admin.id, organisationId: org.organisationId, ip: null }
	const learner = await addMember(org.organisationId, org.admin.id, 'learner', 'Lou')
	const coach = await addMember(org.organisationId, org.admin.id, 'coach', 'Cat')
	const otherCoach = await addMember(org.organisationId, org.admin.id, 'coach', 'Oz')
	const team = await createTeam(actor, 'Support')
	const other = await createTeam(actor, 'Sales')
	if (!team.ok || !other.ok) throw new Error('team')
	await changeTeamPerson(actor, { intent: 'add-person', teamId: team.value.id, userId: learner.id, position: 'member' })
	await changeTeamPerson(actor, { intent: 'add-person', teamId: team.value.id, userId: coach.id, position: 'coach' })
	await changeTeamPerson(actor, {
		intent: 'add-person',
		teamId: other.value.id,
		userId: otherCoach.id,
		position: 'coach',
	})
	const learnerCookie = await sessionCookieFor(learner.id, org.organisationId)
	const privateAttempt = await playToEnd(learnerCookie, 0)
	const sharedAttempt = await playToEnd(learnerCookie, 1)
	await setVisibility(sharedAttempt, 'shared')
	return {
		...org,
		learner,
		teamId: team.value.id,
		privateAttempt,
		sharedAttempt,
		learnerCookie,
		coachCookie: await sessionCookieFor(coach.id, org.organisationId),
		otherCoachCookie: await sessionCookieFor(otherCoach.id, org.organisationId),
		adminCookie: await sessionCookieFor(org.admin.id, org.organisationId),
	}
}

const registrations = (statements: Array<Record<string, unknown>>) =>
	[...new Set(statements.map((s) => (s.context as { registration: string }).registration))].sort()

describe('xAPI export', () => {
	it('gives the learner valid 1.0.3 statements for their attempts: one per decision, one per ending, stable ids, opaque actor', async () => {
		const t = await teamWithLearner()
		const { status, statements } = await exportAs(t.learnerCookie, 'scope=own')
		expect(status).toBe(200)
		const decisionCount = (await getDb().select().from(decisions).where(eq(decisions.organisationId, t.organisationId)))
			.length
		expect(statements.filter((s) => (s.verb as { id: string }).id.endsWith('/answered'))).toHaveLength(decisionCount)
		expect(statements.filter((s) => (s.verb as { id: string }).id.endsWith('/completed'))).toHaveLength(2)
		for (const s of statements) expect(statementSchema.safeParse(s).error?.issues ?? []).toEqual([])
		const [membership] = await getDb().select().from(memberships).where(eq(memberships.userId, t.learner.id))
		const publicUrl = getEnv().PUBLIC_URL
		for (const s of statements) {
			expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: publicUrl, name: membership!.actorId } })
			expect((s.object as { id: string }).id.startsWith(`${publicUrl}/xapi/activities/`)).toBe(true)
		}
		const text = JSON.stringify(statements)
		expect(text).not.toContain(t.learner.email)
		expect(text).not.toContain(t.learner.id)
		// Re-exporting gives the same ids: idempotent in a learning record store.
		const again = await exportAs(t.learnerCookie, 'scope=own')
		expect(again.statements.map((s) => s.id)).toEqual(statements.map((s) => s.id))
		expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length)
	})

	it('gives a coach their team’s shared attempts only, and nothing once the learner unshares', async () => {
		const t = await teamWithLearner()
		const team = await exportAs(t.coachCookie, `scope=team&team=${t.teamId}`)
		expect(team.status).toBe(200)
		expect(registrations(team.statements)).toEqual([t.sharedAttempt])
		const org = await exportAs(t.adminCookie, 'scope=organisation')
		expect(registrations(org.statements)).toEqual([t.sharedAttempt])
		await setVisibility(t.sharedAttempt, 'private')
		expect((await exportAs(t.coachCookie, `scope=team&team=${t.teamId}`)).statements).toEqual([])
		expect((await exportAs(t.adminCookie, 'scope=organisation')).statements).toEqual([])
	})

	it('refuses other teams’ coaches (403), learners the organisation (403), other organisations (404), bad queries (400)', async () => {
		const t = await teamWithLearner()
		expect((await exportAs(t.otherCoachCookie, `scope=team&team=${t.teamId}`)).status).toBe(403)
		expect((await exportAs(t.learnerCookie, `scope=team&team=${t.teamId}`)).status).toBe(403)
		expect((await exportAs(t.learnerCookie, 'scope=organisation')).status).toBe(403)
		expect((await exportAs(t.coachCookie, 'scope=organisation')).status).toBe(403)
		const elsewhere = await createOrganisation('Elsewhere')
		const stranger = await sessionCookieFor(elsewhere.admin.id, elsewhere.organisationId)
		expect((await exportAs(stranger, `scope=team&team=${t.teamId}`)).status).toBe(404)
		expect((await exportAs(t.coachCookie, 'scope=team&team=nope')).status).toBe(400)
		expect((await exportAs(t.coachCookie, 'scope=everything')).status).toBe(400)
	})
})

describe('team progress CSV', () => {
	async function csvAs(cookie: string, teamId: string) {
		const res = await settle(
			csvLoader({
				request: getRequest(`/teams/${teamId}/progress.csv`, cookie),
				params: { teamId },
				context: testContext(),
			}),
		)
		return {
			status: res.status,
			type: res.headers.get('Content-Type'),
			text: res.status === 200 ? await res.text() : '',
		}
	}

	it('follows the sharing rules: shared work only, style and skills only when the learner shares them; formula-safe', async () => {
		const t = await teamWithLearner()
		await takeAssessment(t.learnerCookie)
		await getDb()
			.update(users)
			.set({ name: '=HYPERLINK("http://evil.example","Lou")' })
			.where(eq(users.id, t.learner.id))
		// A coach-visible level (coach-share's service maintains these; here one row stands for it).
		await getDb()
			.insert(skillLevels)
			.values({
				organisationId: t.organisationId,
				userId: t.learner.id,
				scope: 'shared',
				skill: 'clarity',
				level: 0.42,
				attempts: 1,
			})
			.onConflictDoUpdate({
				target: [skillLevels.organisationId, skillLevels.userId, skillLevels.scope, skillLevels.skill],
				set: { level: 0.42, attempts: 1 },
			})
		const closed = await csvAs(t.coachCookie, t.teamId)
		expect(closed.status).toBe(200)
		expect(closed.type).toBe('text/csv; charset=utf-8')
		const [header, row] = closed.text.replace(/^\uFEFF/, '').split('\r\n')
		expect(header).toContain('Style (if shared)')
		const cells = row!.split(',')
		expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""Lou"")"`)
		expect(row).not.toMatch(/director|analyst|harmonizer|energizer|balanced/)
		// The level (42) is not there while skills are private; the date column may hold any digits.
		expect(cells).not.toContain('42')
		// One shared completed role-play; the private one is not counted.
		expect(cells).toContain('1')
		await getDb()
			.update(memberships)
			.set({ shareStyle: true, shareSkills: true })
			.where(eq(memberships.userId, t.learner.id))
		const open = await csvAs(t.coachCookie, t.teamId)
		expect(open.text).toMatch(/director|analyst|harmonizer|energizer|balanced/)
		expect(open.text).toContain(',42')
		// Raw self-assessment answers never appear.
		expect(open.text).not.toMatch(/as-01|answers/)
	})

	it('is for the team’s coaches and admins only', async () => {
		const t = await teamWithLearner()
		expect((await csvAs(t.adminCookie, t.teamId)).status).toBe(200)
		expect((await csvAs(t.otherCoachCookie, t.teamId)).status).toBe(403)
		expect((await csvAs(t.learnerCookie, t.teamId)).status).toBe(403)
		const elsewhere = await createOrganisation('Elsewhere')
		expect((await csvAs(await sessionCookieFor(elsewhere.admin.id, elsewhere.organisationId), t.teamId)).status).toBe(
			404,
		)
	})
})
