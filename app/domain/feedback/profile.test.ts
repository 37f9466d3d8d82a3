import { describe, expect, it } from 'vitest'
import { learnerProfileFrom } from '#app/domain/feedback/profile.ts'
import type { AssessmentResult } from '#app/domain/assessment/result.ts'
import { stressLevels } from '#app/domain/assessment/stress-levels.ts'
import { STRESS_REACTIONS } from '#app/domain/style.ts'

const result = (over: Partial<AssessmentResult>): AssessmentResult =>
	({
		instrumentVersion: 'v1',
		normsId: 'n',
		axes: {
			assertiveness: { raw: 3, z: 0, se: 0.3 },
			responsiveness: { raw: 3, z: 0, se: 0.3 },
		},
		dot: { x: 0.4, y: -0.2, angleDeg: 10, distance: 0.5, se: { x: 0.3, y: 0.3 } },
		placement: { kind: 'style', style: 'harmonizer', strength: 'clear' },
		stress: { scores: { take_over: 2, push_harder: 3, give_in: 4.2, withdraw: 3.6 }, elevated: [], primary: null },
		cues: { correct: 0, total: 0, byStyle: {}, missed: [] },
		flags: [],
		quality: {
			longestRun: 0,
			uniformPages: 0,
			medianSecondsPerItem: 4,
			contradictoryPairs: 0,
			pairs: 0,
			checkPassed: true,
		},
		...over,
	}) as AssessmentResult

describe('learnerProfileFrom (the one adapter from a stored result)', () => {
	it('is null without a result: the debrief never invents a profile', () => {
		expect(learnerProfileFrom('r', null)).toBeNull()
	})

	it('gives each reaction a level with uncertainty, never a single primary label', () => {
		const p = learnerProfileFrom('r1', result({}))!
		expect(p.resultId).toBe('r1')
		expect(p.styles).toEqual(['harmonizer'])
		// With v1's error (80% band ± 0.65): 4.2 is elevated and clear of the 3.5 cut.
		expect(p.stress.give_in).toEqual({ level: 'elevated', borderline: false })
		// 3.6 is above the 3.5 cut, but its band reaches down past the midpoint: typical, borderline.
		expect(p.stress.withdraw).toEqual({ level: 'typical', borderline: true })
		// v1's stress scales are too short to tell a 3.0 from either cut: typical, borderline.
		expect(p.stress.push_harder).toEqual({ level: 'typical', borderline: true })
		// 2.0 is low, but its band reaches past the 2.5 cut.
		expect(p.stress.take_over).toEqual({ level: 'low', borderline: true })
		expect(p).not.toHaveProperty('primary')
	})

	it('keeps both styles of a blend, none when balanced, and the flag', () => {
		const blend = learnerProfileFrom(
			'r',
			result({ placement: { kind: 'blend', styles: ['director', 'analyst'], leaning: null } }),
		)!
		expect(blend.styles).toEqual(['director', 'analyst'])
		const balanced = learnerProfileFrom(
			'r',
			result({ placement: { kind: 'balanced' }, flags: [{ kind: 'speeding', message: 'fast' }] }),
		)!
		expect(balanced.styles).toEqual([])
		expect(balanced.flagged).toBe(true)
	})

	it('reads each level from the assessment itself, so the report and the debrief agree', () => {
		const r = result({})
		const p = learnerProfileFrom('r', r)!
		const readings = stressLevels(r)
		for (const reaction of STRESS_REACTIONS) expect(p.stress[reaction].level).toBe(readings[reaction].level)
	})
})
