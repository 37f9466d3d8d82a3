import { recordAudit } from '#app/data/audit.server.ts'
import type { CoachViewer } from '#app/data/coach-visibility.server.ts'
import { listAttemptsForXapi, teamProgressRows, type XapiScope } from '#app/data/exports.server.ts'
import { toCsv } from '#app/domain/exports/csv.ts'
import { skillLabels, skills } from '#app/domain/practice/skills.ts'
import { attemptStatements } from '#app/domain/xapi/statements.ts'
import type { XapiStatement } from '#app/domain/xapi/statement-schema.ts'
import { ok, type ServiceResult } from '#app/services/result.ts'
import { uuidV5 } from '#app/utils/uuid-v5.server.ts'

// A fixed namespace for Attune's statement ids: uuidV5(attemptId:step) is the same on every export.
export const XAPI_NAMESPACE = '3c1d5a4e-8f0b-4e52-9a7d-6b2f0e9c1a47'

export async function exportXapiStatements(
	viewer: CoachViewer & { ip: string | null },
	scope: XapiScope,
	publicUrl: string,
): Promise<ServiceResult<XapiStatement[]>> {
	const attempts = await listAttemptsForXapi(viewer, scope)
	const statements = attempts.flatMap((a) => attemptStatements(a, publicUrl, (name) => uuidV5(name, XAPI_NAMESPACE)))
	await recordAudit({
		type: 'xapi_exported',
		organisationId: viewer.organisationId,
		userId: viewer.userId,
		ip: viewer.ip,
		detail: {
			scope: scope.kind,
			...(scope.kind === 'team' ? { teamId: scope.teamId } : {}),
			statements: statements.length,
		},
	})
	return ok(statements)
}

export async function exportTeamProgress(
	viewer: CoachViewer & { ip: string | null },
	team: { id: string; name: string },
): Promise<ServiceResult<string>> {
	const rows = await teamProgressRows(viewer, team.id)
	const header = [
		'Name',
		'Email',
		'Style (if shared)',
		'Shared or assigned role-plays completed',
		'Last shared or assigned activity',
		...skills.map((s) => `${skillLabels[s]} (if shared, 0-100)`),
	]
	const csv = toCsv(
		header,
		rows.map((r) => [
			r.name,
			r.email,
			r.style ?? '',
			r.completed,
			r.lastActivity ? r.lastActivity.toISOString() : '',
			...skills.map((s) => {
				const level = r.skills?.[s]
				return level === undefined ? '' : Math.round(level * 100)
			}),
		]),
	)
	await recordAudit({
		type: 'team_progress_exported',
		organisationId: viewer.organisationId,
		userId: viewer.userId,
		ip: viewer.ip,
		detail: { teamId: team.id, rows: rows.length },
	})
	return ok(csv)
}
