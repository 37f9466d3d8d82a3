// Read and write agree (issue 11, item 2): however a learner loops, the engine ends the
// conversation at the authored out-of-time ending after maxReplies, and what it stored can
// always be read back.
import { describe, expect, it } from 'vitest'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import looping from '#app/domain/scenario/fixtures/looping-trust.yaml?raw'
import { edit } from '#app/domain/scenario/fixtures/helpers.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { applyChoice, currentNodeId, initialSnapshot, isFinished, persistSnapshot } from '#app/domain/scenario/play.ts'
import { MAX_PATH_LENGTH, restoreSnapshot } from '#app/domain/scenario/restore.ts'
import { LIMITS, scenarioSchema } from '#app/domain/scenario/schema.ts'
import { parse } from 'yaml'

// The looping file is (rightly) refused by the checker, so the engine test builds it directly.
const loopingScenario = (maxReplies: number) => scenarioSchema.parse({ ...(parse(looping) as object), maxReplies })

describe('a runaway conversation', () => {
	it('ends at the out-of-time ending after exactly maxReplies replies, and the stored attempt restores', () => {
		const scenario = loopingScenario(8)
		const machine = compileScenario(scenario)
		let s = initialSnapshot(machine)
		for (let i = 0; i < 8; i++) {
			expect(isFinished(s)).toBe(false)
			const r = applyChoice(machine, s, 'reassure')
			if (!r.ok) throw new Error(r.message)
			s = r.snapshot
		}
		expect(isFinished(s)).toBe(true)
		expect(currentNodeId(s)).toBe('timeout')
		expect(s.context.path).toHaveLength(8)
		expect(applyChoice(machine, s, 'reassure').ok).toBe(false)
		const restored = restoreSnapshot(machine, JSON.parse(JSON.stringify(persistSnapshot(machine, s))))
		expect(restored.ok).toBe(true)
	})

	it('keeps the longest allowed conversation within what the read path accepts', () => {
		expect(MAX_PATH_LENGTH).toBe(LIMITS.maxReplies.max)
		const scenario = loopingScenario(LIMITS.maxReplies.max)
		const machine = compileScenario(scenario)
		let s = initialSnapshot(machine)
		let replies = 0
		while (!isFinished(s)) {
			const r = applyChoice(machine, s, 'reassure')
			if (!r.ok) throw new Error(r.message)
			s = r.snapshot
			replies++
		}
		expect(replies).toBe(LIMITS.maxReplies.max)
		expect(restoreSnapshot(machine, persistSnapshot(machine, s)).ok).toBe(true)
	})

	it('refuses a stored path longer than the scenario allows', () => {
		const scenario = loopingScenario(8)
		const machine = compileScenario(scenario)
		const long = {
			status: 'active',
			value: 'opening',
			context: {
				meters: { trust: 0 },
				flags: {},
				path: Array.from({ length: 9 }, () => ({ node: 'opening', choice: 'reassure' })),
			},
		}
		const restored = restoreSnapshot(machine, long)
		expect(restored).toMatchObject({ ok: false, reason: 'path' })
	})

	it('needs maxReplies and an out-of-time ending in every scenario', () => {
		const noLimit = edit(looping, ['maxReplies: 8\n', ''])
		expect(parseScenarioSource(noLimit, 'scenarios/looping-trust.yaml').problems).toContainEqual(
			expect.objectContaining({ path: 'maxReplies', message: 'is required', severity: 'error' }),
		)
		const notAnEnding = edit(looping, ['outOfTime: timeout', 'outOfTime: opening'])
		expect(parseScenarioSource(notAnEnding, 'scenarios/looping-trust.yaml').problems).toContainEqual(
			expect.objectContaining({ path: 'outOfTime', line: 20, severity: 'error' }),
		)
	})
})
