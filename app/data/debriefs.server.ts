import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { attemptSkillScores, attemptStressCounts, attempts, debriefs, memberships, skillLevels } from '#db/schema.ts'
import type { DebriefContent } from '#app/domain/feedback/debrief.ts'
import { nextLevel } from '#app/domain/feedback/skill-levels.ts'

type Executor = Database | Transaction

// The ending step's extra writes, inside the caller's transaction (the one that records the
// final decision). A per-learner row lock serialises two endings of the same learner, so each
// reads the levels the other wrote and the rollup equals a recomputation in rollup_seq order.
export async function lockLearner(tx: Transaction, organisationId: string, userId: string): Promise<void> {
	await tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
		.for('update')
}

export async function writeDebrief(
	tx: Transaction,
	input: { organisationId: string; userId: string; attemptId: string; scenarioSlug: string; content: DebriefContent },
): Promise<number> {
	const { organisationId, userId, attemptId, content } = input
	const [last] = await tx
		.select({ seq: debriefs.rollupSeq })
		.from(debriefs)
		.where(and(eq(debriefs.organisationId, organisationId), eq(debriefs.userId, userId)))
		.orderBy(desc(debriefs.rollupSeq))
		.limit(1)
	const rollupSeq = (last?.seq ?? 0) + 1
	await tx.insert(debriefs).values({
		organisationId,
		attemptId,
		userId,
		rollupSeq,
		scenarioSlug: input.scenarioSlug,
		customerStyle: content.scenario.customerStyle,
		outcome: content.outcome,
		flexTurns: content.flex.turns,
		flexFit: content.flex.fit,
		assessmentResultId: content.resultId,
		rulesVersion: content.rulesVersion,
		content: content as unknown as Record<string, unknown>,
	})
	const scores = content.skills.flatMap((s) => (s.inPlay ? [{ skill: s.skill, score: s.score }] : []))
	if (scores.length) {
		await tx
			.insert(attemptSkillScores)
			.values(scores.map((s) => ({ organisationId, attemptId, userId, rollupSeq, skill: s.skill, score: s.score })))
	}
	await tx.insert(attemptStressCounts).values(
		Object.entries(content.stress).map(([reaction, c]) => ({
			organisationId,
			attemptId,
			userId,
			reaction,
			offered: c.offered,
			chosen: c.chosen,
			chosenUnderPressure: c.chosenUnderPressure,
		})),
	)
	// The learner's own rollup, one row per skill, updated from the stored level.
	const current = await tx
		.select({ skill: skillLevels.skill, level: skillLevels.level, attempts: skillLevels.attempts })
		.from(skillLevels)
		.where(
			and(eq(skillLevels.organisationId, organisationId), eq(skillLevels.userId, userId), eq(skillLevels.scope, 'own')),
		)
	const bySkill = new Map(current.map((r) => [r.skill, r]))
	// One statement for every skill: the new levels are computed here from the locked rows.
	if (scores.length) {
		await tx
			.insert(skillLevels)
			.values(
				scores.map((s) => {
					const next = nextLevel(bySkill.get(s.skill), s.score)
					return {
						organisationId,
						userId,
						scope: 'own' as const,
						skill: s.skill,
						level: next.level,
						attempts: next.attempts,
					}
				}),
			)
			.onConflictDoUpdate({
				target: [skillLevels.organisationId, skillLevels.userId, skillLevels.scope, skillLevels.skill],
				set: { level: sql`excluded.level`, attempts: sql`excluded.attempts`, updatedAt: sql`now()` },
			})
	}
	return rollupSeq
}

// The learner's own debrief only; anyone else's is not found.
export async function getOwnDebrief(organisationId: string, userId: string, attemptId: string) {
	const [row] = await getDb()
		.select()
		.from(debriefs)
		.where(
			and(eq(debriefs.organisationId, organisationId), eq(debriefs.userId, userId), eq(debriefs.attemptId, attemptId)),
		)
	return row
}

export async function listOwnDebriefs(organisationId: string, userId: string, db: Executor = getDb()) {
	return db
		.select({
			attemptId: debriefs.attemptId,
			rollupSeq: debriefs.rollupSeq,
			scenarioSlug: debriefs.scenarioSlug,
			customerStyle: debriefs.customerStyle,
			outcome: debriefs.outcome,
			flexTurns: debriefs.flexTurns,
			flexFit: debriefs.flexFit,
			createdAt: debriefs.createdAt,
			visibility: attempts.visibility,
			assigned: sql<boolean>`${attempts.assignmentId} is not null`,
		})
		.from(debriefs)
		.innerJoin(attempts, and(eq(attempts.organisationId, debriefs.organisationId), eq(attempts.id, debriefs.attemptId)))
		.where(and(eq(debriefs.organisationId, organisationId), eq(debriefs.userId, userId)))
		.orderBy(asc(debriefs.rollupSeq))
}

export async function listOwnSkillScores(organisationId: string, userId: string, db: Executor = getDb()) {
	return db
		.select({
			skill: attemptSkillScores.skill,
			score: attemptSkillScores.score,
			rollupSeq: attemptSkillScores.rollupSeq,
		})
		.from(attemptSkillScores)
		.where(and(eq(attemptSkillScores.organisationId, organisationId), eq(attemptSkillScores.userId, userId)))
		.orderBy(asc(attemptSkillScores.skill), asc(attemptSkillScores.rollupSeq))
}

export async function getOwnSkillLevels(organisationId: string, userId: string, db: Executor = getDb()) {
	return db
		.select({ skill: skillLevels.skill, level: skillLevels.level, attempts: skillLevels.attempts })
		.from(skillLevels)
		.where(
			and(eq(skillLevels.organisationId, organisationId), eq(skillLevels.userId, userId), eq(skillLevels.scope, 'own')),
		)
}

export async function ownStressTotals(organisationId: string, userId: string) {
	return getDb()
		.select({
			reaction: attemptStressCounts.reaction,
			offered: sql<number>`sum(${attemptStressCounts.offered})::int`,
			chosen: sql<number>`sum(${attemptStressCounts.chosen})::int`,
		})
		.from(attemptStressCounts)
		.where(and(eq(attemptStressCounts.organisationId, organisationId), eq(attemptStressCounts.userId, userId)))
		.groupBy(attemptStressCounts.reaction)
}
