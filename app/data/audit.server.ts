import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { auditEvents } from '#db/schema.ts'

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
	| 'invitation_accepted'
	| 'role_changed'
	| 'member_removed'
	| 'assessment_started'
	| 'assessment_completed'

export type AuditEvent = {
	type: AuditType
	organisationId?: string | null
	userId?: string | null
	ip?: string | null
	detail?: Record<string, unknown>
}

export async function recordAudit(event: AuditEvent, db: Database | Transaction = getDb()): Promise<void> {
	await db.insert(auditEvents).values({
		type: event.type,
		organisationId: event.organisationId ?? null,
		userId: event.userId ?? null,
		ip: event.ip ?? null,
		detail: event.detail ?? {},
	})
}
