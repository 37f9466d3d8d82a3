import { assign, setup, type SnapshotFrom } from 'xstate'
import { conditionHolds, type Condition } from '#app/domain/scenario/conditions.ts'
import {
	applyChoiceToContext,
	applyCueToContext,
	initialContext,
	type PlayContext,
} from '#app/domain/scenario/play-context.ts'
import { formatPath } from '#app/domain/scenario/problems.ts'
import { structuralIssues } from '#app/domain/scenario/check.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { cueOptions } from '#app/domain/scenario/living.ts'

export type { PlayContext, PathStep } from '#app/domain/scenario/play-context.ts'
export type PlayEvent = { type: 'CHOOSE'; choiceId: string }

type ChooseParams = { node: string; choiceId: string; when: Condition | undefined }
type BranchParams = { condition: Condition }

function machineSetup(scenario: Scenario) {
	return setup({
		types: {} as { context: PlayContext; events: PlayEvent },
		guards: {
			// A choice is taken only by its own id, and only while its condition holds.
			choiceAvailable: ({ context, event }, params: ChooseParams) =>
				event.choiceId === params.choiceId && conditionHolds(params.when, context),
			conditionHolds: ({ context }, params: BranchParams) => conditionHolds(params.condition, context),
			// Branches do not count: the path records replies only.
			outOfReplies: ({ context }) => context.path.length >= scenario.maxReplies,
		},
		actions: {
			applyChoice: assign(({ context }, params: ChooseParams) => {
				const node = scenario.nodes[params.node]
				if (node?.type === 'cue') return applyCueToContext(context, params.node, params.choiceId)
				const choice = node?.type === 'turn' ? node.choices.find((c) => c.id === params.choiceId) : undefined
				return choice ? applyChoiceToContext(scenario, context, params.node, choice) : {}
			}),
		},
	})
}

type StateConfig = NonNullable<Parameters<ReturnType<typeof machineSetup>['createMachine']>[0]['states']>[string]

function createScenarioMachine(scenario: Scenario, states: Record<string, StateConfig>) {
	return machineSetup(scenario).createMachine({
		id: scenario.id,
		initial: scenario.start,
		context: initialContext(scenario),
		states,
	})
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine>
export type PlaySnapshot = SnapshotFrom<ScenarioMachine>

export class ScenarioCompileError extends Error {
	constructor(readonly problems: string[]) {
		super(`The scenario cannot be compiled: ${problems.join('; ')}`)
		this.name = 'ScenarioCompileError'
	}
}

// Which scenario a machine was compiled from, so helpers that get only the machine
// (restoreSnapshot) can validate against the exact definition.
const sources = new WeakMap<object, Scenario>()

export function scenarioOf(machine: ScenarioMachine): Scenario {
	const scenario = sources.get(machine)
	if (!scenario) throw new Error('This machine was not made by compileScenario.')
	return scenario
}

// Turns become states with guarded CHOOSE transitions, branches `always` transitions (in
// order, then else), endings final states. Pure: no I/O, no timers, no invoked or spawned
// actors, so a restored snapshot has nothing to restart.
export function compileScenario(scenario: Scenario): ScenarioMachine {
	// The compiler takes only checked scenarios: a branch loop would make XState spin forever,
	// an unknown target would throw deep inside it, an undeclared meter would play wrongly.
	// Refuse them here with a readable message (the checker reports them to authors).
	const errors = structuralIssues(scenario).filter((i) => i.severity === 'error')
	if (errors.length) throw new ScenarioCompileError(errors.map((i) => `${formatPath(i.path)}: ${i.message}`))

	const states: Record<string, StateConfig> = {}
	for (const [id, node] of Object.entries(scenario.nodes)) {
		if (node.type === 'turn') {
			states[id] = {
				// A runaway conversation ends cleanly at the authored out-of-time ending, so the
				// stored path never grows past maxReplies (which restoreSnapshot accepts).
				always: { target: scenario.outOfTime, guard: 'outOfReplies' },
				on: {
					CHOOSE: node.choices.map((c) => {
						const params: ChooseParams = { node: id, choiceId: c.id, when: c.when }
						return {
							target: c.to,
							guard: { type: 'choiceAvailable', params },
							actions: { type: 'applyChoice', params },
						} as const
					}),
				},
			}
		} else if (node.type === 'cue') {
			// A cue moment takes a step like a turn: one CHOOSE per option, all leading on to `to`.
			states[id] = {
				always: { target: scenario.outOfTime, guard: 'outOfReplies' },
				on: {
					CHOOSE: cueOptions(node).map((o) => {
						const params: ChooseParams = { node: id, choiceId: o.id, when: undefined }
						return {
							target: node.to,
							guard: { type: 'choiceAvailable', params },
							actions: { type: 'applyChoice', params },
						} as const
					}),
				},
			}
		} else if (node.type === 'branch') {
			states[id] = {
				always: [
					...node.branches.map(
						(b) => ({ target: b.to, guard: { type: 'conditionHolds', params: { condition: b.if } } }) as const,
					),
					{ target: node.else },
				],
			}
		} else {
			states[id] = { type: 'final' }
		}
	}
	const machine = createScenarioMachine(scenario, states)
	sources.set(machine, scenario)
	return machine
}
