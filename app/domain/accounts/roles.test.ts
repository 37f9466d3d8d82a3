import { describe, expect, it } from 'vitest'
import { navigationFor, roles } from '#app/domain/accounts/roles.ts'

describe('navigationFor', () => {
	it.each(roles)('gives the %s role My style and Practice, once each', (role) => {
		const targets = navigationFor(role).map((item) => item.to)
		expect(targets).toContain('/assessment')
		expect(targets).toContain('/practice')
		expect(new Set(targets).size).toBe(targets.length)
	})
})
