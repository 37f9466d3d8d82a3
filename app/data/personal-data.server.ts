import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { type Database, type Transaction } from '#db/client.server.ts'
import {
	assessmentAttempts,
	assessmentResults,
	assignments,
	attemptSkillScores,
	attemptStressCounts,
	attempts,
	auditEvents,
	coachingNotes,
	debriefs,
	decisions,
	invitations,
	memberships,
	organisations,
	passwordResets,
	sessions,
	skillLevels,
	teamCoaches,
	teamMembers,
	teams,
	users,
} from '#db/schema.ts'

// Everything Attune holds about one person, per organisation they belong to (DESIGN §4:
// "a learner can export and delete their data"). Read inside the caller's transaction, so the
// file is one consistent snapshot.
export async function readPersonalData(tx: Transaction, userId: string) {
	{
		const [profile] = await tx
			.select({ id: users.id, name: users.name, email: users.email, createdAt: users.createdAt })
			.from(users)
			.where(eq(users.id, userId))
		if (!profile) return undefined
		const ms = await tx
			.select({
				organisationId: memberships.organisationId,
				organisationName: organisations.name,
				role: memberships.role,
				joinedAt: memberships.createdAt,
				deactivatedAt: memberships.deactivatedAt,
				shareStyle: memberships.shareStyle,
				shareSkills: memberships.shareSkills,
				actorId: memberships.actorId,
			})
			.from(memberships)
			.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
			.where(eq(memberships.userId, userId))
			.orderBy(asc(memberships.createdAt))
		const organisationsData = []
		for (const m of ms)
			organisationsData.push({
				membership: m,
				...(await readOrganisationData(tx, m.organisationId, userId, profile.email)),
			})
		const signIns = await tx
			.select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
			.from(sessions)
			.where(eq(sessions.userId, userId))
		return { profile, sessions: signIns, organisations: organisationsData }
	}
}

