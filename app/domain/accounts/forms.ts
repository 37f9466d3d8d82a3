import { z } from 'zod'
import { roles } from '#app/domain/accounts/roles.ts'

// Long passphrases are welcome; the cap only stops multi-megabyte bodies reaching Argon2.
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 1024

const email = z
	.string({ error: 'Enter an email address' })
	.trim()
	.max(254, 'That email address is too long')
	.pipe(z.email({ error: 'Enter a valid email address, like name@example.com' }))
	.transform((v) => v.toLowerCase())

const newPassword = z
	.string({ error: 'Choose a password' })
	.min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
	.max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)

const personName = z
	.string({ error: 'Enter your name' })
	.trim()
	.min(1, 'Enter your name')
	.max(80, 'Use at most 80 characters')

export const signupSchema = z.object({
	organisationName: z
		.string({ error: 'Enter the name of your organisation' })
		.trim()
		.min(2, 'Use at least 2 characters')
		.max(80, 'Use at most 80 characters'),
	name: personName,
	email,
	password: newPassword,
})

export const loginSchema = z.object({
	email,
	password: z
		.string({ error: 'Enter your password' })
		.min(1, 'Enter your password')
		.max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`),
	redirectTo: z.string().optional(),
})

export const inviteSchema = z.object({
	intent: z.literal('invite'),
	email,
	role: z.enum(roles, { error: 'Choose a role' }),
})

export const changeRoleSchema = z.object({
	intent: z.literal('change-role'),
	role: z.enum(roles, { error: 'Choose a role' }),
})

export const removeMemberSchema = z.object({ intent: z.literal('remove') })

export const acceptInvitationSchema = z.object({
	name: personName,
	password: newPassword,
})

export const teamNameSchema = z.object({
	intent: z.literal('create-team'),
	name: z
		.string({ error: 'Enter a team name' })
		.trim()
		.min(2, 'Use at least 2 characters')
		.max(60, 'Use at most 60 characters'),
})

// Only same-site relative paths: an open redirect would turn sign-in into a phishing aid.
export function safeRedirect(to: unknown, fallback = '/home'): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) {
		return fallback
	}
	return to
}

export const teamPersonSchema = z.object({
	intent: z.enum(['add-person', 'remove-person']),
	teamId: z.uuid({ error: 'Choose a team' }),
	userId: z.uuid({ error: 'Choose a person' }),
	position: z.enum(['member', 'coach'], { error: 'Choose member or coach' }),
})
