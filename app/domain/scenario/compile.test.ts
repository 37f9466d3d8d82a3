import { initialTransition, transition } from 'xstate'
import { describe, expect, it } from 'vitest'
import {
	compileScenario,
	ScenarioCompileError,
	type PlaySnapshot,
	type ScenarioMachine,
} from '#app/domain/scenario/compile.ts'
import { edit, tiny } from '#app/domain/scenario/fixtures/helpers.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import {
	applyChoice,
	availableChoices,
	currentNodeId,
	currentTurn,
	endingOf,
	initialSnapshot,
	isFinished,
	persistSnapshot,
} from '#app/domain/scenario/play.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'

function load(source = tiny): Scenario {
	const { scenario, problems } = parseScenarioSource(source, 'scenarios/tiny.yaml')
	if (!scenario) throw new Error(problems.map((p) => p.message).join('\n'))
	return scenario
}

const scenario = load()
const machine = compileScenario(scenario)

// Drives the machine only through XState's pure transition function.
function play(m: ScenarioMachine, ...choices: string[]): PlaySnapshot {
	let [s] = initialTransition(m)
	for (const choiceId of choices) [s] = transition(m, s, { type: 'CHOOSE', choiceId })
	return s
}

describe('compileScenario', () => {
	it('makes turns, branches and endings into states of the right kind', () => {
		const states = machine.root.states
		expect(Object.keys(states).sort()).toEqual(Object.keys(scenario.nodes).sort())
		expect(states.opening?.on.CHOOSE).toHaveLength(2)
		expect(states.details?.on.CHOOSE).toHaveLength(3)
		expect(states.decide?.always).toHaveLength(3) // two conditions, then else
		expect(states.decide?.always?.at(-1)?.guard).toBeUndefined()
		expect(states.good?.type).toBe('final')
		expect(machine.root.invoke).toEqual([])
	})

	it('starts at the start node with meters at their start values and flags false', () => {
		const s = initialSnapshot(machine)
		expect(s.value).toBe('opening')
		expect(s.status).toBe('active')
		expect(s.context).toEqual({ meters: { patience: 50, trust: 40 }, flags: { promised: false }, path: [] })
		expect(s.children).toEqual({})
	})

	it('applies effects, sets flags and records the path on CHOOSE', () => {
		const s = play(machine, 'promise')
		expect(s.value).toBe('details')
		expect(s.context).toEqual({
			meters: { patience: 40, trust: 25 },
			flags: { promised: true },
			path: [{ node: 'opening', choice: 'promise' }],
		})
	})

	it('clamps meters to their max and min after effects', () => {
		expect(play(machine, 'check').context.meters).toEqual({ patience: 60, trust: 60 }) // trust 40 + 30 → max 60
		const harsh = compileScenario(
			load(edit(tiny, ['effects: { patience: -10, trust: -15 }', 'effects: { patience: -100, trust: -15 }'])),
		)
		expect(play(harsh, 'promise').context.meters.patience).toBe(0) // 50 - 100 → min 0
		expect(play(harsh, 'promise', 'vague').context.meters.patience).toBe(0)
	})

	it('routes branches in order, falling back to else, straight through to the ending', () => {
		expect(play(machine, 'promise', 'vague').value).toBe('bad') // patience 15 < 20: first branch
		expect(play(machine, 'promise', 'plan').value).toBe('okay') // any: promised
		expect(play(machine, 'check', 'plan').value).toBe('good') // else
		expect(play(machine, 'check', 'plan').status).toBe('done')
	})

	it('only takes a choice whose condition holds', () => {
		const promised = play(machine, 'promise')
		expect(promised.can({ type: 'CHOOSE', choiceId: 'bonus' })).toBe(false)
		expect(transition(machine, promised, { type: 'CHOOSE', choiceId: 'bonus' })[0].value).toBe('details')
		const trusted = play(machine, 'check')
		expect(trusted.can({ type: 'CHOOSE', choiceId: 'bonus' })).toBe(true)
		expect(play(machine, 'check', 'bonus').value).toBe('good')
	})

	it('settles a branch at the start straight away', () => {
		const m = compileScenario(load(edit(tiny, ['start: opening', 'start: decide'], ['else: good', 'else: opening'])))
		expect(initialSnapshot(m).value).toBe('opening')
		expect(initialSnapshot(m).status).toBe('active')
	})

	it('refuses scenarios that would break the machine', () => {
		const broken = structuredClone(scenario)
		const turn = broken.nodes.opening
		if (turn?.type !== 'turn') throw new Error('fixture changed')
		turn.choices[0]!.to = 'nowhere'
		expect(() => compileScenario(broken)).toThrow(ScenarioCompileError)
		expect(() => compileScenario(broken)).toThrow('nodes.opening.choices[0].to: no node named "nowhere"')

		const looping = structuredClone(scenario)
		looping.nodes.decide = { type: 'branch', branches: [{ if: { promised: true }, to: 'decide' }], else: 'good' }
		expect(() => compileScenario(looping)).toThrow('branches loop with no turn in between: decide → decide')
	})
})

describe('play helpers', () => {
	it('applyChoice accepts an available choice and refuses hidden, unknown and late ones', () => {
		const start = initialSnapshot(machine)
		const ok = applyChoice(machine, start, 'promise')
		expect(ok.ok && currentNodeId(ok.snapshot)).toBe('details')
		if (!ok.ok) return
		expect(applyChoice(machine, ok.snapshot, 'bonus')).toMatchObject({ ok: false, reason: 'unavailable' })
		expect(applyChoice(machine, ok.snapshot, 'no-such-choice')).toMatchObject({ ok: false, reason: 'unavailable' })
		const end = applyChoice(machine, ok.snapshot, 'plan')
		expect(end.ok && isFinished(end.snapshot)).toBe(true)
		if (!end.ok) return
		expect(applyChoice(machine, end.snapshot, 'plan')).toMatchObject({ ok: false, reason: 'finished' })
	})

	it('availableChoices lists only choices whose condition holds, and nothing once finished', () => {
		expect(availableChoices(scenario, play(machine, 'promise')).map((c) => c.id)).toEqual(['plan', 'vague'])
		expect(availableChoices(scenario, play(machine, 'check')).map((c) => c.id)).toEqual(['plan', 'vague', 'bonus'])
		expect(availableChoices(scenario, play(machine, 'check', 'bonus'))).toEqual([])
	})

	it('currentTurn and endingOf describe where the conversation is', () => {
		expect(currentTurn(scenario, initialSnapshot(machine))?.says).toBe('Where is my parcel?')
		expect(endingOf(scenario, initialSnapshot(machine))).toBeUndefined()
		const done = play(machine, 'promise', 'vague')
		expect(currentTurn(scenario, done)).toBeUndefined()
		expect(endingOf(scenario, done)).toMatchObject({ id: 'bad', outcome: 'lost', title: 'Gone' })
	})

	it('persistSnapshot gives plain JSON that a raw transition cannot use (restore it first)', () => {
		const persisted = persistSnapshot(machine, play(machine, 'check'))
		expect(persisted).toMatchObject({
			status: 'active',
			value: 'details',
			context: { meters: { patience: 60, trust: 60 } },
		})
		expect(JSON.parse(JSON.stringify(persisted))).toEqual(persisted)
		// The known pitfall this API steers around: see restoreSnapshot.
		expect(() =>
			transition(machine, persisted as unknown as PlaySnapshot, { type: 'CHOOSE', choiceId: 'plan' }),
		).toThrow()
	})
})
