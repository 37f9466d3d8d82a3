import { conditionHolds } from '#app/domain/scenario/conditions.ts'
import { applyChoiceToContext, initialContext, type PlayContext } from '#app/domain/scenario/play-context.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'

// Every distinct (node, meters, flags) state a learner can reach, explored breadth-first.
// Unlike the graph rules, this respects conditions, so it finds turns where no choice is
// shown, choices that are never shown and branch conditions that never decide anything.
// The space is finite (meters are clamped integers, flags booleans); a cap keeps it cheap.

export type StuckState = { node: string; meters: Record<string, number>; flags: Record<string, boolean> }

export type StateSpace = {
	complete: boolean
	stateCount: number
	reachedNodes: Set<string>
	// `${node}/${choiceId}` for every choice shown in at least one reachable state.
	shownChoices: Set<string>
	// `${node}/${index}` for every branch condition that decided the route at least once.
	takenBranches: Set<string>
	endingsReached: Set<string>
	// One example state per turn where no choice's condition holds.
	stuck: StuckState[]
}

export const DEFAULT_MAX_STATES = 100_000

type State = Pick<PlayContext, 'meters' | 'flags'>

export function exploreStates(scenario: Scenario, maxStates = DEFAULT_MAX_STATES): StateSpace {
	const result: StateSpace = {
		complete: true,
		stateCount: 0,
		reachedNodes: new Set(),
		shownChoices: new Set(),
		takenBranches: new Set(),
		endingsReached: new Set(),
		stuck: [],
	}
	const meterNames = Object.keys(scenario.meters)
	const flagNames = scenario.flags ?? []
	const keyOf = (node: string, s: State) =>
		`${node}|${meterNames.map((m) => s.meters[m]).join(',')}|${flagNames.map((f) => (s.flags[f] ? 1 : 0)).join('')}`

	// Follows branches to the node where the conversation rests; undefined on a branch loop.
	const settle = (start: string, s: State): string | undefined => {
		let id = start
		for (let hops = 0; hops <= Object.keys(scenario.nodes).length; hops++) {
			const node = scenario.nodes[id]
			if (!node) return undefined
			result.reachedNodes.add(id)
			if (node.type !== 'branch') return id
			const index = node.branches.findIndex((b) => conditionHolds(b.if, s))
			result.takenBranches.add(`${id}/${index === -1 ? 'else' : index}`)
			id = index === -1 ? node.else : (node.branches[index]?.to ?? node.else)
		}
		return undefined
	}

	const seen = new Set<string>()
	const queue: Array<{ node: string; state: State }> = []
	const push = (target: string, state: State) => {
		const node = settle(target, state)
		if (node === undefined) return
		const key = keyOf(node, state)
		if (seen.has(key)) return
		seen.add(key)
		queue.push({ node, state })
	}

	const start = initialContext(scenario)
	push(scenario.start, start)
	const stuckAt = new Set<string>()
	for (let i = 0; i < queue.length; i++) {
		if (seen.size > maxStates) {
			result.complete = false
			break
		}
		const { node: id, state } = queue[i]!
		const node = scenario.nodes[id]
		if (node?.type === 'ending') {
			result.endingsReached.add(id)
			continue
		}
		if (node?.type !== 'turn') continue
		const shown = node.choices.filter((c) => conditionHolds(c.when, state))
		if (shown.length === 0 && !stuckAt.has(id)) {
			stuckAt.add(id)
			result.stuck.push({ node: id, meters: { ...state.meters }, flags: { ...state.flags } })
		}
		for (const choice of shown) {
			result.shownChoices.add(`${id}/${choice.id}`)
			const next = applyChoiceToContext(scenario, { ...state, path: [] }, id, choice)
			push(choice.to, { meters: next.meters, flags: next.flags })
		}
	}
	result.stateCount = seen.size
	return result
}
