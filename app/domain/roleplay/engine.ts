import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate'
import { z } from 'zod'
import { conditionHolds } from '#app/domain/roleplay/conditions.ts'
import type { Choice, EndingNode, Scenario, TurnNode } from '#app/domain/roleplay/schema.ts'

export type PlayContext = {
	meters: Record<string, number>
	flags: Record<string, boolean>
	path: Array<{ node: string; choice: string }>
}

export type PlayEvent = { type: 'CHOOSE'; choiceId: string }

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v))

function initialContext(scenario: Scenario): PlayContext {
	return {
		meters: Object.fromEntries(Object.entries(scenario.meters).map(([k, m]) => [k, m.start])),
		flags: Object.fromEntries((scenario.flags ?? []).map((f) => [f, false])),
		path: [],
	}
}

export function applyChoiceToContext(scenario: Scenario, context: PlayContext, node: string, choice: Choice): PlayContext {
	const meters = { ...context.meters }
	for (const [meter, delta] of Object.entries(choice.effects ?? {})) {
		const spec = scenario.meters[meter]
		if (spec) meters[meter] = clamp((meters[meter] ?? spec.start) + delta, spec.min, spec.max)
	}
	return {
		meters,
		flags: { ...context.flags, ...(choice.set ?? {}) },
		path: [...context.path, { node, choice: choice.id }],
	}
}

// Turns become states with guarded CHOOSE transitions, branches become `always`
// transitions, endings final states. Pure: no timers, no I/O, no invoked actors.
export function compileScenario(scenario: Scenario) {
	const findChoice = (node: string, choice: string) => {
		const n = scenario.nodes[node]
		return n?.type === 'turn' ? n.choices.find((c) => c.id === choice) : undefined
	}
	const states: Record<string, object> = {}
	for (const [id, node] of Object.entries(scenario.nodes)) {
		if (node.type === 'turn') {
			states[id] = {
				on: {
					CHOOSE: node.choices.map((c) => ({
						guard: { type: 'choiceAllowed', params: { node: id, choice: c.id } },
						target: c.to,
						actions: { type: 'applyChoice', params: { node: id, choice: c.id } },
					})),
				},
			}
		} else if (node.type === 'branch') {
			states[id] = {
				always: [
					...node.branches.map((b, i) => ({ guard: { type: 'branchHolds', params: { node: id, index: i } }, target: b.to })),
					...(node.else ? [{ target: node.else }] : []),
				],
			}
		} else {
			states[id] = { type: 'final' }
		}
	}
	return setup({
		types: {} as { context: PlayContext; events: PlayEvent },
		guards: {
			choiceAllowed: ({ context, event }, params: { node: string; choice: string }) => {
				const choice = findChoice(params.node, params.choice)
				return event.choiceId === params.choice && Boolean(choice) && conditionHolds(choice?.when, context)
			},
			branchHolds: ({ context }, params: { node: string; index: number }) => {
				const node = scenario.nodes[params.node]
				return node?.type === 'branch' && conditionHolds(node.branches[params.index]?.if, context)
			},
		},
		actions: {
			applyChoice: assign(({ context }, params: { node: string; choice: string }) => {
				const choice = findChoice(params.node, params.choice)
				return choice ? applyChoiceToContext(scenario, context, params.node, choice) : context
			}),
		},
	}).createMachine({
		id: scenario.id,
		initial: scenario.start,
		context: initialContext(scenario),
		// The config is built from validated data; XState's literal types cannot follow it.
		states: states as never,
	})
}

export type PlayMachine = ReturnType<typeof compileScenario>
export type PlaySnapshot = SnapshotFrom<PlayMachine>

export function startPlay(machine: PlayMachine): PlaySnapshot {
	return initialTransition(machine)[0]
}

export type ChooseResult = { ok: true; snapshot: PlaySnapshot } | { ok: false; reason: string }

export function applyChoice(machine: PlayMachine, snapshot: PlaySnapshot, choiceId: string): ChooseResult {
	if (snapshot.status !== 'active') return { ok: false, reason: 'The conversation has already ended.' }
	const event: PlayEvent = { type: 'CHOOSE', choiceId }
	if (!snapshot.can(event)) return { ok: false, reason: 'That reply is not available at this point.' }
	return { ok: true, snapshot: transition(machine, snapshot, event)[0] }
}

export function currentNodeId(snapshot: PlaySnapshot): string {
	return typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0] ?? ''
}

export function currentTurn(scenario: Scenario, snapshot: PlaySnapshot): TurnNode | undefined {
	const node = scenario.nodes[currentNodeId(snapshot)]
	return node?.type === 'turn' ? node : undefined
}

export function endingOf(scenario: Scenario, snapshot: PlaySnapshot): EndingNode | undefined {
	const node = scenario.nodes[currentNodeId(snapshot)]
	return snapshot.status === 'done' && node?.type === 'ending' ? node : undefined
}

export function availableChoices(scenario: Scenario, snapshot: PlaySnapshot): Choice[] {
	const turn = currentTurn(scenario, snapshot)
	if (!turn || snapshot.status !== 'active') return []
	return turn.choices.filter((c) => conditionHolds(c.when, snapshot.context))
}

export function persistSnapshot(machine: PlayMachine, snapshot: PlaySnapshot): Record<string, unknown> {
	return machine.getPersistedSnapshot(snapshot) as Record<string, unknown>
}

const persistedShape = z.object({
	status: z.enum(['active', 'done']),
	value: z.string(),
	context: z.object({
		meters: z.record(z.string(), z.number()),
		flags: z.record(z.string(), z.boolean()),
		path: z.array(z.object({ node: z.string(), choice: z.string() })).max(500),
	}),
})

export type RestoreResult = { ok: true; snapshot: PlaySnapshot } | { ok: false; reason: string }

// A snapshot read from the database is untrusted input: it must describe a state this
// exact scenario version can be in, or it is refused rather than played.
export function restoreSnapshot(scenario: Scenario, machine: PlayMachine, persisted: unknown): RestoreResult {
	const parsed = persistedShape.safeParse(persisted)
	if (!parsed.success) return { ok: false, reason: 'The saved conversation is not in a form this version understands.' }
	const { value, context, status } = parsed.data
	const node = scenario.nodes[value]
	if (!node || node.type === 'branch') return { ok: false, reason: `The saved conversation points at an unknown step "${value}".` }
	if ((node.type === 'ending') !== (status === 'done')) return { ok: false, reason: 'The saved conversation has an inconsistent status.' }
	const declaredMeters = Object.keys(scenario.meters)
	if (Object.keys(context.meters).sort().join() !== [...declaredMeters].sort().join()) {
		return { ok: false, reason: 'The saved conversation has meters this scenario does not declare.' }
	}
	for (const [meter, v] of Object.entries(context.meters)) {
		const spec = scenario.meters[meter]
		if (!spec || !Number.isInteger(v) || v < spec.min || v > spec.max) {
			return { ok: false, reason: `The saved meter "${meter}" is out of range.` }
		}
	}
	const declaredFlags = new Set(scenario.flags ?? [])
	if (Object.keys(context.flags).some((f) => !declaredFlags.has(f))) {
		return { ok: false, reason: 'The saved conversation has flags this scenario does not declare.' }
	}
	for (const step of context.path) {
		const n = scenario.nodes[step.node]
		if (n?.type !== 'turn' || !n.choices.some((c) => c.id === step.choice)) {
			return { ok: false, reason: 'The saved conversation refers to a choice this scenario does not have.' }
		}
	}
	return { ok: true, snapshot: machine.resolveState({ value, context }) }
}
