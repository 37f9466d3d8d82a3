// Learners for a load run, created through the real services (sign-up, invitation,
// acceptance), in organisations of up to 50 learners each. Needs setDatabase() first.
import crypto from 'node:crypto'
import { signUp } from '#app/services/accounts.server.ts'
import { acceptByCreatingAccount, createInvitation } from '#app/services/invitations.server.ts'
import type { Learner } from './driver.ts'

export const LOAD_PASSWORD = 'load test passphrase'

export type SeededLoad = { learners: Learner[]; organisationIds: string[] }

export async function seedLoadLearners(count: number, perOrganisation = 50): Promise<SeededLoad> {
	const run = crypto.randomBytes(4).toString('hex')
	const learners: Learner[] = []
	const organisationIds: string[] = []
	for (let org = 0; learners.length < count; org++) {
		const admin = await signUp({
			organisationName: `Load ${run} ${org}`,
			name: 'Load Admin',
			email: `load-${run}-admin-${org}@load.test`,
			password: LOAD_PASSWORD,
			ip: `192.0.2.${org % 250}`,
		})
		if (!admin.ok) throw new Error(`sign-up failed: ${admin.message}`)
		const actor = { userId: admin.value.userId, organisationId: admin.value.organisationId, ip: null }
		organisationIds.push(admin.value.organisationId)
		const size = Math.min(perOrganisation, count - learners.length)
		const emails = Array.from({ length: size }, (_, i) => `load-${run}-${learners.length + i}@load.test`)
		// A few acceptances at a time: Argon2 runs on libuv's thread pool, off the event loop.
		for (let i = 0; i < emails.length; i += 4) {
			await Promise.all(
				emails.slice(i, i + 4).map(async (email) => {
					const invited = await createInvitation(actor, { email, role: 'learner' })
					if (!invited.ok) throw new Error(`invitation failed: ${invited.message}`)
					const accepted = await acceptByCreatingAccount(
						invited.value.token,
						{ name: email.split('@')[0]!, password: LOAD_PASSWORD },
						null,
					)
					if (!accepted.ok) throw new Error(`acceptance failed: ${accepted.message}`)
				}),
			)
		}
		learners.push(...emails.map((email) => ({ email, password: LOAD_PASSWORD })))
	}
	return { learners, organisationIds }
}
