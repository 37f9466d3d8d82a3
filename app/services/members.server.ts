import { getDb } from '#db/client.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { deactivateMembership, getMember, lockActiveAdmins, setMemberRole } from '#app/data/members.server.ts'
import type { Role } from '#app/domain/accounts/roles.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import type { Actor } from '#app/services/invitations.server.ts'

export const LAST_ADMIN = 'An organisation needs at least one admin. Make someone else an admin first.'
const NO_SUCH_MEMBER = 'There is no such member in your organisation.'

export async function changeRole(actor: Actor, memberId: string, role: Role): Promise<ServiceResult<undefined>> {
	const member = await getMember(actor.organisationId, memberId)
	if (!member) return fail.notFound(NO_SUCH_MEMBER)
	return getDb().transaction(async (tx) => {
		const admins = await lockActiveAdmins(tx, actor.organisationId)
		if (role !== 'admin' && admins.length === 1 && admins[0] === memberId) {
			return fail.conflict(LAST_ADMIN)
		}
		await setMemberRole(tx, actor.organisationId, memberId, role)
		await recordAudit(
			{
				type: 'role_changed',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { memberId, from: member.role, to: role },
			},
			tx,
		)
		return ok(undefined)
	})
}

// Removal deactivates: access ends at once and nothing they did is deleted. Inviting them
// back (they sign in to accept) restores it all. Deleting data is the deletion service's job.
export async function deactivateMember(actor: Actor, memberId: string): Promise<ServiceResult<undefined>> {
	const member = await getMember(actor.organisationId, memberId)
	if (!member) return fail.notFound(NO_SUCH_MEMBER)
	return getDb().transaction(async (tx) => {
		const admins = await lockActiveAdmins(tx, actor.organisationId)
		if (admins.length === 1 && admins[0] === memberId) return fail.conflict(LAST_ADMIN)
		if (!(await deactivateMembership(tx, actor.organisationId, memberId, new Date()))) {
			return fail.notFound(NO_SUCH_MEMBER)
		}
		await recordAudit(
			{
				type: 'member_deactivated',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { memberId, role: member.role },
			},
			tx,
		)
		return ok(undefined)
	})
}
