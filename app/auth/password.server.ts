import { hash, verify } from '@node-rs/argon2'

// OWASP's Argon2id baseline (m=19 MiB, t=2, p=1): ~40 ms per hash on our machines.
const options = {
	algorithm: 2 as const /* Algorithm.Argon2id; a const enum, unusable with isolatedModules */,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1,
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password)
	} catch {
		return false
	}
}

let dummyHash: Promise<string> | undefined
// Spend the same time on unknown emails as on known ones, so timing does not reveal accounts.
export async function burnPasswordCheck(password: string): Promise<void> {
	dummyHash ??= hashPassword('attune-timing-equaliser')
	await verifyPassword(await dummyHash, password)
}
