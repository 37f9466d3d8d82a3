import { getDb } from '#db/client.server.ts'
import { hashToken, randomToken } from '#app/utils/crypto.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { emailIsTaken } from '#app/data/accounts.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { isUniqueViolation } from '#app/data/errors.server.ts'
import {
	activateMembership,
	activeMemberEmails,
	findInvitationByTokenHash,
	insertInvitation,
	insertUser,
	markInvitationAccepted,
	markInvitationRevoked,
	replaceInvitationToken,
} from '#app/data/invitations.server.ts'
import { parseEmailList, type EmailListProblem } from '#app/domain/accounts/bulk-invite.ts'
import { INVITATION_TTL_MS } from '#app/domain/accounts/lifetimes.ts'
import type { Role } from '#app/domain/accounts/roles.ts'
import { checkPassword } from '#app/services/accounts.server.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'

export type Actor = { userId: string; organisationId: string; ip: string | null }

export function findInvitationByToken(token: string) {
	return findInvitationByTokenHash(hashToken(token))
}

export async function createInvitation(
	actor: Actor,
	input: { email: string; role: Role },
): Promise<ServiceResult<{ token: string; expiresAt: Date; invitationId: string }>> {
	const token = randomToken()
	const expiresAt = new Date(Date.now() + INVITATION_TTL_MS)
	const { id } = await getDb().transaction(async (tx) => {
		const row = await insertInvitation(tx, {
			organisationId: actor.organisationId,
			email: input.email,
			role: input.role,
			invitedBy: actor.userId,
			tokenHash: hashToken(token),
			expiresAt,
		})
		await recordAudit(
			{
				type: 'invitation_created',
				organisationId: actor.organisationId,
				userId: actor.userId,
				ip: actor.ip,
				detail: { invitationId: row.id, email: input.email, role: input.role },
			},
			tx,
		)
		return row
	})
	return ok({ token, expiresAt, invitationId: id })
}

// Bulk invite: a pasted list, one role, one link per person. All or nothing: if any line is
// wrong (not an address, repeated, already a member), every problem is reported by line and
// no invitation is created.
export async function createInvitations(
	actor: Actor,
	input: { list: string; role: Role },
): Promise<
	| ServiceResult<Array<{ email: string; token: string; expiresAt: Date }>>
	| { ok: false; kind: 'invalid'; message: string; problems: EmailListProblem[] }
> {
	const { emails, lineOf, problems } = parseEmailList(input.list)
	const members = new Set(await activeMemberEmails(getDb(), actor.organisationId, emails))
	for (const e of emails) {
		if (members.has(e)) problems.push({ line: lineOf.get(e) ?? 0, text: e, message: 'is already a member' })
	}
	problems.sort((a, b) => a.line - b.line)
	if (problems.length > 0) {
		return { ok: false, kind: 'invalid', message: 'Nothing was created: fix the lines below and try again.', problems }
	}
	const expiresAt = new Date(Date.now() + INVITATION_TTL_MS)
	const created = await getDb().transaction(async (tx) => {
		const out: Array<{ email: string; token: string; expiresAt: Date }> = []
		for (const email of emails) {
			const token = randomToken()
			const row = await insertInvitation(tx, {
				organisationId: actor.organisationId,
				email,
				role: input.role,
				invitedBy: actor.userId,
				tokenHash: hashToken(token),
				expiresAt,
			})
			await recordAudit(
				{
					type: 'invitation_created',
					organisationId: actor.organisationId,
					userId: actor.userId,
					ip: actor.ip,
					detail: { invitationId: row.id, email, role: input.role, bulk: true },
				},
				tx,
			)
			out.push({ email, token, expiresAt })
		}
		return out
	})
	return ok(created)
}

const NOT_OPEN = 'That invitation is no longer open: it was used, withdrawn or has expired.'

export async function revokeInvitation(actor: Actor, invitationId: string): Promise<ServiceResult<undefined>> {
	const revoked = await getDb().transaction(async (tx) => {
		const row = await markInvitationRevoked(tx, actor.organisationId, invitationId)
		if (row) {
			await recordAudit(
				{
					type: 'invitation_revoked',
					organisationId: actor.organisationId,
					userId: actor.userId,
					ip: actor.ip,
					detail: { invitationId, email: row.email },
				},
				tx,
			)
		}
		return Boolean(row)
	})
	return revoked ? ok(undefined) : fail.notFound(NOT_OPEN)
}

