import { timingSafeEqual } from 'node:crypto'
import type express from 'express'
import { startSession } from '#app/auth/session.server.ts'
import { defaultMembership, findUserByEmail } from '#app/data/accounts.server.ts'
import { E2E_SIGN_IN_PATH } from '#tests/support/e2e-fixture.ts'

// The end-to-end suite's sign-in fixture: a session created through the real modules (the same
// startSession the sign-in form uses), without the form, for tests that are not about signing in.
// The browser itself receives the cookie (a navigation), exactly as after a real sign-in.
// scripts/server.ts mounts it only when the Playwright config hands the server a one-run secret
// (ATTUNE_E2E_FIXTURE_TOKEN); `npm start` never does. Without the secret the path is a 404.
export function mountE2eSignIn(app: express.Express, secret: string): void {
	if (secret.length < 32) throw new Error('ATTUNE_E2E_FIXTURE_TOKEN must be at least 32 characters')
	const expected = Buffer.from(secret)
	app.get(E2E_SIGN_IN_PATH, async (req, res, next) => {
		try {
			const given = Buffer.from(typeof req.query.token === 'string' ? req.query.token : '')
			if (given.length !== expected.length || !timingSafeEqual(given, expected)) return next()
			const email = typeof req.query.email === 'string' ? req.query.email : ''
			const to = typeof req.query.to === 'string' && req.query.to.startsWith('/') ? req.query.to : '/home'
			const user = await findUserByEmail(email)
			const membership = user ? await defaultMembership(user.id) : undefined
			if (!user || !membership) return void res.status(400).type('text/plain').send(`No member has the email ${email}.`)
			const request = new Request(`http://${req.get('host')}/`, {
				headers: { 'User-Agent': req.get('user-agent') ?? 'e2e' },
			})
			const headers = await startSession(request, user.id, membership.organisationId)
			res.setHeader('Set-Cookie', headers['Set-Cookie'])
			res.redirect(303, to)
		} catch (error) {
			next(error)
		}
	})
}
