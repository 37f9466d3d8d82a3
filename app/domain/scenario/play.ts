import { initialTransition, transition } from 'xstate'
import type { PlayEvent, PlaySnapshot, ScenarioMachine } from '#app/domain/scenario/compile.ts'
import { conditionHolds } from '#app/domain/scenario/conditions.ts'
import { cueChoices } from '#app/domain/scenario/living.ts'
import type { Choice, CueNode, EndingNode, Scenario, TurnNode } from '#app/domain/scenario/schema.ts'

// The server's step loop, as pure functions over XState's pure transition API:
// snapshot in, snapshot out, nothing runs and nothing is stored here.

export function initialSnapshot(machine: ScenarioMachine): PlaySnapshot {
	return initialTransition(machine)[0]
}

export type ChooseResult =
	{ ok: true; snapshot: PlaySnapshot } | { ok: false; reason: 'finished' | 'unavailable'; message: string }

export function applyChoice(machine: ScenarioMachine, snapshot: PlaySnapshot, choiceId: string): ChooseResult {
	if (snapshot.status !== 'active') {
		return { ok: false, reason: 'finished', message: 'The conversation has already ended.' }
	}
	const event: PlayEvent = { type: 'CHOOSE', choiceId }
	// `can` runs the same guards as the transition: unknown ids and hidden choices both fail.
	if (!snapshot.can(event)) {
		return { ok: false, reason: 'unavailable', message: 'That reply is not available at this point.' }
	}
	return { ok: true, snapshot: transition(machine, snapshot, event)[0] }
}

// The machine is flat and always rests on a turn or an ending, so the value is a node id.
export function currentNodeId(snapshot: PlaySnapshot): string {
	return typeof snapshot.value === 'string' ? snapshot.value : (Object.keys(snapshot.value)[0] ?? '')
}

export const isFinished = (snapshot: PlaySnapshot) => snapshot.status === 'done'

export function currentTurn(scenario: Scenario, snapshot: PlaySnapshot): TurnNode | undefined {
	const node = scenario.nodes[currentNodeId(snapshot)]
	return snapshot.status === 'active' && node?.type === 'turn' ? node : undefined
}

export function currentCue(scenario: Scenario, snapshot: PlaySnapshot): (CueNode & { id: string }) | undefined {
	const id = currentNodeId(snapshot)
	const node = scenario.nodes[id]
	return snapshot.status === 'active' && node?.type === 'cue' ? { ...node, id } : undefined
}

export function endingOf(scenario: Scenario, snapshot: PlaySnapshot): (EndingNode & { id: string }) | undefined {
	const id = currentNodeId(snapshot)
	const node = scenario.nodes[id]
	return snapshot.status === 'done' && node?.type === 'ending' ? { ...node, id } : undefined
}

// Only the choices whose `when` holds now: exactly those `applyChoice` accepts. At a cue moment,
// its options as replies (see cueChoices).
export function availableChoices(scenario: Scenario, snapshot: PlaySnapshot): Choice[] {
	const cue = currentCue(scenario, snapshot)
	if (cue) return cueChoices(scenario, cue, snapshot.context)
	return currentTurn(scenario, snapshot)?.choices.filter((c) => conditionHolds(c.when, snapshot.context)) ?? []
}

// What to store: plain JSON (status, value, context…). Read it back with restoreSnapshot.
export function persistSnapshot(machine: ScenarioMachine, snapshot: PlaySnapshot): Record<string, unknown> {
	return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as Record<string, unknown>
}