// Links are stored hashed, so a lost link cannot be shown again: a new one replaces it and
// the old one stops working.
export async function reissueInvitation(
	actor: Actor,
	invitationId: string,
): Promise<ServiceResult<{ token: string; expiresAt: Date; email: string; role: Role }>> {
	const token = randomToken()
	const expiresAt = new Date(Date.now() + INVITATION_TTL_MS)
	const row = await getDb().transaction(async (tx) => {
		const updated = await replaceInvitationToken(tx, actor.organisationId, invitationId, hashToken(token), expiresAt)
		if (updated) {
			await recordAudit(
				{
					type: 'invitation_reissued',
					organisationId: actor.organisationId,
					userId: actor.userId,
					ip: actor.ip,
					detail: { invitationId, email: updated.email },
				},
				tx,
			)
		}
		return updated
	})
	return row ? ok({ token, expiresAt, email: row.email, role: row.role }) : fail.notFound(NOT_OPEN)
}

// The page offers both paths and never says which applies; this is the answer the create
// path gives for an e-mail that already has an account, worded as the prompt to sign in.
export const SIGN_IN_TO_ACCEPT = 'Already have an Attune account? Sign in below to accept.'
const UNUSABLE = 'This invitation has already been used, withdrawn or has expired.'

type Accepted = { userId: string; organisationId: string; reactivated: boolean }

async function accept(
	invitation: { id: string; organisationId: string },
	ip: string | null,
	person: { existingUserId: string } | { newUser: { email: string; name: string; passwordHash: string } },
): Promise<ServiceResult<Accepted>> {
	try {
		const result = await getDb().transaction(async (tx) => {
			const inv = await markInvitationAccepted(tx, invitation.organisationId, invitation.id)
			if (!inv) return undefined
			if ('newUser' in person && (await emailIsTaken(tx, person.newUser.email))) return 'taken' as const
			const userId = 'existingUserId' in person ? person.existingUserId : (await insertUser(tx, person.newUser)).id
			const { reactivated } = await activateMembership(tx, invitation.organisationId, userId, inv.role)
			await recordAudit(
				{
					type: reactivated ? 'member_reactivated' : 'invitation_accepted',
					organisationId: invitation.organisationId,
					userId,
					ip,
					detail: { invitationId: invitation.id, role: inv.role },
				},
				tx,
			)
			return { userId, organisationId: invitation.organisationId, reactivated }
		})
		if (result === 'taken') return fail.conflict(SIGN_IN_TO_ACCEPT)
		return result ? ok(result) : fail.conflict(UNUSABLE)
	} catch (error) {
		// Two organisations' invitations for one new e-mail accepted at the same moment: the
		// second one hears what it would hear a moment later.
		if (isUniqueViolation(error, 'users_email_key')) return fail.conflict(SIGN_IN_TO_ACCEPT)
		if (isUniqueViolation(error, 'memberships_organisation_id_user_id_pk')) return fail.conflict(UNUSABLE)
		throw error
	}
}

export async function acceptByCreatingAccount(
	token: string,
	input: { name: string; password: string },
	ip: string | null,
): Promise<ServiceResult<Accepted>> {
	const invitation = await findInvitationByToken(token)
	if (!invitation) return fail.notFound('This invitation link is not valid. Check that you copied all of it.')
	if (invitation.state !== 'usable') return fail.conflict(UNUSABLE)
	if (await emailIsTaken(getDb(), invitation.email)) return fail.conflict(SIGN_IN_TO_ACCEPT)
	const passwordHash = await hashPassword(input.password)
	return accept(invitation, ip, { newUser: { email: invitation.email, name: input.name, passwordHash } })
}

// Signing in to accept goes through the one password check (limits and audit). It works for
// someone with no active membership: new to this organisation, or deactivated and invited back.
export async function acceptBySigningIn(
	token: string,
	input: { password: string },
	ip: string | null,
): Promise<ServiceResult<Accepted>> {
	const invitation = await findInvitationByToken(token)
	if (!invitation) return fail.notFound('This invitation link is not valid. Check that you copied all of it.')
	if (invitation.state !== 'usable') return fail.conflict(UNUSABLE)
	const checked = await checkPassword({ email: invitation.email, password: input.password, ip, via: 'invitation' })
	if (!checked.ok) return checked
	return accept(invitation, ip, { existingUserId: checked.value.userId })
}
