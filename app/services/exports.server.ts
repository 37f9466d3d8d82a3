import { recordAudit } from '#app/data/audit.server.ts'
import type { CoachViewer } from '#app/data/coach-visibility.server.ts'
import { listAttemptsForXapi, type XapiScope } from '#app/data/exports.server.ts'
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
