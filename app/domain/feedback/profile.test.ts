import { describe, expect, it } from 'vitest'
import { learnerProfileFrom, reactionLevel, STRESS_LOW } from '#app/domain/feedback/profile.ts'
import type { AssessmentResult } from '#app/domain/assessment/result.ts'
import { STRESS_ELEVATED } from '#app/domain/assessment/scoring.ts'

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
		expect(p.stress.give_in).toEqual({ level: 'elevated', borderline: false })
		// 3.6 is above the 3.5 cut but within its uncertainty.
		expect(p.stress.withdraw).toEqual({ level: 'elevated', borderline: true })
		expect(p.stress.push_harder).toEqual({ level: 'typical', borderline: false })
		expect(p.stress.take_over).toEqual({ level: 'low', borderline: false })
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

	it('puts the cuts where documented', () => {
		expect(reactionLevel(STRESS_ELEVATED).level).toBe('elevated')
		expect(reactionLevel(STRESS_LOW - 0.01).level).toBe('low')
		expect(reactionLevel(STRESS_LOW).level).toBe('typical')
	})
})