async function readOrganisationData(tx: Transaction, organisationId: string, userId: string, email: string) {
	const mine = <T extends { organisationId: unknown; userId: unknown }>(t: T) =>
		and(eq(t.organisationId as never, organisationId), eq(t.userId as never, userId))
	const teamRows = await tx
		.select({ teamId: teams.id, name: teams.name, position: sql<'member'>`'member'` })
		.from(teamMembers)
		.innerJoin(teams, and(eq(teams.organisationId, teamMembers.organisationId), eq(teams.id, teamMembers.teamId)))
		.where(mine(teamMembers))
	const coachedRows = await tx
		.select({ teamId: teams.id, name: teams.name, position: sql<'coach'>`'coach'` })
		.from(teamCoaches)
		.innerJoin(teams, and(eq(teams.organisationId, teamCoaches.organisationId), eq(teams.id, teamCoaches.teamId)))
		.where(mine(teamCoaches))
	const attemptRows = await tx
		.select({
			id: attempts.id,
			scenarioSlug: attempts.scenarioSlug,
			status: attempts.status,
			visibility: attempts.visibility,
			sharedAt: attempts.sharedAt,
			assignmentId: attempts.assignmentId,
			startedAt: attempts.startedAt,
			completedAt: attempts.completedAt,
		})
		.from(attempts)
		.where(mine(attempts))
		.orderBy(asc(attempts.startedAt))
	const attemptIds = attemptRows.map((a) => a.id)
	const inAttempts = <T extends { organisationId: unknown; attemptId: unknown }>(t: T) =>
		attemptIds.length === 0
			? sql`false`
			: and(eq(t.organisationId as never, organisationId), inArray(t.attemptId as never, attemptIds))
	const teamIds = teamRows.map((t) => t.teamId)
	return {
		teams: [...teamRows, ...coachedRows],
		assessmentAttempts: await tx
			.select({
				id: assessmentAttempts.id,
				instrumentVersion: assessmentAttempts.instrumentVersion,
				status: assessmentAttempts.status,
				answers: assessmentAttempts.answers,
				cueAnswers: assessmentAttempts.cueAnswers,
				createdAt: assessmentAttempts.createdAt,
				completedAt: assessmentAttempts.completedAt,
			})
			.from(assessmentAttempts)
			.where(mine(assessmentAttempts)),
		assessmentResults: await tx
			.select({
				id: assessmentResults.id,
				attemptId: assessmentResults.attemptId,
				instrumentVersion: assessmentResults.instrumentVersion,
				style: assessmentResults.style,
				result: assessmentResults.result,
				createdAt: assessmentResults.createdAt,
			})
			.from(assessmentResults)
			.where(mine(assessmentResults)),
		attempts: attemptRows,
		decisions: await tx
			.select({
				attemptId: decisions.attemptId,
				step: decisions.step,
				nodeId: decisions.nodeId,
				choiceId: decisions.choiceId,
				metersAfter: decisions.metersAfter,
				msTaken: decisions.msTaken,
				createdAt: decisions.createdAt,
			})
			.from(decisions)
			.where(inAttempts(decisions))
			.orderBy(asc(decisions.attemptId), asc(decisions.step)),
		debriefs: await tx
			.select({
				attemptId: debriefs.attemptId,
				scenarioSlug: debriefs.scenarioSlug,
				outcome: debriefs.outcome,
				customerStyle: debriefs.customerStyle,
				content: debriefs.content,
				createdAt: debriefs.createdAt,
			})
			.from(debriefs)
			.where(inAttempts(debriefs)),
		skillScores: await tx
			.select({
				attemptId: attemptSkillScores.attemptId,
				skill: attemptSkillScores.skill,
				score: attemptSkillScores.score,
			})
			.from(attemptSkillScores)
			.where(inAttempts(attemptSkillScores)),
		stressCounts: await tx
			.select({
				attemptId: attemptStressCounts.attemptId,
				reaction: attemptStressCounts.reaction,
				offered: attemptStressCounts.offered,
				chosen: attemptStressCounts.chosen,
			})
			.from(attemptStressCounts)
			.where(inAttempts(attemptStressCounts)),
		skillLevels: await tx
			.select({
				scope: skillLevels.scope,
				skill: skillLevels.skill,
				level: skillLevels.level,
				attempts: skillLevels.attempts,
				updatedAt: skillLevels.updatedAt,
			})
			.from(skillLevels)
			.where(mine(skillLevels)),
		coachingNotes: await tx
			.select({
				id: coachingNotes.id,
				author: users.name,
				body: coachingNotes.body,
				createdAt: coachingNotes.createdAt,
				updatedAt: coachingNotes.updatedAt,
			})
			.from(coachingNotes)
			.leftJoin(users, eq(users.id, coachingNotes.authorId))
			.where(and(eq(coachingNotes.organisationId, organisationId), eq(coachingNotes.learnerId, userId))),
		// Given to them, or to a team they are in now.
		assignments: await tx
			.select({
				id: assignments.id,
				kind: assignments.kind,
				scenarioSlug: assignments.scenarioSlug,
				teamId: assignments.teamId,
				dueOn: assignments.dueOn,
				createdAt: assignments.createdAt,
				cancelledAt: assignments.cancelledAt,
			})
			.from(assignments)
			.where(
				and(
					eq(assignments.organisationId, organisationId),
					teamIds.length > 0
						? or(eq(assignments.userId, userId), inArray(assignments.teamId, teamIds))
						: eq(assignments.userId, userId),
				),
			),
		// Their own events and the changes others made to them. Other people's addresses are
		// left out: those are not this person's data.
		auditEvents: (
			await tx
				.select({
					type: auditEvents.type,
					createdAt: auditEvents.createdAt,
					ip: auditEvents.ip,
					detail: auditEvents.detail,
				})
				.from(auditEvents)
				.where(and(eq(auditEvents.organisationId, organisationId), aboutPerson(userId)))
				.orderBy(asc(auditEvents.createdAt))
		).map((e) => ({ ...e, detail: withoutOtherEmails(e.detail, email) })),
	}
}

const aboutPerson = (userId: string) =>
	or(eq(auditEvents.userId, userId), sql`${auditEvents.detail}->>'memberId' = ${userId}`)

