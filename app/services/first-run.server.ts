import { getDb } from '#db/client.server.ts'
import type { Viewer } from '#app/auth/session.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { loadFirstRunFacts, markChecklistDismissed } from '#app/data/first-run.server.ts'
import { adminChecklist, greeting, showsChecklist, type ChecklistItem } from '#app/domain/accounts/first-run.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'

export type FirstRunView = { greeting: string; checklist: ChecklistItem[] | null }

export async function getFirstRun(viewer: Viewer): Promise<FirstRunView> {
	const facts = await loadFirstRunFacts(viewer.organisation.id, viewer.user.id)
	const firstName = viewer.user.name.split(' ')[0] || viewer.user.name
	return {
		greeting: greeting(firstName, facts.visits),
		checklist: showsChecklist(viewer.role, facts) ? adminChecklist(facts) : null,
	}
}

// One person's choice, in one transaction with its audit row.
export async function dismissChecklist(viewer: Viewer, now = new Date()): Promise<ServiceResult<undefined>> {
	return getDb().transaction(async (tx) => {
		const updated = await markChecklistDismissed(tx, viewer.organisation.id, viewer.user.id, now)
		if (!updated) return fail.notFound('You are not a member of this organisation.')
		await recordAudit(
			{ type: 'checklist_dismissed', organisationId: viewer.organisation.id, userId: viewer.user.id },
			tx,
		)
		return ok(undefined)
	})
}
