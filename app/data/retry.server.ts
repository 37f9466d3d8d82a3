import { and, eq, lte, sql } from 'drizzle-orm'
import { abandonOpenAttempt } from '#app/data/attempts.server.ts'
import { getDb } from '#db/client.server.ts'
import { attempts, decisions } from '#db/schema.ts'

// "Try again from here": a new attempt that starts at a turn of an earlier one, with the earlier
// decisions up to that turn copied, so its step counter and decision rows agree. Any other
// self-started attempt of the same scenario still in progress is abandoned first: there is one
// in-progress attempt per learner × scenario (DESIGN §7).
export async function createAttemptFromPrefix(input: {
	organisationId: string
	userId: string
	fromAttemptId: string
	scenarioVersionId: string
	scenarioSlug: string
	snapshot: Record<string, unknown>
	steps: number
}): Promise<string> {
	return getDb().transaction(async (tx) => {
		await abandonOpenAttempt(input, tx)
		const [row] = await tx
			.insert(attempts)
			.values({
				organisationId: input.organisationId,
				userId: input.userId,
				scenarioVersionId: input.scenarioVersionId,
				scenarioSlug: input.scenarioSlug,
				snapshot: input.snapshot,
				step: input.steps,
			})
			.returning({ id: attempts.id })
		if (!row) throw new Error('insert returned no row')
		if (input.steps > 0) {
			await tx.execute(sql`
				insert into ${decisions} (organisation_id, attempt_id, step, node_id, choice_id, meters_after, ms_taken, created_at)
				select organisation_id, ${row.id}, step, node_id, choice_id, meters_after, 0, now()
				from ${decisions}
				where ${and(
					eq(decisions.organisationId, input.organisationId),
					eq(decisions.attemptId, input.fromAttemptId),
					lte(decisions.step, input.steps),
				)}`)
		}
		return row.id
	})
}
