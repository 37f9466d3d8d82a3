import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb, rowsOf } from '#db/client.server.ts'
import { assignments, attempts, auditEvents, coachingNotes, memberships, users } from '#db/schema.ts'
import { action as accountAction } from '#app/routes/account.tsx'
import { loader as exportLoader } from '#app/routes/account_.export.ts'
import { action as loginAction } from '#app/routes/login.tsx'
import { acceptBySigningIn, createInvitation } from '#app/services/invitations.server.ts'
import { changeRole } from '#app/services/members.server.ts'
import { issuePasswordReset } from '#app/services/passwords.server.ts'
import { changeTeamPerson, createTeam } from '#app/services/teams.server.ts'
import { addMember, createOrganisation, PASSWORD, sessionCookieFor } from '#tests/support/factories.ts'
import { playToEnd, takeAssessment } from '#tests/support/learner-activity.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

// Columns that name a person or a membership (DESIGN §7, deletion): found from the catalogue, so a
// table another change adds is searched too.
async function personColumns() {
	const rows = rowsOf<{ table_name: string; column_name: string }>(
		await getDb().execute(sql`
			select c.table_name, c.column_name from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
			where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
			and (c.column_name in ('user_id', 'learner_id', 'author_id', 'created_by', 'assigned_by', 'invited_by', 'member_id')
				or c.column_name like '%actor%')
			order by 1, 2`),
	)
	return rows
}

// Every text or JSON column of every table: where an e-mail address could hide.
async function textColumns() {
	return rowsOf<{ table_name: string; column_name: string }>(
		await getDb().execute(sql`
			select c.table_name, c.column_name from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
			where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
			and c.data_type in ('text', 'character varying', 'jsonb', 'json')
			order by 1, 2`),
	)
}

async function countWhere(table: string, column: string, predicate: ReturnType<typeof sql>, organisationId?: string) {
	const orgFilter = organisationId ? sql` and ${sql.identifier('organisation_id')}::text = ${organisationId}` : sql``
	const [row] = rowsOf<{ n: number | string }>(
		await getDb().execute(
			sql`select count(*) as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text ${predicate}${orgFilter}`,
		),
	)
	return Number(row?.n ?? 0)
}

