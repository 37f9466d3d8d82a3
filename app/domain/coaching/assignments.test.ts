import { describe, expect, it } from 'vitest'
import { itemsFor, pathProgress, summarise, type AssignmentFact, type PersonFacts } from './assignments.ts'

const base: AssignmentFact = {
	id: 'a',
	kind: 'scenario',
	scenarioSlug: 's',
	teamId: null,
	userId: 'me',
	dueOn: null,
	createdAt: new Date('2026-03-01T10:00:00Z'),
	pathId: null,
	pathPosition: null,
}
const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
	teamIds: new Set(['t1']),
	completedAssignmentIds: new Set(),
	lastAssessmentAt: null,
	...over,
})
const now = new Date('2026-03-10T12:00:00Z')

describe('itemsFor', () => {
	it('reaches the learner directly or through a team they are in now, not others', () => {
		const list = [
			{ ...base, id: 'mine' },
			{ ...base, id: 'team', userId: null, teamId: 't1' },
			{ ...base, id: 'other-team', userId: null, teamId: 't2' },
			{ ...base, id: 'someone-else', userId: 'you' },
		]
		expect(itemsFor('me', list, person(), now, 'UTC').map((i) => i.assignment.id)).toEqual(['mine', 'team'])
	})
	it('marks done by a completed assigned attempt, or an assessment completed after the assignment', () => {
		const list = [
			{ ...base, id: 's1' },
			{ ...base, id: 's2' },
			{ ...base, id: 'as1', kind: 'assessment' as const, scenarioSlug: null },
			{ ...base, id: 'as2', kind: 'assessment' as const, scenarioSlug: null, createdAt: new Date('2026-03-05') },
		]
		const items = itemsFor(
			'me',
			list,
			person({ completedAssignmentIds: new Set(['s1']), lastAssessmentAt: new Date('2026-03-02') }),
			now,
			'UTC',
		)
		const done = Object.fromEntries(items.map((i) => [i.assignment.id, i.done]))
		expect(done).toEqual({ s1: true, s2: false, as1: true, as2: false })
	})
	it('puts overdue first and done last, and overdue follows the organisation zone', () => {
		const list = [
			{ ...base, id: 'later', dueOn: '2026-03-20' },
			{ ...base, id: 'late', dueOn: '2026-03-09' },
			{ ...base, id: 'done', dueOn: '2026-03-01' },
		]
		const items = itemsFor('me', list, person({ completedAssignmentIds: new Set(['done']) }), now, 'UTC')
		expect(items.map((i) => [i.assignment.id, i.overdue])).toEqual([
			['late', true],
			['later', false],
			['done', false],
		])
		expect(summarise(items)).toEqual({ total: 3, done: 1, overdue: 1 })
		// 01:00 in Kiritimati (UTC+14) is already the next day: due the 10th is overdue there first.
		const edge = new Date('2026-03-10T11:00:00Z')
		const due10 = [{ ...base, dueOn: '2026-03-10' }]
		expect(itemsFor('me', due10, person(), edge, 'Pacific/Kiritimati')[0]?.overdue).toBe(true)
		expect(itemsFor('me', due10, person(), edge, 'UTC')[0]?.overdue).toBe(false)
	})
	it('counts progress per path', () => {
		const list = [1, 2, 3].map((n) => ({ ...base, id: `p${n}`, pathId: 'path', pathPosition: n }))
		const items = itemsFor('me', list, person({ completedAssignmentIds: new Set(['p2']) }), now, 'UTC')
		expect(pathProgress(items)).toEqual([{ pathId: 'path', done: 1, total: 3 }])
	})
})
