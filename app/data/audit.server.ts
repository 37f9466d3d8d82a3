import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { auditEvents, users } from '#db/schema.ts'

export type AuditType =
	| 'sign_up'
	| 'sign_in'
	| 'sign_in_failed'
	| 'sign_in_rate_limited'
	| 'sign_out'
	| 'sessions_revoked'
	| 'access_denied'
	| 'cross_origin_refused'
	| 'invitation_created'
	| 'invitation_revoked'
	| 'invitation_reissued'
	| 'invitation_accepted'
	| 'role_changed'
	| 'member_removed'
	| 'scenario_library_published'
	| 'checklist_dismissed'
	| 'member_deactivated'
	| 'member_reactivated'
	| 'team_created'
	| 'team_person_added'
	| 'team_person_removed'
	| 'assessment_started'
	| 'assessment_completed'
	// Coaching: assignments, onboarding paths, time zone (issue 13, coach-assign).
	| 'organisation_time_zone_changed'
	| 'organisation_assessment_form_changed'
	| 'assignment_created'
	| 'assignment_due_changed'
	| 'assignment_cancelled'
	| 'onboarding_path_saved'
	| 'onboarding_path_deleted'
	| 'onboarding_path_given'
	// Coaching: sharing and notes (coach-share)
	| 'attempt_shared'
	| 'attempt_unshared'
	| 'sharing_changed'
	| 'coaching_note_created'
	| 'coaching_note_edited'
	| 'coaching_note_deleted'
	// Accounts and leaving with your data (coaching issue).
	| 'password_reset_issued'
	| 'password_reset_used'
	| 'password_changed'
	| 'data_exported'
	| 'data_deleted'
	| 'team_progress_exported'
	| 'xapi_exported'

export type AuditEvent = {
	type: AuditType
	organisationId?: string | null
	userId?: string | null
	ip?: string | null
	detail?: Record<string, unknown>
}

// Pass the service's transaction so the event commits (or not) with the change it records.
// Denials and failed sign-ins use the default: their own statement, which outlives the request.
export async function recordAudit(event: AuditEvent, db: Database | Transaction = getDb()): Promise<void> {
	await db.insert(auditEvents).values({
		type: event.type,
		organisationId: event.organisationId ?? null,
		userId: event.userId ?? null,
		ip: event.ip ?? null,
		detail: event.detail ?? {},
	})
}

// The admin's audit page: newest first, one organisation, optionally one person and some kinds.
export async function listAuditEvents(
	organisationId: string,
	filter: { userId?: string; types?: readonly string[]; before?: Date; limit: number },
) {
	return getDb()
		.select({
			id: auditEvents.id,
			type: auditEvents.type,
			createdAt: auditEvents.createdAt,
			ip: auditEvents.ip,
			detail: auditEvents.detail,
			userId: auditEvents.userId,
			userName: users.name,
		})
		.from(auditEvents)
		.leftJoin(users, eq(users.id, auditEvents.userId))
		.where(
			and(
				eq(auditEvents.organisationId, organisationId),
				// A person's own events, and the changes others made to them.
				filter.userId
					? or(eq(auditEvents.userId, filter.userId), sql`${auditEvents.detail}->>'memberId' = ${filter.userId}`)
					: undefined,
				filter.types ? inArray(auditEvents.type, [...filter.types]) : undefined,
				filter.before ? lt(auditEvents.createdAt, filter.before) : undefined,
			),
		)
		.orderBy(desc(auditEvents.createdAt))
		.limit(filter.limit)
}
