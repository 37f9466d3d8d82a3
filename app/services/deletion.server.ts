import { randomUUID } from 'node:crypto'
import { getDb } from '#db/client.server.ts'
import { findUserById } from '#app/data/accounts.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import {
	countOtherActiveAdmins,
	erasePersonInOrganisation,
	eraseUserRow,
	listMembershipOrganisations,
} from '#app/data/personal-data.server.ts'
import { reenterPassword } from '#app/services/accounts.server.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'

export type DeletionScope = 'organisation' | 'account'

export const LAST_ADMIN_CANNOT_LEAVE =
	'You are the only admin of this organisation. Make someone else an admin first, so the organisation is not left without one.'

class LastAdmin extends Error {}

// The one deletion service (DESIGN §7). A person deletes their data in one organisation (the one
// they are signed in to) or their whole account, after re-entering their password through the
// sign-in limiter. Everything goes in one transaction; what remains is the deletion's own audit
// row, naming the person only by a fresh opaque id that nothing else links to them. Their e-mail
// address is removed from the details of the events that stay. Rate-limit keys are not touched:
// they expire on their own within a day (maintenance prunes them).
export async function deletePersonalData(
	viewer: { userId: string; organisationId: string },
	input: { scope: DeletionScope; password: string },
	ip: string | null,
): Promise<ServiceResult<{ opaqueId: string; signedOut: boolean }>> {
	const checked = await reenterPassword({ userId: viewer.userId, password: input.password, ip })
	if (!checked.ok) return checked
	const user = await findUserById(viewer.userId)
	if (!user) return fail.notFound('There is no such account.')
	const opaqueId = randomUUID()
	const person = { userId: user.id, email: user.email.toLowerCase(), opaqueId }
	try {
		await getDb().transaction(async (tx) => {
			const all = await listMembershipOrganisations(tx, user.id)
			const targets = input.scope === 'account' ? all : all.filter((m) => m.organisationId === viewer.organisationId)
			for (const m of targets) {
				if (
					m.role === 'admin' &&
					m.deactivatedAt === null &&
					(await countOtherActiveAdmins(tx, m.organisationId, user.id)) === 0
				) {
					throw new LastAdmin()
				}
			}
			for (const m of targets) {
				const counts = await erasePersonInOrganisation(tx, { ...person, organisationId: m.organisationId })
				await recordAudit(
					{
						type: 'data_deleted',
						organisationId: m.organisationId,
						detail: { subject: opaqueId, scope: input.scope, removed: counts },
					},
					tx,
				)
			}
			if (input.scope === 'account') {
				await eraseUserRow(tx, person)
				if (targets.length === 0) {
					await recordAudit({ type: 'data_deleted', detail: { subject: opaqueId, scope: 'account' } }, tx)
				}
			}
		})
	} catch (error) {
		if (error instanceof LastAdmin) return fail.conflict(LAST_ADMIN_CANNOT_LEAVE)
		throw error
	}
	// Deleting one organisation's data ends the sessions there: the person signs in again elsewhere.
	return ok({ opaqueId, signedOut: true })
}
