export type RateLimitPolicy = { limit: number; windowMs: number }

// Per account: the 11th failed sign-in within a minute is refused. Per IP the bar is
// higher because an office behind one NAT address shares it.
export const rateLimits = {
	signInFailuresPerAccount: { limit: 10, windowMs: 60_000 },
	signInFailuresPerIp: { limit: 30, windowMs: 60_000 },
	signUpsPerIp: { limit: 10, windowMs: 60 * 60_000 },
} satisfies Record<string, RateLimitPolicy>

export function retryAfterSeconds(oldestInWindow: Date, policy: RateLimitPolicy, now: Date): number {
	const until = oldestInWindow.getTime() + policy.windowMs
	return Math.max(1, Math.ceil((until - now.getTime()) / 1000))
}
