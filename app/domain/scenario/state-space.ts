import { conditionHolds } from '#app/domain/scenario/conditions.ts'
import { applyChoiceToContext, type PlayContext } from '#app/domain/scenario/play-context.ts'
import { initialContext } from '#app/domain/scenario/play-context.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'

// Every distinct (node, meters, flags) state a learner can reach, explored breadth-first.
// Unlike the graph rules, this respects conditions, so it finds turns where no choice is
// shown, replies that lead into a loop nothing lets the learner leave, choices that are never
// shown and branch conditions that never decide anything. The space is finite (meters are
// clamped integers, flags booleans); a cap keeps it cheap, and hitting it is reported as
// "could not prove". Everything here is iterative: a long chain of nodes cannot overflow.

type State = Pick<PlayContext, 'meters' | 'flags'>
export type StuckState = { node: string } & State
// A reply taken in a state from which an ending could still be reached, leading to a state
// from which none can: the learner is trapped in a loop from then on.
export type TrappingReply = { node: string; choice: number } & State

export type StateSpace = {
	complete: boolean
	stateCount: number
	reachedNodes: Set<string>
	// `${node}/${choiceId}` for every choice shown in at least one reachable state.
	shownChoices: Set<string>
	// `${node}/${index}` for every branch condition that decided the route at least once.
	takenBranches: Set<string>
	// Ending id → the fewest replies that reach it (breadth-first, so the first visit is the shortest).
	endingsReached: Map<string, number>
	// One example state per turn where no choice's condition holds.
	stuck: StuckState[]
	// One example per reply that traps the learner (only when the search is complete).
	trapping: TrappingReply[]
	// The very first state already cannot reach an ending.
	startTrapped: boolean
}

export const DEFAULT_MAX_STATES = 100_000

export function exploreStates(scenario: Scenario, maxStates = DEFAULT_MAX_STATES): StateSpace {
	const result: StateSpace = {
		complete: true,
		stateCount: 0,
		reachedNodes: new Set(),
		shownChoices: new Set(),
		takenBranches: new Set(),
		endingsReached: new Map(),
		stuck: [],
		trapping: [],
		startTrapped: false,
	}
	const meterNames = Object.keys(scenario.meters)
	const flagNames = scenario.flags ?? []
	const nodeCount = Object.keys(scenario.nodes).length
	const nodeOf = (id: string) => (Object.hasOwn(scenario.nodes, id) ? scenario.nodes[id] : undefined)
	const keyOf = (node: string, s: State) => {
		let key = node + '|'
		for (const m of meterNames) key += s.meters[m] + ','
		for (const f of flagNames) key += s.flags[f] ? '1' : '0'
		return key
	}

	// Follows branches to the node where the conversation rests; undefined on a branch loop.
	const settle = (start: string, s: State): string | undefined => {
		let id = start
		for (let hops = 0; hops <= nodeCount; hops++) {
			const node = nodeOf(id)
			if (!node) return undefined
			result.reachedNodes.add(id)
			if (node.type !== 'branch') return id
			const index = node.branches.findIndex((b) => conditionHolds(b.if, s))
			result.takenBranches.add(`${id}/${index === -1 ? 'else' : index}`)
			id = index === -1 ? node.else : (node.branches[index]?.to ?? node.else)
		}
		return undefined
	}

	const index = new Map<string, number>()
	const nodes: string[] = []
	const states: State[] = []
	const depth: number[] = []
	// Edges as flat arrays (from, to, choice index): cheap for tens of thousands of states.
	const edgeFrom: number[] = []
	const edgeTo: number[] = []
	const edgeChoice: number[] = []
	const terminal: boolean[] = []

	const visit = (target: string, state: State, d: number): number | undefined => {
		const node = settle(target, state)
		if (node === undefined) return undefined
		const key = keyOf(node, state)
		const known = index.get(key)
		if (known !== undefined) return known
		const i = nodes.length
		index.set(key, i)
		nodes.push(node)
		states.push(state)
		depth.push(d)
		terminal.push(false)
		return i
	}

	visit(scenario.start, initialContext(scenario), 0)
	for (let i = 0; i < nodes.length; i++) {
		if (nodes.length > maxStates) {
			result.complete = false
			break
		}
		const id = nodes[i]!
		const state = states[i]!
		const node = nodeOf(id)
		if (node?.type === 'ending') {
			terminal[i] = true
			const best = result.endingsReached.get(id)
			if (best === undefined || depth[i]! < best) result.endingsReached.set(id, depth[i]!)
			continue
		}
		if (node?.type !== 'turn') continue
		let shown = 0
		node.choices.forEach((choice, c) => {
			if (!conditionHolds(choice.when, state)) return
			shown++
			result.shownChoices.add(`${id}/${choice.id}`)
			const next = applyChoiceToContext(scenario, { ...state, path: [] }, id, choice)
			const j = visit(choice.to, { meters: next.meters, flags: next.flags }, depth[i]! + 1)
			if (j === undefined) return
			edgeFrom.push(i)
			edgeTo.push(j)
			edgeChoice.push(c)
		})
		if (shown === 0) {
			// Reported as stuck on its own; counting it as an end keeps the loop rule from repeating it.
			terminal[i] = true
			if (!result.stuck.some((s) => s.node === id)) result.stuck.push({ node: id, ...copy(state) })
		}
	}
	result.stateCount = nodes.length
	if (!result.complete) return result

	// Which states can still reach an end: a reverse breadth-first walk from every end.
	const incoming: number[][] = nodes.map(() => [])
	for (let e = 0; e < edgeFrom.length; e++) incoming[edgeTo[e]!]!.push(e)
	const canEnd = terminal.slice()
	const queue: number[] = []
	terminal.forEach((t, i) => t && queue.push(i))
	for (let q = 0; q < queue.length; q++) {
		for (const e of incoming[queue[q]!]!) {
			const from = edgeFrom[e]!
			if (!canEnd[from]) {
				canEnd[from] = true
				queue.push(from)
			}
		}
	}
	result.startTrapped = nodes.length > 0 && !canEnd[0]
	const reported = new Set<string>()
	for (let e = 0; e < edgeFrom.length; e++) {
		const from = edgeFrom[e]!
		if (!canEnd[from] || canEnd[edgeTo[e]!]) continue
		const key = `${nodes[from]}/${edgeChoice[e]}`
		if (reported.has(key)) continue
		reported.add(key)
		result.trapping.push({ node: nodes[from]!, choice: edgeChoice[e]!, ...copy(states[from]!) })
	}
	return result
}

const copy = (s: State): State => ({ meters: { ...s.meters }, flags: { ...s.flags } })
