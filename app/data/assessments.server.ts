import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { assessmentAttempts, assessmentResults, organisations } from '#db/schema.ts'
import type { AssessmentForm } from '#app/domain/assessment/forms.ts'
import { assessmentResultSchema, type AssessmentResult } from '#app/domain/assessment/result.ts'

export type AssessmentAttemptRow = typeof assessmentAttempts.$inferSelect

const own = (organisationId: string, userId: string) =>
	and(eq(assessmentAttempts.organisationId, organisationId), eq(assessmentAttempts.userId, userId))

/** The form new attempts start on in this organisation (ADR 0009). */
export async function getAssessmentForm(
	organisationId: string,
	db: Database | Transaction = getDb(),
): Promise<AssessmentForm> {
	const [row] = await db
		.select({ form: organisations.assessmentForm })
		.from(organisations)
		.where(eq(organisations.id, organisationId))
	return row?.form ?? 'full'
}

export async function setAssessmentForm(tx: Transaction, organisationId: string, form: AssessmentForm) {
	await tx.update(organisations).set({ assessmentForm: form }).where(eq(organisations.id, organisationId))
}

export async function getInProgressAssessment(organisationId: string, userId: string) {
	const [row] = await getDb()
		.select()
		.from(assessmentAttempts)
		.where(and(own(organisationId, userId), eq(assessmentAttempts.status, 'in_progress')))
		.orderBy(desc(assessmentAttempts.createdAt))
		.limit(1)
	return row
}

// One attempt in progress per learner (a partial unique index): starting while one is open,
// even from two concurrent requests, lands on the open attempt. `created` says whether this call
// inserted it, so the service records the start only once.
export async function startAssessment(
	input: { organisationId: string; userId: string; instrumentVersion: string; seed: number; form?: AssessmentForm },
	db: Database | Transaction = getDb(),
): Promise<{ attempt: AssessmentAttemptRow; created: boolean }> {
	const [inserted] = await db.insert(assessmentAttempts).values(input).onConflictDoNothing().returning()
	if (inserted) return { attempt: inserted, created: true }
	const [open] = await db
		.select()
		.from(assessmentAttempts)
		.where(and(own(input.organisationId, input.userId), eq(assessmentAttempts.status, 'in_progress')))
		.limit(1)
	if (!open) throw new Error('an open attempt conflicted but cannot be read')
	return { attempt: open, created: false }
}

export async function abandonAssessment(organisationId: string, userId: string): Promise<void> {
	await getDb()
		.update(assessmentAttempts)
		.set({ status: 'abandoned' })
		.where(and(own(organisationId, userId), eq(assessmentAttempts.status, 'in_progress')))
}

export type PageSave = {
	organisationId: string
	userId: string
	attemptId: string
	page: number
	likert: Record<string, number>
	cues: Record<string, string>
	timing: { page: number; items: number; ms: number }
}

// A page's answers and timing, merged into what the attempt already holds.
const appendPage = (input: PageSave) => ({
	answers: sql`${assessmentAttempts.answers} || ${JSON.stringify(input.likert)}::jsonb`,
	cueAnswers: sql`${assessmentAttempts.cueAnswers} || ${JSON.stringify(input.cues)}::jsonb`,
	pageTimings: sql`${assessmentAttempts.pageTimings} || ${JSON.stringify([input.timing])}::jsonb`,
	page: input.page + 1,
})

// Matches only while the attempt is in progress and still on this page.
const onPage = (input: PageSave) =>
	and(
		own(input.organisationId, input.userId),
		eq(assessmentAttempts.id, input.attemptId),
		eq(assessmentAttempts.page, input.page),
		eq(assessmentAttempts.status, 'in_progress'),
	)

// Saves one page only if the attempt is still on that page: a replayed or stale
// submission matches no row and writes nothing.
export async function saveAssessmentPage(input: PageSave): Promise<boolean> {
	const rows = await getDb()
		.update(assessmentAttempts)
		.set({ ...appendPage(input), pageStartedAt: new Date() })
		.where(onPage(input))
		.returning({ page: assessmentAttempts.page })
	return rows.length > 0
}

// The last page, the completion and the scored result; the caller runs it inside one
// transaction (with its audit event).
export async function completeAssessment(
	input: PageSave & { result: AssessmentResult; style: string; angle: number; strength: number },
	tx: Database | Transaction,
): Promise<string | null> {
	const [moved] = await tx
		.update(assessmentAttempts)
		.set({ ...appendPage(input), status: 'completed', completedAt: new Date() })
		.where(onPage(input))
		.returning({ id: assessmentAttempts.id })
	if (!moved) return null
	const [result] = await tx
		.insert(assessmentResults)
		.values({
			organisationId: input.organisationId,
			attemptId: input.attemptId,
			userId: input.userId,
			instrumentVersion: input.result.instrumentVersion,
			result: input.result,
			style: input.style,
			angle: input.angle,
			strength: input.strength,
		})
		.returning({ id: assessmentResults.id })
	return result?.id ?? null
}

export async function listOwnResults(organisationId: string, userId: string) {
	return getDb()
		.select({
			id: assessmentResults.id,
			style: assessmentResults.style,
			createdAt: assessmentResults.createdAt,
			result: assessmentResults.result,
		})
		.from(assessmentResults)
		.where(and(eq(assessmentResults.organisationId, organisationId), eq(assessmentResults.userId, userId)))
		.orderBy(asc(assessmentResults.createdAt))
}

export class StoredResultError extends Error {}

// A stored result is read back through its schema: what the report shows is what was scored.
export function parseStoredResult(value: unknown): AssessmentResult {
	const parsed = assessmentResultSchema.safeParse(value)
	if (!parsed.success) throw new StoredResultError('This stored result is not in a form this version can read.')
	return parsed.data
}

// Only the learner's own result: anyone else, a coach included, is not found.
export async function getOwnResult(organisationId: string, userId: string, resultId: string) {
	const [row] = await getDb()
		.select()
		.from(assessmentResults)
		.where(
			and(
				eq(assessmentResults.organisationId, organisationId),
				eq(assessmentResults.userId, userId),
				eq(assessmentResults.id, resultId),
			),
		)
	return row
}

// For the admin's instrument statistics: each person's latest completed attempt, so that
// someone who retook the assessment counts once. Aggregates are computed from these, and
// the answers themselves never leave the server.
export async function completedAnswersFor(organisationId: string, instrumentVersion: string) {
	const rows = await getDb()
		.selectDistinctOn([assessmentAttempts.userId], {
			answers: assessmentAttempts.answers,
			form: assessmentAttempts.form,
			// Flagged results (careless-responding checks) are left out of statistics and norms.
			flagged: sql<boolean>`coalesce(jsonb_array_length(${assessmentResults.result} -> 'flags') > 0, false)`,
		})
		.from(assessmentAttempts)
		.leftJoin(
			assessmentResults,
			and(
				eq(assessmentResults.organisationId, assessmentAttempts.organisationId),
				eq(assessmentResults.attemptId, assessmentAttempts.id),
			),
		)
		.where(
			and(
				eq(assessmentAttempts.organisationId, organisationId),
				eq(assessmentAttempts.status, 'completed'),
				eq(assessmentAttempts.instrumentVersion, instrumentVersion),
			),
		)
		.orderBy(assessmentAttempts.userId, desc(assessmentAttempts.completedAt))
	return rows.map((r) => ({ answers: r.answers, form: r.form, flagged: Boolean(r.flagged) }))
}
