import { and, count, eq, inArray, ne } from 'drizzle-orm'
import { getDb, type Transaction } from '#db/client.server.ts'
import { assessmentResults, attempts, auditEvents, invitations, memberships, teams } from '#db/schema.ts'
import type { FirstRunFacts } from '#app/domain/accounts/first-run.ts'

// Every query is scoped to the organisation, and the personal ones to the viewer.
export async function loadFirstRunFacts(organisationId: string, userId: string): Promise<FirstRunFacts> {
	const db = getDb()
	const one = async (q: Promise<Array<{ n: number }>>) => Number((await q)[0]?.n ?? 0)
	const [teamCount, invitationCount, otherMembers, results, ownAttempts, visits, membership] = await Promise.all([
		one(db.select({ n: count() }).from(teams).where(eq(teams.organisationId, organisationId))),
		one(db.select({ n: count() }).from(invitations).where(eq(invitations.organisationId, organisationId))),
		one(
			db
				.select({ n: count() })
				.from(memberships)
				.where(and(eq(memberships.organisationId, organisationId), ne(memberships.userId, userId))),
		),
		one(
			db
				.select({ n: count() })
				.from(assessmentResults)
				.where(and(eq(assessmentResults.organisationId, organisationId), eq(assessmentResults.userId, userId))),
		),
		one(
			db
				.select({ n: count() })
				.from(attempts)
				.where(and(eq(attempts.organisationId, organisationId), eq(attempts.userId, userId))),
		),
		// Each way in leaves one audit row, so their number is the number of visits.
		one(
			db
				.select({ n: count() })
				.from(auditEvents)
				.where(
					and(
						eq(auditEvents.organisationId, organisationId),
						eq(auditEvents.userId, userId),
						inArray(auditEvents.type, ['sign_up', 'invitation_accepted', 'sign_in']),
					),
				),
		),
		db
			.select({ dismissedAt: memberships.checklistDismissedAt })
			.from(memberships)
			.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId))),
	])
	return {
		teams: teamCount,
		invitedOrJoined: invitationCount + otherMembers,
		ownAssessmentResults: results,
		ownAttempts,
		visits,
		checklistDismissed: Boolean(membership[0]?.dismissedAt),
	}
}

// Returns false when there is no such membership (nothing was written).
export async function markChecklistDismissed(
	tx: Transaction,
	organisationId: string,
	userId: string,
	at: Date,
): Promise<boolean> {
	const rows = await tx
		.update(memberships)
		.set({ checklistDismissedAt: at })
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
		.returning({ userId: memberships.userId })
	return rows.length > 0
}
