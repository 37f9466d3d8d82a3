import { createMachine } from 'xstate'
import { describe, expect, it } from 'vitest'
import { compileScenario, type ScenarioMachine } from '#app/domain/scenario/compile.ts'
import { tiny } from '#app/domain/scenario/fixtures/helpers.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { applyChoice, currentNodeId, initialSnapshot, persistSnapshot } from '#app/domain/scenario/play.ts'
import { MAX_PATH_LENGTH, restoreSnapshot } from '#app/domain/scenario/restore.ts'

const scenario = parseScenarioSource(tiny, 'scenarios/tiny.yaml').scenario!
const machine = compileScenario(scenario)

function played(...choices: string[]) {
	let s = initialSnapshot(machine)
	for (const c of choices) {
		const r = applyChoice(machine, s, c)
		if (!r.ok) throw new Error(r.message)
		s = r.snapshot
	}
	return s
}

// What a database row would hold: JSON text, parsed back.
const stored = (...choices: string[]) =>
	JSON.parse(JSON.stringify(persistSnapshot(machine, played(...choices)))) as {
		status: string
		value: string
		context: {
			meters: Record<string, unknown>
			flags: Record<string, unknown>
			path: Array<{ node: string; choice: string }>
		}
		children?: Record<string, unknown>
	}

describe('restoreSnapshot', () => {
	it('rebuilds a stored snapshot that the pure transition can continue from', () => {
		const restored = restoreSnapshot(machine, stored('check'))
		expect(restored.ok).toBe(true)
		if (!restored.ok) return
		expect(restored.snapshot.context).toEqual(played('check').context)
		expect(restored.snapshot.can({ type: 'CHOOSE', choiceId: 'bonus' })).toBe(true)
		const next = applyChoice(machine, restored.snapshot, 'plan')
		expect(next.ok && currentNodeId(next.snapshot)).toBe('good')
	})

	it('restores a finished conversation as finished', () => {
		const restored = restoreSnapshot(machine, stored('promise', 'vague'))
		expect(restored.ok && restored.snapshot.status).toBe('done')
	})

	it.each([
		null,
		undefined,
		'opening',
		42,
		[],
		{},
		{ value: 'opening' },
		{ status: 'active', value: 'opening', context: 'x' },
	])('rejects garbage: %j', (garbage) => {
		expect(restoreSnapshot(machine, garbage)).toMatchObject({ ok: false, reason: 'malformed' })
	})

	it('rejects a snapshot with actors it never had', () => {
		expect(restoreSnapshot(machine, { ...stored(), children: { spy: { src: 'x' } } })).toMatchObject({
			ok: false,
			reason: 'malformed',
		})
	})

	it('rejects an unknown state, and a branch (the conversation never rests on one)', () => {
		expect(restoreSnapshot(machine, { ...stored(), value: 'nowhere' })).toMatchObject({
			ok: false,
			reason: 'unknown_node',
		})
		expect(restoreSnapshot(machine, { ...stored(), value: 'decide' })).toMatchObject({
			ok: false,
			reason: 'unknown_node',
		})
		expect(restoreSnapshot(machine, { ...stored(), value: 'constructor' })).toMatchObject({
			ok: false,
			reason: 'unknown_node',
		})
	})

	it('rejects a status that does not fit the state', () => {
		expect(restoreSnapshot(machine, { ...stored(), status: 'done' })).toMatchObject({
			ok: false,
			reason: 'status_mismatch',
		})
		expect(restoreSnapshot(machine, { ...stored('promise', 'vague'), status: 'active' })).toMatchObject({
			ok: false,
			reason: 'status_mismatch',
		})
	})

	it('rejects meters out of range, not whole, undeclared or missing', () => {
		const s = stored()
		const withMeters = (meters: Record<string, unknown>) => ({ ...s, context: { ...s.context, meters } })
		expect(restoreSnapshot(machine, withMeters({ patience: 101, trust: 40 }))).toMatchObject({
			ok: false,
			reason: 'meter',
			message: 'The saved meter "patience" (101) is outside 0..100.',
		})
		expect(restoreSnapshot(machine, withMeters({ patience: -1, trust: 40 }))).toMatchObject({
			ok: false,
			reason: 'meter',
		})
		expect(restoreSnapshot(machine, withMeters({ patience: 50.5, trust: 40 }))).toMatchObject({
			ok: false,
			reason: 'meter',
		})
		expect(restoreSnapshot(machine, withMeters({ patience: 50, trust: 40, charm: 3 }))).toMatchObject({
			ok: false,
			reason: 'meter',
			message: 'The saved conversation has an undeclared meter "charm".',
		})
		expect(restoreSnapshot(machine, withMeters({ patience: 50 }))).toMatchObject({ ok: false, reason: 'meter' })
		expect(restoreSnapshot(machine, withMeters({ patience: '50', trust: 40 }))).toMatchObject({
			ok: false,
			reason: 'malformed',
		})
	})

	it('rejects undeclared or missing flags', () => {
		const s = stored()
		expect(
			restoreSnapshot(machine, { ...s, context: { ...s.context, flags: { promised: false, vip: true } } }),
		).toMatchObject({ ok: false, reason: 'flag' })
		expect(restoreSnapshot(machine, { ...s, context: { ...s.context, flags: {} } })).toMatchObject({
			ok: false,
			reason: 'flag',
		})
	})

	it('rejects a path that names nodes or choices the scenario does not have', () => {
		const s = stored('check')
		const withPath = (path: unknown) => ({ ...s, context: { ...s.context, path } })
		expect(restoreSnapshot(machine, withPath([{ node: 'opening', choice: 'bribe' }]))).toMatchObject({
			ok: false,
			reason: 'path',
		})
		expect(restoreSnapshot(machine, withPath([{ node: 'decide', choice: 'check' }]))).toMatchObject({
			ok: false,
			reason: 'path',
		})
		expect(
			restoreSnapshot(
				machine,
				withPath(Array.from({ length: MAX_PATH_LENGTH + 1 }, () => ({ node: 'opening', choice: 'check' }))),
			),
		).toMatchObject({ ok: false, reason: 'malformed' })
	})

	it('rejects a plausible-looking forgery whose state does not follow from its path', () => {
		const s = stored()
		// In range and declared, but no sequence of choices leads to trust 60 at the opening.
		expect(
			restoreSnapshot(machine, { ...s, context: { ...s.context, meters: { patience: 50, trust: 60 } } }),
		).toMatchObject({ ok: false, reason: 'replay_mismatch' })
		// A jump straight to the happy ending with a path that skips a turn.
		const end = stored('check', 'bonus')
		expect(
			restoreSnapshot(machine, { ...end, context: { ...end.context, path: [{ node: 'opening', choice: 'check' }] } }),
		).toMatchObject({ ok: false, reason: 'replay_mismatch' })
		// A choice that was hidden at that point (bonus needs trust and no promise).
		const hidden = stored('promise', 'plan')
		const forged = {
			...hidden,
			value: 'good',
			context: {
				...hidden.context,
				path: [
					{ node: 'opening', choice: 'promise' },
					{ node: 'details', choice: 'bonus' },
				],
				meters: { patience: 40, trust: 30 },
			},
		}
		expect(restoreSnapshot(machine, forged)).toMatchObject({ ok: false, reason: 'replay_mismatch' })
	})

	it('only works with machines made by compileScenario', () => {
		const other = createMachine({ initial: 'a', states: { a: {} } }) as unknown as ScenarioMachine
		expect(() => restoreSnapshot(other, stored())).toThrow('compileScenario')
	})
})
