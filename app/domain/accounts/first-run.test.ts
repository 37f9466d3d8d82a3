import { describe, expect, it } from 'vitest'
import { adminChecklist, greeting, showsChecklist, type FirstRunFacts } from '#app/domain/accounts/first-run.ts'

const fresh: FirstRunFacts = {
	teams: 0,
	invitedOrJoined: 0,
	ownAssessmentResults: 0,
	ownAttempts: 0,
	visits: 1,
	checklistDismissed: false,
}

describe('adminChecklist', () => {
	it('starts with nothing done, each item linking where it is done', () => {
		const items = adminChecklist(fresh)
		expect(items.map((i) => [i.id, i.to, i.done])).toEqual([
			['team', '/teams', false],
			['invite', '/members', false],
			['assessment', '/assessment', false],
			['role-play', '/practice', false],
		])
	})

	it.each([
		['team', { teams: 1 }],
		['invite', { invitedOrJoined: 2 }],
		['assessment', { ownAssessmentResults: 1 }],
		['role-play', { ownAttempts: 1 }],
	] as const)('ticks %s from its own fact only', (id, change) => {
		const items = adminChecklist({ ...fresh, ...change })
		expect(items.filter((i) => i.done).map((i) => i.id)).toEqual([id])
	})
})

describe('showsChecklist', () => {
	it('is for admins who have not dismissed it', () => {
		expect(showsChecklist('admin', fresh)).toBe(true)
		expect(showsChecklist('admin', { ...fresh, checklistDismissed: true })).toBe(false)
		expect(showsChecklist('coach', fresh)).toBe(false)
		expect(showsChecklist('learner', fresh)).toBe(false)
	})
})

describe('greeting', () => {
	it('welcomes back only someone who has been here before', () => {
		expect(greeting('Ada', 1)).toBe('Welcome, Ada')
		expect(greeting('Ada', 0)).toBe('Welcome, Ada')
		expect(greeting('Ada', 2)).toBe('Welcome back, Ada')
	})
})
