import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import { attempts, decisions, scenarioVersions } from '#db/schema.ts'

export type AttemptRow = typeof attempts.$inferSelect

export async function ensureScenarioVersion(input: {
	slug: string
	contentHash: string
	title: string
	definition: Record<string, unknown>
}): Promise<string> {
	const db = getDb()
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

export async function getScenarioVersion(id: string) {
	const [row] = await getDb().select().from(scenarioVersions).where(eq(scenarioVersions.id, id))
	return row
}

export async function createAttempt(input: {
	organisationId: string
	userId: string
	scenarioVersionId: string
	scenarioSlug: string
	snapshot: Record<string, unknown>
}): Promise<AttemptRow> {
	const [row] = await getDb().insert(attempts).values(input).returning()
	if (!row) throw new Error('insert returned no row')
	return row
}

// The learner's own attempt only: anyone else's (or another organisation's) is not found.
export async function getOwnAttempt(organisationId: string, userId: string, attemptId: string) {
	const [row] = await getDb()
		.select()
		.from(attempts)
		.where(and(eq(attempts.organisationId, organisationId), eq(attempts.id, attemptId), eq(attempts.userId, userId)))
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

export type DecisionInput = {
	nodeId: string
	choiceId: string
	metersAfter: Record<string, number>
}

export type RecordDecisionResult = { ok: true; step: number } | { ok: false; reason: 'stale' }

// The heart of "never lose or double a decision": the attempt row moves from step N
// to N+1 only if it is still at N, and the decision row (unique on attempt + step) is
// written in the same transaction. A double-submit, a replay or a second tab that
// saw step N finds the row at N+1 and writes nothing.
export async function recordDecision(input: {
	organisationId: string
	userId: string
	attemptId: string
	expectedStep: number
	snapshot: Record<string, unknown>
	finished: boolean
	decision: DecisionInput
	now?: Date
}): Promise<RecordDecisionResult> {
	const now = input.now ?? new Date()
	return getDb().transaction(async (tx) => {
		const [current] = await tx
			.select({ stepStartedAt: attempts.stepStartedAt })
			.from(attempts)
			.where(
				and(
					eq(attempts.organisationId, input.organisationId),
					eq(attempts.id, input.attemptId),
					eq(attempts.userId, input.userId),
				),
			)
		const [updated] = await tx
			.update(attempts)
			.set({
				snapshot: input.snapshot,
				step: input.expectedStep + 1,
				stepStartedAt: now,
				...(input.finished ? { status: 'completed' as const, completedAt: now } : {}),
			})
			.where(
				and(
					eq(attempts.organisationId, input.organisationId),
					eq(attempts.id, input.attemptId),
					eq(attempts.userId, input.userId),
					eq(attempts.step, input.expectedStep),
					eq(attempts.status, 'in_progress'),
				),
			)
			.returning({ step: attempts.step })
		if (!updated) return { ok: false, reason: 'stale' }
		const msTaken = current ? Math.max(0, now.getTime() - current.stepStartedAt.getTime()) : 0
		await tx.insert(decisions).values({
			organisationId: input.organisationId,
			attemptId: input.attemptId,
			step: updated.step,
			nodeId: input.decision.nodeId,
			choiceId: input.decision.choiceId,
			metersAfter: input.decision.metersAfter,
			msTaken: Math.min(msTaken, 2_147_483_647),
		})
		return { ok: true, step: updated.step }
	})
}

export async function listDecisions(organisationId: string, attemptId: string) {
	return getDb()
		.select()
		.from(decisions)
		.where(and(eq(decisions.organisationId, organisationId), eq(decisions.attemptId, attemptId)))
		.orderBy(asc(decisions.step))
}

export async function abandonAttempt(organisationId: string, userId: string, attemptId: string): Promise<boolean> {
	const rows = await getDb()
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
