import { signUp } from '#app/auth/accounts.server.ts'
import { startSession } from '#app/auth/session.server.ts'
import { createInvitation, acceptInvitation, findInvitationByToken } from '#app/data/invitations.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
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
	if (!result.ok) throw new Error(`sign-up failed: ${result.reason}`)
	return { organisationId: result.organisationId, admin: { id: result.userId, email } }
}

export async function addMember(organisationId: string, invitedBy: string, role: Role, name = 'Member') {
	const email = uniqueEmail(role)
	const { token } = await createInvitation({ organisationId, email, role, invitedBy })
	const invitation = await findInvitationByToken(token)
	if (!invitation) throw new Error('invitation not found')
	const { userId } = await acceptInvitation({
		organisationId,
		invitationId: invitation.id,
		newUser: { email, name, passwordHash: await hashPassword(PASSWORD) },
	})
	return { id: userId, email }
}

export async function sessionCookieFor(userId: string, organisationId: string): Promise<string> {
	const headers = await startSession(getRequest('/'), userId, organisationId)
	return headers['Set-Cookie'].split(';')[0] ?? ''
}
