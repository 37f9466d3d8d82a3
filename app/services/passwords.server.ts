import { getDb } from '#db/client.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { getMember } from '#app/data/members.server.ts'
import {
	deleteSessionsOf,
	findPasswordResetByTokenHash,
	insertPasswordReset,
	markPasswordResetUsed,
	setPasswordHash,
} from '#app/data/password-resets.server.ts'
import { PASSWORD_RESET_TTL_MS, passwordResetState } from '#app/domain/accounts/lifetimes.ts'
import { reenterPassword } from '#app/services/accounts.server.ts'
import type { Actor } from '#app/services/invitations.server.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { hashToken, randomToken } from '#app/utils/crypto.server.ts'

const NO_SUCH_MEMBER = 'There is no such member in your organisation.'
export const RESET_NOT_VALID = 'This password-reset link is not valid. Check that you copied all of it.'
export const RESET_UNUSABLE =
	'This password-reset link has already been used or has expired. Ask an admin for a new one.'

// Account recovery without mail: an admin creates a one-time link and hands it over themselves.
// Issuing it ends the member's sessions at once, so whoever holds a stolen session is out too.
export async function issuePasswordReset(
	actor: Actor,
	memberId: string,
): Promise<ServiceResult<{ token: string; expiresAt: Date; name: string }>> {
	const member = await getMember(actor.organisationId, memberId)
	if (!member) return fail.notFound(NO_SUCH_MEMBER)
	const token = randomToken()
	const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS)
	await getDb().transaction(async (tx) => {
		const row = await insertPasswordReset(tx, {
			organisationId: actor.organisationId,
			userId: memberId,
			createdBy: actor.userId,
			tokenHash: hashToken(token),
			expiresAt,
		})
		const sessionsEnded = await deleteSessionsOf(tx, memberId)
		await recordAudit(
			{
				type: 'password_reset_issued',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { memberId, resetId: row.id, sessionsEnded },
			},
			tx,
		)
	})
	return ok({ token, expiresAt, name: member.name })
}

export async function findPasswordReset(token: string) {
	const row = await findPasswordResetByTokenHash(hashToken(token))
	if (!row) return undefined
	return {
		organisationName: row.organisationName,
		name: row.name,
		state: row.deactivatedAt ? ('used' as const) : passwordResetState(row, new Date()),
	}
}

// The member sets a new password through the link: once, before it expires, while still a member.
export async function resetPasswordWithToken(
	token: string,
	newPassword: string,
	ip: string | null,
): Promise<ServiceResult<{ userId: string; organisationId: string }>> {
	const reset = await findPasswordResetByTokenHash(hashToken(token))
	if (!reset) return fail.notFound(RESET_NOT_VALID)
	if (reset.deactivatedAt || passwordResetState(reset, new Date()) !== 'usable') return fail.conflict(RESET_UNUSABLE)
	const passwordHash = await hashPassword(newPassword)
	const done = await getDb().transaction(async (tx) => {
		const used = await markPasswordResetUsed(tx, reset.id, reset.organisationId, new Date())
		if (!used) return false
		await setPasswordHash(tx, reset.userId, passwordHash)
		const sessionsEnded = await deleteSessionsOf(tx, reset.userId)
		await recordAudit(
			{
				type: 'password_reset_used',
				organisationId: reset.organisationId,
				userId: reset.userId,
				ip,
				detail: { resetId: reset.id, sessionsEnded },
			},
			tx,
		)
		return true
	})
	return done ? ok({ userId: reset.userId, organisationId: reset.organisationId }) : fail.conflict(RESET_UNUSABLE)
}

// A signed-in person changes their own password after re-entering the current one (through the
// sign-in limiter); every other session of theirs ends, the one in use stays.
export async function changeOwnPassword(
	viewer: { userId: string; organisationId: string; sessionIdHash: string },
	input: { currentPassword: string; newPassword: string },
	ip: string | null,
): Promise<ServiceResult<{ sessionsEnded: number }>> {
	const checked = await reenterPassword({ userId: viewer.userId, password: input.currentPassword, ip })
	if (!checked.ok) return checked
	const passwordHash = await hashPassword(input.newPassword)
	const sessionsEnded = await getDb().transaction(async (tx) => {
		await setPasswordHash(tx, viewer.userId, passwordHash)
		const n = await deleteSessionsOf(tx, viewer.userId, viewer.sessionIdHash)
		await recordAudit(
			{
				type: 'password_changed',
				organisationId: viewer.organisationId,
				userId: viewer.userId,
				ip,
				detail: { sessionsEnded: n },
			},
			tx,
		)
		return n
	})
	return ok({ sessionsEnded })
}
