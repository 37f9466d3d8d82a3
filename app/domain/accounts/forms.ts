import { z } from 'zod'
import { roles } from '#app/domain/accounts/roles.ts'
import { text } from '#app/domain/text.ts'

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

const personName = text({ required: 'Enter your name', max: 80 })

export const signupSchema = z.object({
	organisationName: text({ required: 'Enter the name of your organisation', min: 2, max: 80 }),
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
	// Never refused: an unusable target quietly becomes the home page (safeRedirect).
	redirectTo: z.string().max(2048).optional().catch(undefined),
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

export const removeMemberSchema = z.object({ intent: z.literal('deactivate') })

export const resetLinkSchema = z.object({ intent: z.literal('reset-link') })

export const acceptInvitationSchema = z.object({
	name: personName,
	password: newPassword,
})

export const teamNameSchema = z.object({
	intent: z.literal('create-team'),
	name: text({ required: 'Enter a team name', min: 2, max: 60 }),
})

const ORIGIN = 'http://attune.invalid'

// Only same-origin paths: an open redirect would turn sign-in into a phishing aid. The target
// is resolved the way a browser resolves it (tabs and newlines dropped, backslashes read as
// slashes), and the normalised, percent-encoded form is returned, so the Location header can
// neither leave the site nor carry a byte that breaks the response.
export function safeRedirect(to: unknown, fallback = '/home'): string {
	if (typeof to !== 'string' || !to.startsWith('/')) return fallback
	let url: URL
	try {
		url = new URL(to, ORIGIN)
	} catch {
		return fallback
	}
	if (url.origin !== ORIGIN) return fallback
	const target = `${url.pathname}${url.search}${url.hash}`
	// '/.//host' normalises to the path '//host', which a browser reads as another site.
	if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback
	return target
}

export const teamPersonSchema = z.object({
	intent: z.enum(['add-person', 'remove-person']),
	teamId: z.uuid({ error: 'Choose a team' }),
	userId: z.uuid({ error: 'Choose a person' }),
	position: z.enum(['member', 'coach'], { error: 'Choose member or coach' }),
})

// Account recovery and leaving with your data (coaching issue).
export const setPasswordSchema = z.object({ password: newPassword })

export const changePasswordSchema = z.object({
	intent: z.literal('change-password'),
	currentPassword: z
		.string({ error: 'Enter your current password' })
		.min(1, 'Enter your current password')
		.max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`),
	newPassword,
})

export const deleteDataSchema = z.object({
	intent: z.literal('delete-data'),
	scope: z.enum(['organisation', 'account'], { error: 'Choose what to delete' }),
	password: z
		.string({ error: 'Enter your password to confirm' })
		.min(1, 'Enter your password to confirm')
		.max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`),
})
