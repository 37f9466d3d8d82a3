import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { getEnv } from '#app/utils/env.server.ts'

export function randomToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url')
}

// Tokens are stored hashed so that a copy of the database cannot be replayed.
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex')
}

let processSecret: string | undefined
function signingSecret(): string {
	processSecret ??= getEnv().SESSION_SECRET ?? randomToken(32)
	return processSecret
}

const mac = (purpose: string, body: string, secret: string) =>
	createHmac('sha256', secret).update(`${purpose}\n${body}`).digest()

// `body.mac`, HMAC-SHA256 over the purpose and the body, so a value signed for one use is
// refused by another. The body is base64url JSON: readable, not secret.
export function signValue(purpose: string, value: unknown, secret = signingSecret()): string {
	const body = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
	return `${body}.${mac(purpose, body, secret).toString('base64url')}`
}

// The parsed JSON of a value signed for `purpose`, or undefined if the signature does not match.
// The caller still validates its shape: a valid signature only says the server wrote it.
export function verifySignedValue(purpose: string, token: string, secret = signingSecret()): unknown {
	const [body, signature, extra] = token.split('.')
	if (!body || !signature || extra !== undefined) return undefined
	const given = Buffer.from(signature, 'base64url')
	const expected = mac(purpose, body, secret)
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
	try {
		return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown
	} catch {
		return undefined
	}
}
