import { getDb } from '#db/client.server.ts'
import { burnPasswordCheck, hashPassword, verifyPassword } from '#app/auth/password.server.ts'
import {
	defaultMembership,
	emailIsTaken,
	findUserByEmail,
	findUserById,
	hasSignedInFrom,
	insertOrganisationWithAdmin,
} from '#app/data/accounts.server.ts'
import { recordAudit } from '#app/data/audit.server.ts'
import { isUniqueViolation } from '#app/data/errors.server.ts'
import { releaseRateLimitSlots, reserveRateLimitSlots } from '#app/data/rate-limit.server.ts'
import { KNOWN_ADDRESS_MS, passwordCheckBuckets, rateLimits } from '#app/domain/accounts/rate-limits.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'

export const INVALID_CREDENTIALS = 'That email and password do not match.'

export type PasswordCheckVia = 'sign-in' | 'invitation' | 're-entry'

function tooManyAttempts(retryAfter: number) {
	return fail.rateLimited(
		`Too many failed sign-in attempts. Please wait ${retryAfter} seconds and try again.`,
		retryAfter,
	)
}

// The ONE place a password is checked, whatever the route: sign-in, accepting an invitation,
// re-entering a password before a sensitive change. The attempt takes its rate-limit slots in
// a short transaction that commits before Argon2 runs, so 40 concurrent guesses check at most
// the limit; a correct password gives its slots back. Failures are audited in their own
// statement, so they survive the failed request.
export async function checkPassword(input: {
	email: string
	password: string
	ip: string | null
	via: PasswordCheckVia
}): Promise<ServiceResult<{ userId: string; email: string; name: string }>> {
	const email = input.email.toLowerCase()
	const user = await findUserByEmail(email)
	const knownAddress = Boolean(
		user && input.ip && (await hasSignedInFrom(user.id, input.ip, new Date(Date.now() - KNOWN_ADDRESS_MS))),
	)
	const reservation = await reserveRateLimitSlots(passwordCheckBuckets({ email, address: input.ip, knownAddress }))
	const organisationId = user ? ((await defaultMembership(user.id))?.organisationId ?? null) : null
	if (reservation.limited) {
		await recordAudit({
			type: 'sign_in_rate_limited',
			organisationId,
			userId: user?.id,
			ip: input.ip,
			detail: { via: input.via, limit: reservation.bucket.split(':')[1] },
		})
		return tooManyAttempts(reservation.retryAfter)
	}
	const valid = user
		? await verifyPassword(user.passwordHash, input.password)
		: (await burnPasswordCheck(input.password), false)
	if (!user || !valid) {
		await recordAudit({
			type: 'sign_in_failed',
			organisationId,
			userId: user?.id,
			ip: input.ip,
			// An unknown address is kept so an operator can see what was tried; a known
			// person is named by their id alone.
			detail: user ? { via: input.via } : { via: input.via, email },
		})
		return fail.invalid(INVALID_CREDENTIALS)
	}
	await releaseRateLimitSlots(reservation)
	return ok({ userId: user.id, email: user.email, name: user.name })
}

// Sign-in: the password check above, then the organisation the session opens in.
export async function signIn(input: {
	email: string
	password: string
	ip: string | null
}): Promise<ServiceResult<{ userId: string; organisationId: string }>> {
	const checked = await checkPassword({ ...input, via: 'sign-in' })
	if (!checked.ok) return checked
	const membership = await defaultMembership(checked.value.userId)
	if (!membership) {
		return fail.forbidden('Your account is no longer a member of any organisation. Ask an admin to invite you again.')
	}
	await recordAudit({
		type: 'sign_in',
		organisationId: membership.organisationId,
		userId: checked.value.userId,
		ip: input.ip,
	})
	return ok({ userId: checked.value.userId, organisationId: membership.organisationId })
}

// For a signed-in person confirming a sensitive change (the coaching work's password change
// and deletion use it): same limiter, same audit, and it must be the viewer's own password.
export async function reenterPassword(input: {
	userId: string
	password: string
	ip: string | null
}): Promise<ServiceResult<undefined>> {
	const user = await findUserById(input.userId)
	if (!user) return fail.notFound('There is no such account.')
	const checked = await checkPassword({ email: user.email, password: input.password, ip: input.ip, via: 're-entry' })
	if (!checked.ok) return checked.kind === 'invalid' ? fail.invalid('That password is not right.') : checked
	return ok(undefined)
}

export const EMAIL_TAKEN = 'An account with this email already exists. Sign in instead.'

// Sign-up says when an e-mail is taken (people need to know to sign in instead). The
// enumeration that allows is capped by the per-address sign-up limit: see docs/security.md.
export async function signUp(input: {
	organisationName: string
	name: string
	email: string
	password: string
	ip: string | null
}): Promise<ServiceResult<{ userId: string; organisationId: string }>> {
	const reservation = await reserveRateLimitSlots([
		{ bucket: `sign-up:address:${input.ip ?? 'unknown'}`, policy: rateLimits.signUpsPerAddress },
	])
	if (reservation.limited) {
		return fail.rateLimited(
			`Too many sign-ups from your network. Please try again in ${Math.ceil(reservation.retryAfter / 60)} minutes.`,
			reservation.retryAfter,
		)
	}
	const emailTaken = fail.conflict(EMAIL_TAKEN, { email: [EMAIL_TAKEN] })
	if (await emailIsTaken(getDb(), input.email)) return emailTaken
	const passwordHash = await hashPassword(input.password)
	// Two sign-ups at one moment can race on the e-mail (the loser hears what a later one
	// would) or on the organisation's slug (the next free slug is taken on a retry).
	for (let attempt = 0; ; attempt++) {
		try {
			const created = await getDb().transaction(async (tx) => {
				if (await emailIsTaken(tx, input.email)) return undefined
				const { organisation, user } = await insertOrganisationWithAdmin(tx, { ...input, passwordHash })
				await recordAudit({ type: 'sign_up', organisationId: organisation.id, userId: user.id, ip: input.ip }, tx)
				return { userId: user.id, organisationId: organisation.id }
			})
			return created ? ok(created) : emailTaken
		} catch (error) {
			if (isUniqueViolation(error, 'users_email_key')) return emailTaken
			if (attempt < 3 && isUniqueViolation(error, 'organisations_slug_unique')) continue
			throw error
		}
	}
}
