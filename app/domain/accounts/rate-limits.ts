export type RateLimitPolicy = { limit: number; windowMs: number }

const MINUTE = 60_000

// The numbers and their reasons are in docs/security.md; how they key is ADR 0005.
export const rateLimits = {
	// One person guessing one account from one address: the tight limit.
	passwordFailuresPerAccountAndAddress: { limit: 10, windowMs: 15 * MINUTE },
	// Distributed guessing of one account. Addresses the person signed in from before are
	// exempt, so a stranger elsewhere cannot lock the owner out.
	passwordFailuresPerAccount: { limit: 20, windowMs: 60 * MINUTE },
	// One address spraying many accounts. Again not counted for an address the person is
	// known at, so an attacker behind an office's NAT does not lock the office out.
	passwordFailuresPerAddress: { limit: 50, windowMs: 15 * MINUTE },
	signUpsPerAddress: { limit: 10, windowMs: 60 * MINUTE },
} satisfies Record<string, RateLimitPolicy>

// How long a successful sign-in makes an address "known" for that account.
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE

export type LimitBucket = { bucket: string; policy: RateLimitPolicy }

// The buckets one password check reserves a slot in (ADR 0005).
export function passwordCheckBuckets(input: {
	email: string
	address: string | null
	knownAddress: boolean
}): LimitBucket[] {
	const email = input.email.toLowerCase()
	const address = input.address ?? 'unknown'
	const buckets: LimitBucket[] = [
		{ bucket: `password:account-address:${email}:${address}`, policy: rateLimits.passwordFailuresPerAccountAndAddress },
	]
	if (!input.knownAddress) {
		buckets.push(
			{ bucket: `password:account:${email}`, policy: rateLimits.passwordFailuresPerAccount },
			{ bucket: `password:address:${address}`, policy: rateLimits.passwordFailuresPerAddress },
		)
	}
	return buckets
}

export function retryAfterSeconds(oldestInWindow: Date, policy: RateLimitPolicy, now: Date): number {
	const until = oldestInWindow.getTime() + policy.windowMs
	return Math.max(1, Math.ceil((until - now.getTime()) / 1000))
}
