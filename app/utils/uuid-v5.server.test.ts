import { describe, expect, it } from 'vitest'
import { uuidV5 } from '#app/utils/uuid-v5.server.ts'

describe('uuidV5', () => {
	it('matches the RFC 4122 / Python uuid.uuid5 value for the DNS namespace', () => {
		// python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))"
		expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d')
	})
	it('is stable and depends on the name', () => {
		const ns = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'
		expect(uuidV5('a', ns)).toBe(uuidV5('a', ns))
		expect(uuidV5('a', ns)).not.toBe(uuidV5('b', ns))
		expect(uuidV5('a', ns)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
	})
})
