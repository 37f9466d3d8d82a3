import { recordAudit } from '#app/data/audit.server.ts'
import { getAssessmentForm, setAssessmentForm } from '#app/data/assessments.server.ts'
import type { AssessmentForm } from '#app/domain/assessment/forms.ts'
import { can, permissionMessages } from '#app/domain/permissions.ts'
import type { StaffActor } from '#app/services/assignments.server.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { getDb } from '#db/client.server.ts'

// The organisation's self-assessment form (ADR 0009). New attempts start on it; an attempt in
// progress keeps the form it started on, so changing it never reshuffles anyone's pages.

export async function changeAssessmentForm(
	actor: StaffActor,
	form: AssessmentForm,
): Promise<ServiceResult<{ changed: boolean }>> {
	if (!can({ userId: actor.userId, role: actor.role }, 'organisation.manage-settings')) {
		return fail.forbidden(permissionMessages['organisation.manage-settings'])
	}
	return getDb().transaction(async (tx) => {
		const from = await getAssessmentForm(actor.organisationId, tx)
		if (from === form) return ok({ changed: false })
		await setAssessmentForm(tx, actor.organisationId, form)
		await recordAudit(
			{
				type: 'organisation_assessment_form_changed',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { from, to: form },
			},
			tx,
		)
		return ok({ changed: true })
	})
}
