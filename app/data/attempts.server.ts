import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb, prepared, rowsOf, type Database, type Transaction } from '#db/client.server.ts'
import { attempts, decisions, scenarioVersions } from '#db/schema.ts'

export type AttemptRow = typeof attempts.$inferSelect

export async function ensureScenarioVersion(
	input: {
		slug: string
		contentHash: string
		title: string
		definition: Record<string, unknown>
	},
	db: Database | Transaction = getDb(),
): Promise<string> {
	const [existing] = await db
		.select({ id: scenarioVersions.id })
		.from(scenarioVersions)
		.where(eq(scenarioVersions.contentHash, input.contentHash))
	if (existing) return existing.id
	// Two first-time starts may race; the unique hash makes the second a no-op.
	await db.insert(scenarioVersions).values(input).onConflictDoNothing({ target: scenarioVersions.contentHash })
	const [row] = await db
		.select({ id: scenarioVersions.id })
		.from(scenarioVersions)
		.where(eq(scenarioVersions.contentHash, input.contentHash))
	if (!row) throw new Error('scenario version vanished after insert')
	return row.id
}

export async function getScenarioVersion(id: string, db: Database | Transaction = getDb()) {
	const [row] = await db.select().from(scenarioVersions).where(eq(scenarioVersions.id, id))
	return row
}

export type NewAttempt = {
	organisationId: string
	userId: string
	scenarioVersionId: string
	scenarioSlug: string
	snapshot: Record<string, unknown>
	assignmentId?: string | null
}

// Inserts an attempt unless the learner already has one open on this scenario (the partial
// unique index attempts_open_key): then that one is answered. "On conflict do nothing" waits for
// a concurrent insert to commit instead of failing, so two simultaneous Starts agree on one row.
export async function createOrFindOpenAttempt(
	input: NewAttempt,
	db: Database | Transaction = getDb(),
): Promise<{ row: AttemptRow; created: boolean }> {
	const [inserted] = await db.insert(attempts).values(input).onConflictDoNothing().returning()
	if (inserted) return { row: inserted, created: true }
	const [open] = await db.select().from(attempts).where(openAttemptOf(input))
	if (!open) throw new Error('an attempt insert conflicted, yet no open attempt was found')
	return { row: open, created: false }
}

type LearnerScenario = { organisationId: string; userId: string; scenarioSlug: string; assignmentId?: string | null }

// The learner's open attempt on a scenario for one assignment, or for self-started practice when
// there is none: at most one row (the partial unique indexes attempts_open_key and
// attempts_open_assigned_key).
function openAttemptOf(key: LearnerScenario) {
	return and(
		eq(attempts.organisationId, key.organisationId),
		eq(attempts.userId, key.userId),
		eq(attempts.scenarioSlug, key.scenarioSlug),
		key.assignmentId ? eq(attempts.assignmentId, key.assignmentId) : isNull(attempts.assignmentId),
		eq(attempts.status, 'in_progress'),
	)
}

/** Abandons the learner's open attempt on a scenario, if there is one. */
export async function abandonOpenAttempt(key: LearnerScenario, db: Database | Transaction = getDb()): Promise<void> {
	await db.update(attempts).set({ status: 'abandoned', completedAt: new Date() }).where(openAttemptOf(key))
}

// The learner's own attempt only: anyone else's (or another organisation's) is not found.
export async function getOwnAttempt(organisationId: string, userId: string, attemptId: string) {
	const query = prepared('own_attempt', (db) =>
		db
			.select()
			.from(attempts)
			.where(
				and(
					eq(attempts.organisationId, sql.placeholder('organisationId')),
					eq(attempts.id, sql.placeholder('attemptId')),
					eq(attempts.userId, sql.placeholder('userId')),
				),
			)
			.prepare('own_attempt'),
	)
	const [row] = await query.execute({ organisationId, attemptId, userId })
	return row
}

