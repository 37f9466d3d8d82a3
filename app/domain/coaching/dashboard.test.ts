import { describe, expect, it } from 'vitest'
import { levelFromScores } from '#app/domain/feedback/skill-levels.ts'
import { attentionReasons, levelBefore, trendOf } from './dashboard.ts'

describe('levelBefore', () => {
	it('recovers the level before the last three scores from the current level alone', () => {
		const scores = [70, 80, 75, 72, 50, 40, 45]
		const now = levelFromScores(scores)!
		const earlier = levelFromScores(scores.slice(0, -3))!
		const latest = scores.slice(-3).reverse()
		expect(levelBefore(now, latest)).toBeCloseTo(earlier.level, 9)
		expect(trendOf(now, latest)?.direction).toBe('down')
	})
	it('compares with the first score when the window reaches the first attempt, and has no trend for one attempt', () => {
		const two = levelFromScores([40, 80])!
		expect(levelBefore(two, [80, 40])).toBeCloseTo(40, 9)
		expect(trendOf(two, [80, 40])).toEqual({ change: 14, direction: 'up' })
		expect(levelBefore(levelFromScores([55])!, [55])).toBeNull()
	})
})

describe('attentionReasons', () => {
	const now = new Date('2026-03-20T12:00:00Z')
	const recent = new Date('2026-03-18T12:00:00Z')
	const fell = { skill: 'empathy', label: 'Empathy', trend: { change: -12, direction: 'down' as const } }
	const dipped = { skill: 'clarity', label: 'Clarity', trend: { change: -9, direction: 'down' as const } }
	it('names a fall of 10 points or more, overdue work and a quiet fortnight', () => {
		expect(
			attentionReasons({ trends: [fell, dipped], overdue: 2, lastActivity: recent, inTeamSince: recent }, now),
		).toEqual(['Empathy fell 12 points over the last 3 shared attempts', '2 overdue assignments'])
		expect(
			attentionReasons(
				{ trends: [], overdue: 0, lastActivity: new Date('2026-03-06T12:00:00Z'), inTeamSince: recent },
				now,
			),
		).toEqual(['no shared or assigned activity for 14 days'])
	})
	it('gives a new team member time before calling them quiet', () => {
		expect(attentionReasons({ trends: [dipped], overdue: 0, lastActivity: null, inTeamSince: recent }, now)).toEqual([])
		expect(
			attentionReasons({ trends: [], overdue: 0, lastActivity: null, inTeamSince: new Date('2026-03-01') }, now),
		).toEqual(['no shared or assigned activity yet (19 days in the team)'])
	})
})
