import { describe, expect, it } from 'vitest'
import {
	MIN_STRESS_OPPORTUNITIES,
	practiceStressEvidence,
	stressComparisonNote,
} from '#app/domain/assessment/stress-evidence.ts'

describe('practice evidence beside the self-reported stress pattern', () => {
	it('shows a practice rate only from enough chances on', () => {
		expect(practiceStressEvidence({ offered: 0, chosen: 0 })).toEqual({ kind: 'none' })
		const few = practiceStressEvidence({ offered: MIN_STRESS_OPPORTUNITIES - 1, chosen: 4 })
		expect(few).toMatchObject({ kind: 'too_few' })
		expect(few.kind === 'too_few' && few.text).toMatch(/too few/)
		expect(JSON.stringify(few)).not.toMatch(/80%/)
		expect(practiceStressEvidence({ offered: 8, chosen: 2 })).toMatchObject({
			kind: 'enough',
			rate: 0.25,
			text: '2 of 8 (25%)',
		})
	})

	it('adds the caveat only when something is compared', () => {
		const enough = practiceStressEvidence({ offered: 8, chosen: 2 })
		const few = practiceStressEvidence({ offered: 2, chosen: 2 })
		expect(stressComparisonNote([few], true)).toBeNull()
		expect(stressComparisonNote([enough], false)).toBeNull()
		expect(stressComparisonNote([few, enough], true)).toMatch(/neither is the wrong one/)
	})
})
