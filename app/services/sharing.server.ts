import type { Viewer } from '#app/auth/session.server.ts'
import { getOwnAttempt } from '#app/data/attempts.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { learnerSharing } from '#app/data/coach-visibility.server.ts'
import { lockLearner } from '#app/data/debriefs.server.ts'
import {
	getOwnAttemptForShare,
	recomputeSharedLevels,
	setAttemptVisibility,
	setSharingFlags,
} from '#app/data/sharing.server.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { getDb } from '#db/client.server.ts'

// The learner's controls over what their coaches see (DESIGN §7). Each change, the coach-visible
// rollup it moves and its audit event commit together.

export type ShareChange = { attemptId: string; visibility: 'private' | 'shared'; changed: boolean }

export async function setAttemptSharing(
	viewer: Viewer,
	attemptId: string,
	visibility: 'private' | 'shared',
	ip: string | null,
): Promise<ServiceResult<ShareChange>> {
	const org = viewer.organisation.id
	const user = viewer.user.id
	return getDb().transaction(async (tx) => {
		// The learner lock first, as the ending step takes it: a share racing an ending sees its scores.
		await lockLearner(tx, org, user)
		const attempt = await getOwnAttemptForShare(tx, org, user, attemptId)
		if (!attempt) return fail.notFound('There is no such attempt among yours.')
		if (attempt.assignmentId)
			return fail.conflict('This attempt was assigned, so your coaches see it already; it cannot be made private.')
		if (attempt.visibility === visibility) return ok({ attemptId, visibility, changed: false })
		await setAttemptVisibility(tx, org, attemptId, visibility)
		await recomputeSharedLevels(tx, org, user)
		await recordAudit(
			{
				type: visibility === 'shared' ? 'attempt_shared' : 'attempt_unshared',
				organisationId: org,
				userId: user,
				ip,
				detail: { attemptId },
			},
			tx,
		)
		return ok({ attemptId, visibility, changed: true })
	})
}

export async function setSharingPreferences(
	viewer: Viewer,
	flags: { shareStyle?: boolean; shareSkills?: boolean },
	ip: string | null,
): Promise<ServiceResult<{ shareStyle: boolean; shareSkills: boolean }>> {
	return getDb().transaction(async (tx) => {
		const row = await setSharingFlags(tx, viewer.organisation.id, viewer.user.id, flags)
		if (!row) return fail.notFound('Your membership was not found.')
		await recordAudit(
			{
				type: 'sharing_changed',
				organisationId: viewer.organisation.id,
				userId: viewer.user.id,
				ip,
				detail: { ...flags },
			},
			tx,
		)
		return ok(row)
	})
}

/** Whether one of the learner's own attempts is shared, and whether it was assigned (null: not theirs). */
export async function ownAttemptSharing(
	viewer: Viewer,
	attemptId: string,
): Promise<{ visibility: 'private' | 'shared'; assigned: boolean } | null> {
	const attempt = await getOwnAttempt(viewer.organisation.id, viewer.user.id, attemptId)
	return attempt ? { visibility: attempt.visibility, assigned: attempt.assignmentId !== null } : null
}

/** The learner's two sharing flags, for their own pages. */
export async function ownSharing(viewer: Viewer) {
	return learnerSharing(viewer.organisation.id, viewer.user.id)
}
