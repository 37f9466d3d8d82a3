import { createHash } from 'node:crypto'

// RFC 4122 §4.3 name-based UUID (version 5, SHA-1): the same name in the same namespace always
// gives the same id, which makes an xAPI re-export idempotent in a learning record store.
export function uuidV5(name: string, namespace: string): string {
	const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex')
	if (ns.length !== 16) throw new Error('namespace must be a UUID')
	const hash = createHash('sha1').update(ns).update(name, 'utf8').digest()
	const bytes = hash.subarray(0, 16)
	bytes[6] = (bytes[6]! & 0x0f) | 0x50
	bytes[8] = (bytes[8]! & 0x3f) | 0x80
	const hex = bytes.toString('hex')
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
