import { startSession } from '#app/auth/session.server.ts'
import { signUp } from '#app/services/accounts.server.ts'
import { acceptByCreatingAccount, createInvitation } from '#app/services/invitations.server.ts'
import type { Role } from '#app/domain/accounts/roles.ts'
import { getRequest, testContext, uniqueEmail } from '#tests/support/requests.ts'

export const PASSWORD = 'a perfectly fine passphrase'

// Everything goes through the real modules: no hand-written rows.
export async function createOrganisation(name = 'Test Org') {
	const email = uniqueEmail('admin')
	const result = await signUp({
		organisationName: name,
		name: 'Ada Admin',
		email,
		password: PASSWORD,
		ip: testContext().clientIp,
	})
	if (!result.ok) throw new Error(`sign-up failed: ${result.message}`)
	return { organisationId: result.value.organisationId, admin: { id: result.value.userId, email } }
}

export async function addMember(organisationId: string, invitedBy: string, role: Role, name = 'Member') {
	const email = uniqueEmail(role)
	const invited = await createInvitation({ userId: invitedBy, organisationId, ip: null }, { email, role })
	if (!invited.ok) throw new Error(`invitation failed: ${invited.message}`)
	const accepted = await acceptByCreatingAccount(invited.value.token, { name, password: PASSWORD }, null)
	if (!accepted.ok) throw new Error(`acceptance failed: ${accepted.message}`)
	return { id: accepted.value.userId, email, token: invited.value.token }
}

export async function sessionCookieFor(userId: string, organisationId: string): Promise<string> {
	const headers = await startSession(getRequest('/'), userId, organisationId)
	return headers['Set-Cookie'].split(';')[0] ?? ''
}
