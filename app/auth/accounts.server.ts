import { recordAudit } from '#app/data/audit.server.ts'
import {
	createOrganisationWithAdmin,
	defaultMembership,
	EmailTakenError,
	findUserByEmail,
} from '#app/data/accounts.server.ts'
import { rateLimitStatus, recordRateLimitEvent } from '#app/data/rate-limit.server.ts'
import { burnPasswordCheck, hashPassword, verifyPassword } from '#app/auth/password.server.ts'
import { rateLimits } from '#app/domain/accounts/rate-limits.ts'

export type SignInResult =
	| { ok: true; userId: string; organisationId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'no-membership' }
	| { ok: false; reason: 'rate-limited'; retryAfter: number }

const accountBucket = (email: string) => `sign-in-failure:account:${email}`
const ipBucket = (ip: string | null) => `sign-in-failure:ip:${ip ?? 'unknown'}`

export async function signIn(input: { email: string; password: string; ip: string | null }): Promise<SignInResult> {
	for (const [bucket, policy] of [
		[accountBucket(input.email), rateLimits.signInFailuresPerAccount],
		[ipBucket(input.ip), rateLimits.signInFailuresPerIp],
	] as const) {
		const status = await rateLimitStatus(bucket, policy)
		if (status.limited) {
			await recordAudit({ type: 'sign_in_rate_limited', ip: input.ip, detail: { email: input.email, bucket } })
			return { ok: false, reason: 'rate-limited', retryAfter: status.retryAfter }
		}
	}

	const user = await findUserByEmail(input.email)
	const valid = user
		? await verifyPassword(user.passwordHash, input.password)
		: (await burnPasswordCheck(input.password), false)
	const membership = user && valid ? await defaultMembership(user.id) : undefined

	if (!user || !valid) {
		await recordRateLimitEvent(accountBucket(input.email))
		await recordRateLimitEvent(ipBucket(input.ip))
		const org = user ? await defaultMembership(user.id) : undefined
		await recordAudit({
			type: 'sign_in_failed',
			organisationId: org?.organisationId,
			userId: user?.id,
			ip: input.ip,
			detail: { email: input.email },
		})
		return { ok: false, reason: 'invalid' }
	}
	if (!membership) return { ok: false, reason: 'no-membership' }
	await recordAudit({ type: 'sign_in', organisationId: membership.organisationId, userId: user.id, ip: input.ip })
	return { ok: true, userId: user.id, organisationId: membership.organisationId }
}

export type SignUpResult =
	| { ok: true; userId: string; organisationId: string }
	| { ok: false; reason: 'email-taken' }
	| { ok: false; reason: 'rate-limited'; retryAfter: number }

export async function signUp(input: {
	organisationName: string
	name: string
	email: string
	password: string
	ip: string | null
}): Promise<SignUpResult> {
	const bucket = `sign-up:ip:${input.ip ?? 'unknown'}`
	const status = await rateLimitStatus(bucket, rateLimits.signUpsPerIp)
	if (status.limited) return { ok: false, reason: 'rate-limited', retryAfter: status.retryAfter }
	await recordRateLimitEvent(bucket)
	try {
		const { organisation, user } = await createOrganisationWithAdmin({
			organisationName: input.organisationName,
			name: input.name,
			email: input.email,
			passwordHash: await hashPassword(input.password),
		})
		await recordAudit({ type: 'sign_up', organisationId: organisation.id, userId: user.id, ip: input.ip })
		return { ok: true, userId: user.id, organisationId: organisation.id }
	} catch (error) {
		if (error instanceof EmailTakenError) return { ok: false, reason: 'email-taken' }
		throw error
	}
}