export async function listOwnAttempts(organisationId: string, userId: string, slugs?: string[]) {
	return getDb()
		.select({
			id: attempts.id,
			scenarioSlug: attempts.scenarioSlug,
			status: attempts.status,
			step: attempts.step,
			startedAt: attempts.startedAt,
			completedAt: attempts.completedAt,
		})
		.from(attempts)
		.where(
			and(
				eq(attempts.organisationId, organisationId),
				eq(attempts.userId, userId),
				slugs ? inArray(attempts.scenarioSlug, slugs) : undefined,
			),
		)
		.orderBy(desc(attempts.startedAt))
}

export async function listInProgressAttempts(organisationId: string, userId: string) {
	return getDb()
		.select({
			id: attempts.id,
			scenarioSlug: attempts.scenarioSlug,
			step: attempts.step,
			startedAt: attempts.startedAt,
			assignmentId: attempts.assignmentId,
		})
		.from(attempts)
		.where(
			and(eq(attempts.organisationId, organisationId), eq(attempts.userId, userId), eq(attempts.status, 'in_progress')),
		)
		.orderBy(desc(attempts.startedAt))
}

export type DecisionInput = {
	nodeId: string
	choiceId: string
	metersAfter: Record<string, number>
	// The line variants shown (null when the line has none), for the debrief and exports.
	variant?: { says?: number; narration?: number } | null
}

export type RecordDecisionResult = { ok: true; step: number } | { ok: false; reason: 'stale' }

// The heart of "never lose or double a decision": one statement moves the attempt
// from step N to N+1 only if it is still at N, and writes the decision row (unique on
// attempt + step) from the same update, so both happen or neither does. A
// double-submit, a replay or a second tab that saw step N finds the row at N+1 and
// writes nothing. One statement is also one round trip on the hot path.
export async function recordDecision(input: {
	organisationId: string
	userId: string
	attemptId: string
	expectedStep: number
	previousStepStartedAt: Date
	snapshot: Record<string, unknown>
	finished: boolean
	decision: DecisionInput
	now?: Date
	// The ending step passes its transaction, so the debrief and rollups commit with it.
	tx?: Transaction
}): Promise<RecordDecisionResult> {
	const now = input.now ?? new Date()
	const msTaken = Math.min(Math.max(0, now.getTime() - input.previousStepStartedAt.getTime()), 2_147_483_647)
	const at = now.toISOString()
	const result = await (input.tx ?? getDb()).execute(sql`
		with moved as (
			update ${attempts}
			set snapshot = ${JSON.stringify(input.snapshot)}::jsonb,
				step = step + 1,
				step_started_at = ${at}::timestamptz,
				status = case when ${input.finished} then 'completed'::attempt_status else status end,
				completed_at = case when ${input.finished} then ${at}::timestamptz else completed_at end
			where organisation_id = ${input.organisationId}
				and id = ${input.attemptId}
				and user_id = ${input.userId}
				and step = ${input.expectedStep}
				and status = 'in_progress'
			returning organisation_id, id, step
		)
		insert into ${decisions} (organisation_id, attempt_id, step, node_id, choice_id, meters_after, variant, ms_taken, created_at)
		select organisation_id, id, step, ${input.decision.nodeId}, ${input.decision.choiceId},
			${JSON.stringify(input.decision.metersAfter)}::jsonb,
			${input.decision.variant ? JSON.stringify(input.decision.variant) : null}::jsonb, ${msTaken}, ${at}::timestamptz
		from moved
		returning step`)
	const [row] = rowsOf<{ step: number }>(result)
	return row ? { ok: true, step: Number(row.step) } : { ok: false, reason: 'stale' }
}

export async function listDecisions(organisationId: string, attemptId: string) {
	return getDb()
		.select()
		.from(decisions)
		.where(and(eq(decisions.organisationId, organisationId), eq(decisions.attemptId, attemptId)))
		.orderBy(asc(decisions.step))
}

export async function abandonAttempt(
	organisationId: string,
	userId: string,
	attemptId: string,
	db: Database | Transaction = getDb(),
): Promise<boolean> {
	const rows = await db
		.update(attempts)
		.set({ status: 'abandoned', completedAt: new Date() })
		.where(
			and(
				eq(attempts.organisationId, organisationId),
				eq(attempts.id, attemptId),
				eq(attempts.userId, userId),
				eq(attempts.status, 'in_progress'),
			),
		)
		.returning({ id: attempts.id })
	return rows.length > 0
}
