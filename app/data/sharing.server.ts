import { and, asc, eq, sql } from 'drizzle-orm'
import type { Transaction } from '#db/client.server.ts'
import { attemptSkillScores, attempts, memberships, skillLevels } from '#db/schema.ts'
import { coachVisibleKind } from '#app/data/coach-visibility.server.ts'
import { levelFromScores, nextLevel } from '#app/domain/feedback/skill-levels.ts'

// The learner's sharing controls and the coach-visible ('shared') skill rollup (DESIGN §7: two
// rollups, the same EWMA as the learner's own, over shared and assigned attempts only).

export async function getOwnAttemptForShare(
	tx: Transaction,
	organisationId: string,
	userId: string,
	attemptId: string,
) {
	const [row] = await tx
		.select({ id: attempts.id, visibility: attempts.visibility, assignmentId: attempts.assignmentId })
		.from(attempts)
		.where(and(eq(attempts.organisationId, organisationId), eq(attempts.userId, userId), eq(attempts.id, attemptId)))
		.for('update')
	return row
}

export async function setAttemptVisibility(
	tx: Transaction,
	organisationId: string,
	attemptId: string,
	visibility: 'private' | 'shared',
): Promise<void> {
	await tx
		.update(attempts)
		.set({ visibility, sharedAt: visibility === 'shared' ? sql`now()` : null })
		.where(and(eq(attempts.organisationId, organisationId), eq(attempts.id, attemptId)))
}

/** Rebuilds the learner's 'shared' levels from scratch, replaying coach-visible scores in rollup_seq order. */
export async function recomputeSharedLevels(tx: Transaction, organisationId: string, userId: string): Promise<void> {
	const rows = await listSharedSkillScores(organisationId, userId, tx)
	const bySkill = new Map<string, number[]>()
	for (const r of rows) bySkill.set(r.skill, [...(bySkill.get(r.skill) ?? []), r.score])
	await tx
		.delete(skillLevels)
		.where(
			and(
				eq(skillLevels.organisationId, organisationId),
				eq(skillLevels.userId, userId),
				eq(skillLevels.scope, 'shared'),
			),
		)
	const values = [...bySkill].flatMap(([skill, scores]) => {
		const level = levelFromScores(scores)
		return level ? [{ organisationId, userId, scope: 'shared' as const, skill, ...level }] : []
	})
	if (values.length) await tx.insert(skillLevels).values(values)
}

/**
 * The ending of a coach-visible attempt: one more step of the 'shared' rollup, applied in the ending's
 * transaction under the learner lock (so it equals a recomputation in rollup_seq order). A private
 * attempt leaves the shared rollup alone.
 */
export async function applyEndingToSharedLevels(
	tx: Transaction,
	input: { organisationId: string; userId: string; attemptId: string; scores: { skill: string; score: number }[] },
): Promise<void> {
	const { organisationId, userId, attemptId, scores } = input
	if (!scores.length) return
	const [visible] = await tx
		.select({ id: attempts.id })
		.from(attempts)
		.where(and(eq(attempts.organisationId, organisationId), eq(attempts.id, attemptId), coachVisibleKind))
	if (!visible) return
	const current = await tx
		.select({ skill: skillLevels.skill, level: skillLevels.level, attempts: skillLevels.attempts })
		.from(skillLevels)
		.where(
			and(
				eq(skillLevels.organisationId, organisationId),
				eq(skillLevels.userId, userId),
				eq(skillLevels.scope, 'shared'),
			),
		)
	const bySkill = new Map(current.map((r) => [r.skill, r]))
	await tx
		.insert(skillLevels)
		.values(
			scores.map((s) => ({
				organisationId,
				userId,
				scope: 'shared' as const,
				skill: s.skill,
				...nextLevel(bySkill.get(s.skill), s.score),
			})),
		)
		.onConflictDoUpdate({
			target: [skillLevels.organisationId, skillLevels.userId, skillLevels.scope, skillLevels.skill],
			set: { level: sql`excluded.level`, attempts: sql`excluded.attempts`, updatedAt: sql`now()` },
		})
}

export async function getSharedSkillLevels(organisationId: string, userId: string, db: Pick<Transaction, 'select'>) {
	return db
		.select({ skill: skillLevels.skill, level: skillLevels.level, attempts: skillLevels.attempts })
		.from(skillLevels)
		.where(
			and(
				eq(skillLevels.organisationId, organisationId),
				eq(skillLevels.userId, userId),
				eq(skillLevels.scope, 'shared'),
			),
		)
}

/** The coach-visible per-attempt scores, oldest first: the series behind the shared trend charts. */
export async function listSharedSkillScores(organisationId: string, userId: string, db: Pick<Transaction, 'select'>) {
	return db
		.select({
			skill: attemptSkillScores.skill,
			score: attemptSkillScores.score,
			rollupSeq: attemptSkillScores.rollupSeq,
		})
		.from(attemptSkillScores)
		.innerJoin(
			attempts,
			and(
				eq(attempts.organisationId, attemptSkillScores.organisationId),
				eq(attempts.id, attemptSkillScores.attemptId),
			),
		)
		.where(
			and(
				eq(attemptSkillScores.organisationId, organisationId),
				eq(attemptSkillScores.userId, userId),
				coachVisibleKind,
			),
		)
		.orderBy(asc(attemptSkillScores.skill), asc(attemptSkillScores.rollupSeq))
}

export async function setSharingFlags(
	tx: Transaction,
	organisationId: string,
	userId: string,
	flags: { shareStyle?: boolean; shareSkills?: boolean },
): Promise<{ shareStyle: boolean; shareSkills: boolean } | undefined> {
	const [row] = await tx
		.update(memberships)
		.set(flags)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
		.returning({ shareStyle: memberships.shareStyle, shareSkills: memberships.shareSkills })
	return row
}