function withoutOtherEmails(detail: Record<string, unknown>, email: string) {
	if (typeof detail.email !== 'string' || detail.email === email) return detail
	const { email: _dropped, ...rest } = detail
	return rest
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof readPersonalData>>>

// ── Erasure ────────────────────────────────────────────────────────────────────
// The person's rows in one organisation. Most go with the membership row (foreign keys
// cascade from it); the rest name the person without a foreign key to the membership.
export async function erasePersonInOrganisation(
	tx: Transaction,
	input: { organisationId: string; userId: string; email: string; opaqueId: string },
) {
	const { organisationId, userId, email, opaqueId } = input
	const counts: Record<string, number> = {}
	const n = async (name: string, rows: Promise<unknown[]>) => {
		counts[name] = (await rows).length
	}
	// Things they did for others stay, without their name on them.
	await tx
		.update(invitations)
		.set({ invitedBy: null })
		.where(and(eq(invitations.organisationId, organisationId), eq(invitations.invitedBy, userId)))
	await tx
		.update(assignments)
		.set({ assignedBy: null })
		.where(and(eq(assignments.organisationId, organisationId), eq(assignments.assignedBy, userId)))
	await tx
		.update(coachingNotes)
		.set({ authorId: null })
		.where(and(eq(coachingNotes.organisationId, organisationId), eq(coachingNotes.authorId, userId)))
	await tx
		.update(passwordResets)
		.set({ createdBy: null })
		.where(and(eq(passwordResets.organisationId, organisationId), eq(passwordResets.createdBy, userId)))
	await n(
		'invitations',
		tx
			.delete(invitations)
			.where(and(eq(invitations.organisationId, organisationId), eq(invitations.email, email)))
			.returning({ id: invitations.id }),
	)
	await n(
		'sessions',
		tx
			.delete(sessions)
			.where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId)))
			.returning({ id: sessions.idHash }),
	)
	await n(
		'attempts',
		tx
			.delete(attempts)
			.where(and(eq(attempts.organisationId, organisationId), eq(attempts.userId, userId)))
			.returning({ id: attempts.id }),
	)
	await n(
		'assessmentAttempts',
		tx
			.delete(assessmentAttempts)
			.where(and(eq(assessmentAttempts.organisationId, organisationId), eq(assessmentAttempts.userId, userId)))
			.returning({ id: assessmentAttempts.id }),
	)
	await n(
		'memberships',
		tx
			.delete(memberships)
			.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
			.returning({ id: memberships.userId }),
	)
	// Their own events go; events others recorded about them keep their kind and time, with the
	// person named only by the deletion's opaque id and their address removed.
	await n(
		'auditEvents',
		tx
			.delete(auditEvents)
			.where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.userId, userId)))
			.returning({ id: auditEvents.id }),
	)
	await scrubAuditDetails(tx, { userId, email, opaqueId, organisationId })
	return counts
}

// Replaces the person's id with the opaque id and removes their address, in the details of
// events that remain (one organisation's, or every event when organisationId is null).
export async function scrubAuditDetails(
	tx: Transaction,
	input: { userId: string; email: string; opaqueId: string; organisationId: string | null },
) {
	const scope = input.organisationId === null ? undefined : eq(auditEvents.organisationId, input.organisationId)
	await tx
		.update(auditEvents)
		.set({ detail: sql`jsonb_set(${auditEvents.detail}, '{memberId}', to_jsonb(${input.opaqueId}::text))` })
		.where(and(scope, sql`${auditEvents.detail}->>'memberId' = ${input.userId}`))
	await tx
		.update(auditEvents)
		.set({ detail: sql`(${auditEvents.detail} - 'email') || jsonb_build_object('subject', ${input.opaqueId}::text)` })
		.where(and(scope, sql`lower(${auditEvents.detail}->>'email') = ${input.email}`))
}

export async function eraseUserRow(tx: Transaction, input: { userId: string; email: string; opaqueId: string }) {
	// Events outside any organisation (a failed sign-in before they joined) and any left behind.
	await tx.delete(auditEvents).where(eq(auditEvents.userId, input.userId))
	await scrubAuditDetails(tx, { ...input, organisationId: null })
	await tx.delete(invitations).where(eq(invitations.email, input.email))
	await tx.delete(users).where(eq(users.id, input.userId))
}

export async function listMembershipOrganisations(db: Database | Transaction, userId: string) {
	return db
		.select({
			organisationId: memberships.organisationId,
			role: memberships.role,
			deactivatedAt: memberships.deactivatedAt,
		})
		.from(memberships)
		.where(eq(memberships.userId, userId))
}

export async function countOtherActiveAdmins(tx: Transaction, organisationId: string, userId: string) {
	const rows = await tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(
			and(
				eq(memberships.organisationId, organisationId),
				eq(memberships.role, 'admin'),
				isNull(memberships.deactivatedAt),
			),
		)
		.for('update')
	return rows.filter((r) => r.userId !== userId).length
}
