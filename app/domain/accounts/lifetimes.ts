export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000
// A reset link hands over an account, so it lives for a day, not a week.
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000

export type SessionTimes = { lastSeenAt: Date; expiresAt: Date }

export type SessionPolicy = { idleMs: number; maxAgeMs: number }

export function sessionExpiry(createdAt: Date, policy: SessionPolicy): Date {
	return new Date(createdAt.getTime() + policy.maxAgeMs)
}

export function isSessionActive(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
	if (now.getTime() >= session.expiresAt.getTime()) return false
	return now.getTime() - session.lastSeenAt.getTime() < policy.idleMs
}

// Writing last_seen_at on every request would put a write on every page view
// (the play loop included); a minute's resolution is plenty for an idle timeout.
export function shouldTouchSession(session: SessionTimes, now: Date): boolean {
	return now.getTime() - session.lastSeenAt.getTime() > 60_000
}

export type InvitationState = 'usable' | 'expired' | 'accepted' | 'revoked'

export function invitationState(
	inv: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null },
	now: Date,
): InvitationState {
	if (inv.revokedAt) return 'revoked'
	if (inv.acceptedAt) return 'accepted'
	if (now.getTime() >= inv.expiresAt.getTime()) return 'expired'
	return 'usable'
}

export function slugify(name: string): string {
	const base = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48)
	return base || 'organisation'
}

export type PasswordResetState = 'usable' | 'expired' | 'used'

export function passwordResetState(reset: { expiresAt: Date; usedAt: Date | null }, now: Date): PasswordResetState {
	if (reset.usedAt) return 'used'
	if (now.getTime() >= reset.expiresAt.getTime()) return 'expired'
	return 'usable'
}
