import { describe, expect, it } from 'vitest'
import { statementSchema } from '#app/domain/xapi/statement-schema.ts'
import { attemptStatements, type AttemptForXapi } from '#app/domain/xapi/statements.ts'

const attempt: AttemptForXapi = {
	id: '0f8fad5b-d9cb-469f-a165-70867728950e',
	scenarioSlug: 'catch-up-bill',
	scenarioTitle: 'A catch-up bill',
	actorId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
	decisions: [
		{
			step: 1,
			nodeId: 'opening',
			choiceId: 'confirm',
			metersAfter: { trust: 40 },
			msTaken: 1234,
			createdAt: '2026-12-02T07:00:00.000Z',
		},
		{
			step: 2,
			nodeId: 'rates',
			choiceId: 'check',
			metersAfter: { trust: 55 },
			msTaken: 800,
			createdAt: '2026-12-02T07:00:05.000Z',
		},
	],
	ending: { outcome: 'resolved', createdAt: '2026-12-02T07:00:05.000Z', skills: { clarity: 0.8 } },
}
const ids = (name: string) =>
	`00000000-0000-5000-8000-${name.endsWith('end') ? 'eeeeeeeeeeee' : name.split(':')[1]!.padStart(12, '0')}`

describe('attemptStatements', () => {
	const statements = attemptStatements(attempt, 'https://attune.example.org/', ids)

	it('makes one answered statement per decision and one completed for the ending, all valid 1.0.3', () => {
		expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual(['answered', 'answered', 'completed'])
		for (const s of statements) expect(statementSchema.safeParse(s).error?.issues ?? []).toEqual([])
	})

	it('names the learner only by the opaque actor id, under PUBLIC_URL', () => {
		for (const s of statements) {
			expect(s.actor).toEqual({
				objectType: 'Agent',
				account: { homePage: 'https://attune.example.org', name: attempt.actorId },
			})
			expect(JSON.stringify(s)).not.toMatch(/mailto|@/)
			expect(
				'id' in s.object &&
					s.object.id.startsWith('https://attune.example.org/xapi/activities/scenarios/catch-up-bill'),
			).toBe(true)
		}
	})

	it('carries meters and skill evidence in result.extensions, and the choice as the response', () => {
		expect(statements[0]!.result).toMatchObject({
			response: 'confirm',
			duration: 'PT1.23S',
			extensions: { 'https://attune.example.org/xapi/extensions/meters': { trust: 40 } },
		})
		expect(statements[2]!.result?.extensions).toEqual({
			'https://attune.example.org/xapi/extensions/outcome': 'resolved',
			'https://attune.example.org/xapi/extensions/meters': { trust: 55 },
			'https://attune.example.org/xapi/extensions/skill-scores': { clarity: 0.8 },
		})
	})

	it('leaves out the ending of an unfinished attempt', () => {
		expect(attemptStatements({ ...attempt, ending: null }, 'https://a.example', ids)).toHaveLength(2)
	})
})
