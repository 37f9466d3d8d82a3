import { describe, expect, it } from 'vitest'
import { invitationState, isSessionActive, shouldTouchSession, slugify } from '#app/domain/accounts/lifetimes.ts'

const policy = { idleMs: 60 * 60_000, maxAgeMs: 24 * 60 * 60_000 }
const t0 = new Date('2026-01-01T09:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

describe('sessions', () => {
	it('stay active while used within the idle timeout', () => {
		expect(isSessionActive({ lastSeenAt: at(0), expiresAt: at(24 * 60) }, at(59), policy)).toBe(true)
	})
	it('end after the idle timeout', () => {
		expect(isSessionActive({ lastSeenAt: at(0), expiresAt: at(24 * 60) }, at(61), policy)).toBe(false)
	})
	it('end at the absolute lifetime even when used constantly', () => {
		expect(isSessionActive({ lastSeenAt: at(24 * 60 - 1), expiresAt: at(24 * 60) }, at(24 * 60), policy)).toBe(false)
	})
	it('are touched at most once a minute', () => {
		expect(shouldTouchSession({ lastSeenAt: at(0), expiresAt: at(100) }, new Date(t0.getTime() + 30_000))).toBe(false)
		expect(shouldTouchSession({ lastSeenAt: at(0), expiresAt: at(100) }, at(2))).toBe(true)
	})
})

describe('invitations', () => {
	const base = { expiresAt: at(60), acceptedAt: null, revokedAt: null }
	it('are usable until they expire', () => {
		expect(invitationState(base, at(59))).toBe('usable')
		expect(invitationState(base, at(60))).toBe('expired')
	})
	it('cannot be used twice or after revocation', () => {
		expect(invitationState({ ...base, acceptedAt: at(1) }, at(2))).toBe('accepted')
		expect(invitationState({ ...base, revokedAt: at(1) }, at(2))).toBe('revoked')
	})
})

describe('slugify', () => {
	it('makes a URL-safe slug from any organisation name', () => {
		expect(slugify('Northwind Support')).toBe('northwind-support')
		expect(slugify('  Café Ñandú & Co. ')).toBe('cafe-nandu-co')
		expect(slugify('!!!')).toBe('organisation')
	})
})