async function hasOrganisationColumn(table: string) {
	const rows = rowsOf(
		await getDb().execute(
			sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = 'organisation_id'`,
		),
	)
	return rows.length > 0
}

// What still names the person: ids (their user id and their memberships' actor ids) in person
// columns, and their e-mail anywhere in text or JSON. Optionally within one organisation.
async function traces(values: { userId: string; actorIds: string[]; email: string }, organisationId?: string) {
	const found: string[] = []
	for (const { table_name, column_name } of await personColumns()) {
		if (organisationId && !(await hasOrganisationColumn(table_name))) continue
		for (const id of [values.userId, ...values.actorIds]) {
			if ((await countWhere(table_name, column_name, sql`= ${id}`, organisationId)) > 0)
				found.push(`${table_name}.${column_name}`)
		}
	}
	for (const { table_name, column_name } of await textColumns()) {
		if (organisationId && !(await hasOrganisationColumn(table_name))) continue
		const n = await countWhere(table_name, column_name, sql`ilike ${`%${values.email}%`}`, organisationId)
		if (n > 0) found.push(`${table_name}.${column_name} (e-mail)`)
		const m = await countWhere(table_name, column_name, sql`like ${`%${values.userId}%`}`, organisationId)
		if (m > 0) found.push(`${table_name}.${column_name} (id in text)`)
	}
	return [...new Set(found)]
}

function deleteData(cookie: string, scope: 'organisation' | 'account', password: string) {
	return settle(
		accountAction({
			request: formRequest('/account', { intent: 'delete-data', scope, password }, { cookie }),
			params: {},
			context: testContext(),
		}),
	)
}

// A learner with a full history in two organisations, a coach's note and an assignment about
// them, and admin actions that name them in the audit log.
async function personWithHistory() {
	const a = await createOrganisation('Org A')
	const b = await createOrganisation('Org B')
	const learner = await addMember(a.organisationId, a.admin.id, 'learner', 'Lena Leaving')
	const coach = await addMember(a.organisationId, a.admin.id, 'coach', 'Cody Coach')
	const actorA = { userId: a.admin.id, organisationId: a.organisationId, ip: null }
	const team = await createTeam(actorA, 'Front desk')
	if (!team.ok) throw new Error(team.message)
	for (const [userId, position] of [
		[learner.id, 'member'],
		[coach.id, 'coach'],
	] as const) {
		const added = await changeTeamPerson(actorA, { intent: 'add-person', teamId: team.value.id, userId, position })
		if (!added.ok) throw new Error(added.message)
	}
	// The same person joins org B by signing in to accept.
	const invitedB = await createInvitation(
		{ userId: b.admin.id, organisationId: b.organisationId, ip: null },
		{ email: learner.email, role: 'learner' },
	)
	if (!invitedB.ok) throw new Error(invitedB.message)
	expect((await acceptBySigningIn(invitedB.value.token, { password: PASSWORD }, null)).ok).toBe(true)

	const cookieA = await sessionCookieFor(learner.id, a.organisationId)
	const cookieB = await sessionCookieFor(learner.id, b.organisationId)
	await takeAssessment(cookieA)
	await playToEnd(cookieA, 0)
	await playToEnd(cookieB, 1)
	// No coaching services on this branch yet: the coach's note and assignment are plain rows.
	await getDb()
		.insert(coachingNotes)
		.values({ organisationId: a.organisationId, learnerId: learner.id, authorId: coach.id, body: 'Nice pacing.' })
	await getDb()
		.insert(assignments)
		.values({ organisationId: a.organisationId, kind: 'assessment', userId: learner.id, assignedBy: coach.id })
	// A note the learner wrote as someone's coach would stay, without their name: here they
	// assign work to the coach (as if they were staff) to show the "set null" path.
	await getDb()
		.insert(assignments)
		.values({ organisationId: a.organisationId, kind: 'assessment', userId: coach.id, assignedBy: learner.id })
	expect((await issuePasswordReset(actorA, learner.id)).ok).toBe(true)
	expect((await changeRole(actorA, learner.id, 'coach')).ok).toBe(true)
	expect((await changeRole(actorA, learner.id, 'learner')).ok).toBe(true)
	// A failed sign-in leaves a rate-limit key with the address (it expires on its own).
	await settle(
		loginAction({
			request: formRequest('/login', { email: learner.email, password: 'wrong password' }),
			params: {},
			context: testContext(),
		}),
	)
	// Sessions opened after the reset link (which ended every session of theirs).
	const cookie = await sessionCookieFor(learner.id, a.organisationId)
	const cookieB2 = await sessionCookieFor(learner.id, b.organisationId)
	const actorIds = (
		await getDb().select({ actorId: memberships.actorId }).from(memberships).where(eq(memberships.userId, learner.id))
	).map((m) => m.actorId)
	return {
		a,
		b,
		learner,
		coach,
		cookie,
		cookieB: cookieB2,
		actorIds,
		values: { userId: learner.id, actorIds, email: learner.email },
	}
}

describe('leaving with your data: the export', () => {
	it('gives the learner all their own data as JSON, across organisations, and nothing of anyone else’s', async () => {
		const { learner, cookie, a, b } = await personWithHistory()
		const res = await settle(
			exportLoader({ request: getRequest('/account/export', cookie), params: {}, context: testContext() }),
		)
		expect(res.status).toBe(200)
		expect(res.headers.get('Content-Disposition')).toMatch(
			/^attachment; filename="attune-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
		)
		type Rows = unknown[]
		const data = (await res.json()) as {
			profile: { email: string }
			organisations: Array<{
				membership: { organisationId: string }
				assessmentAttempts: Rows
				assessmentResults: Rows
				attempts: Rows
				decisions: Rows
				debriefs: Rows
				skillScores: Rows
				skillLevels: Rows
				coachingNotes: Rows
				assignments: Rows
				teams: Rows
				auditEvents: Rows
			}>
		}
		expect(data.profile.email).toBe(learner.email)
		expect(JSON.stringify(data)).not.toMatch(/argon2|passwordHash|tokenHash/)
		const inA = data.organisations.find((o) => o.membership.organisationId === a.organisationId)!
		const inB = data.organisations.find((o) => o.membership.organisationId === b.organisationId)!
		expect(inA.assessmentAttempts).toHaveLength(1)
		expect(Object.keys((inA.assessmentAttempts[0] as { answers: object }).answers).length).toBeGreaterThan(10)
		expect(inA.assessmentResults).toHaveLength(1)
		expect(inA.attempts).toHaveLength(1)
		expect(inA.decisions.length).toBeGreaterThan(1)
		expect(inA.debriefs).toHaveLength(1)
		expect(inA.skillScores.length).toBeGreaterThan(0)
		expect(inA.skillLevels.length).toBeGreaterThan(0)
		expect(inA.coachingNotes).toEqual([expect.objectContaining({ author: 'Cody Coach', body: 'Nice pacing.' })])
		expect(inA.assignments).toHaveLength(1)
		expect(inA.teams).toEqual([expect.objectContaining({ name: 'Front desk', position: 'member' })])
		const types = inA.auditEvents.map((e) => (e as { type: string }).type)
		expect(types).toEqual(expect.arrayContaining(['invitation_accepted', 'password_reset_issued', 'role_changed']))
		expect(inB.attempts).toHaveLength(1)
		expect(inB.coachingNotes).toEqual([])
		const [exported] = await getDb()
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.userId, learner.id), eq(auditEvents.type, 'data_exported')))
		expect(exported).toBeDefined()
	})

	it('needs a session', async () => {
		const res = await settle(
			exportLoader({ request: getRequest('/account/export'), params: {}, context: testContext() }),
		)
		expect(res.status).toBe(302)
		expect(res.headers.get('Location')).toMatch(/^\/login/)
	})
})

describe('the one deletion service', () => {
	it('deletes a person’s data in one organisation, then their whole account, leaving only its own audit rows', async () => {
		const { a, b, learner, coach, cookie, cookieB, actorIds, values } = await personWithHistory()
		// Before: the person is all over both organisations.
		const before = await traces(values)
		expect(before).toEqual(
			expect.arrayContaining([
				'attempts.user_id',
				'coaching_notes.learner_id',
				'audit_events.user_id',
				'memberships.actor_id',
			]),
		)

		// A wrong password deletes nothing and counts as a failed re-entry.
		const wrong = await deleteData(cookie, 'organisation', 'not my password')
		expect(wrong.status).toBe(400)
		expect(await traces(values, a.organisationId)).not.toEqual([])

		const inA = await deleteData(cookie, 'organisation', PASSWORD)
		expect(inA.status).toBe(302)
		expect(inA.headers.get('Location')).toBe('/login?deleted=1')
		const left = await traces(values, a.organisationId)
		console.log('after deleting in org A, traces in org A:', left)
		expect(left).toEqual([])
		// Org B and the account are untouched; the coach's work stays without the person's name.
		expect(await getDb().select().from(attempts).where(eq(attempts.organisationId, b.organisationId))).toHaveLength(1)
		expect(await getDb().select().from(users).where(eq(users.id, learner.id))).toHaveLength(1)
		const [kept] = await getDb().select().from(assignments).where(eq(assignments.userId, coach.id))
		expect(kept?.assignedBy).toBeNull()
		const [deletionA] = await getDb()
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organisationId, a.organisationId), eq(auditEvents.type, 'data_deleted')))
		expect(deletionA).toMatchObject({
			userId: null,
			ip: null,
			detail: expect.objectContaining({ scope: 'organisation' }),
		})
		const opaqueA = (deletionA!.detail as { subject: string }).subject
		// The admin's trail keeps what was done, naming the person only by the opaque id.
		const roleChanges = await getDb()
			.select({ detail: auditEvents.detail })
			.from(auditEvents)
			.where(and(eq(auditEvents.organisationId, a.organisationId), eq(auditEvents.type, 'role_changed')))
		expect(roleChanges.map((r) => r.detail.memberId)).toEqual([opaqueA, opaqueA])

		// Whole account, from org B.
		const all = await deleteData(cookieB, 'account', PASSWORD)
		expect(all.status).toBe(302)
		expect(all.headers.get('Location')).toBe('/login?deleted=1')
		const everywhere = await traces(values)
		console.log('after deleting the account, traces anywhere:', everywhere)
		// Rate-limit keys carry the address of a failed sign-in; they expire on their own (DESIGN §7).
		expect(everywhere).toEqual(['rate_limit_events.bucket (e-mail)'])
		const deletionRows = await getDb().select().from(auditEvents).where(eq(auditEvents.type, 'data_deleted'))
		const mine = deletionRows.filter((r) => [a.organisationId, b.organisationId].includes(r.organisationId ?? ''))
		expect(mine).toHaveLength(2)
		for (const row of mine) {
			expect(JSON.stringify(row)).not.toContain(learner.email)
			expect(JSON.stringify(row)).not.toContain(learner.id)
		}
		expect(actorIds).toHaveLength(2)
		// They can no longer sign in.
		const signIn = await settle(
			loginAction({
				request: formRequest('/login', { email: learner.email, password: PASSWORD }),
				params: {},
				context: testContext(),
			}),
		)
		expect(signIn.status).toBe(401)
	})

	it('refuses to leave an organisation without an admin', async () => {
		const { organisationId, admin } = await createOrganisation()
		const cookie = await sessionCookieFor(admin.id, organisationId)
		const res = await deleteData(cookie, 'account', PASSWORD)
		expect(res.status).toBe(409)
		expect(await getDb().select().from(users).where(eq(users.id, admin.id))).toHaveLength(1)
	})
})
