import { compileCondition, type CompiledCondition } from '#app/domain/scenario/conditions.ts'
import { clamp, type PlayContext } from '#app/domain/scenario/play-context.ts'
import { cueOptions, variantCondition } from '#app/domain/scenario/living.ts'
import type { Lines, Scenario } from '#app/domain/scenario/schema.ts'

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
	// `${node}/says/${i}` and `${node}/narration/${i}` for every line variant shown at least once.
	shownVariants: Set<string>
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
	// The state graph itself, for coverage: state i rests on node stateNode[i]; edge e is the
	// reply edgeChoice[e] of that node, from state edgeFrom[e] to edgeTo[e]. State 0 is the start.
	graph: { stateNode: string[]; stuck: boolean[]; edgeFrom: number[]; edgeTo: number[]; edgeChoice: number[] }
}

export const DEFAULT_MAX_STATES = 100_000

// Flags are bits of one number; beyond this many the space is far too large to search anyway.
const MAX_FLAG_BITS = 30

export function exploreStates(scenario: Scenario, maxStates = DEFAULT_MAX_STATES): StateSpace {
	const result: StateSpace = {
		complete: true,
		stateCount: 0,
		reachedNodes: new Set(),
		shownChoices: new Set(),
		shownVariants: new Set(),
		takenBranches: new Set(),
		endingsReached: new Map(),
		stuck: [],
		trapping: [],
		startTrapped: false,
		graph: { stateNode: [], stuck: [], edgeFrom: [], edgeTo: [], edgeChoice: [] },
	}
	const meterNames = Object.keys(scenario.meters)
	const flagNames = scenario.flags ?? []
	if (flagNames.length > MAX_FLAG_BITS) {
		result.complete = false
		return result
	}
	const meterIndex = new Map(meterNames.map((m, i) => [m, i]))
	const flagIndex = new Map(flagNames.map((f, i) => [f, i]))
	const specs = meterNames.map((m) => scenario.meters[m]!)
	const ids = Object.keys(scenario.nodes)
	const nodeIndex = new Map(ids.map((id, i) => [id, i]))

	// Everything a step needs, compiled once: targets as indices, conditions as closures over
	// meter values and flag bits, effects as (meter, delta) pairs, `set` as a mask and bits.
	type CompiledChoice = {
		id: string
		to: number
		when: CompiledCondition
		effects: Array<[number, number]>
		mask: number
		bits: number
	}
	// Variant conditions of a line, in order; the default (last) has none.
	type CompiledLines = CompiledCondition[] | undefined
	type CompiledNode =
		| { type: 'turn'; choices: CompiledChoice[]; says: CompiledLines; narration: CompiledLines }
		| { type: 'branch'; branches: Array<{ if: CompiledCondition; to: number }>; else: number }
		| { type: 'ending' }
	const target = (id: string) => nodeIndex.get(id) ?? -1
	const compileLines = (lines: Lines | undefined): CompiledLines =>
		lines === undefined || typeof lines === 'string'
			? undefined
			: lines.slice(0, -1).map((v) => compileCondition(variantCondition(scenario, v.when), meterIndex, flagIndex))
	const compiled: CompiledNode[] = ids.map((id) => {
		const node = scenario.nodes[id]!
		if (node.type === 'ending') return { type: 'ending' }
		// A cue moment is a turn whose options all lead on to `to` and change nothing.
		if (node.type === 'cue') {
			return {
				type: 'turn',
				says: undefined,
				narration: undefined,
				choices: cueOptions(node).map((o) => ({
					id: o.id,
					to: target(node.to),
					when: () => true,
					effects: [],
					mask: 0,
					bits: 0,
				})),
			}
		}
		if (node.type === 'branch') {
			return {
				type: 'branch',
				branches: node.branches.map((b) => ({ if: compileCondition(b.if, meterIndex, flagIndex), to: target(b.to) })),
				else: target(node.else),
			}
		}
		return {
			type: 'turn',
			says: compileLines(node.says),
			narration: compileLines(node.narration),
			choices: node.choices.map((c) => {
				let mask = 0
				let bits = 0
				for (const [f, v] of Object.entries(c.set ?? {})) {
					const b = flagIndex.get(f)
					if (b === undefined) continue
					mask |= 1 << b
					if (v) bits |= 1 << b
				}
				return {
					id: c.id,
					to: target(c.to),
					when: compileCondition(c.when, meterIndex, flagIndex),
					effects: Object.entries(c.effects ?? {}).flatMap(([m, d]): Array<[number, number]> => {
						const i = meterIndex.get(m)
						return i === undefined ? [] : [[i, d]]
					}),
					mask,
					bits,
				}
			}),
		}
	})

	// A state is (node, meters, flags); its key is one number when that fits, a string otherwise.
	const radix = specs.map((m) => m.max - m.min + 1)
	const meterSpace = radix.reduce((a, b) => a * b, 1)
	const numericKeys = ids.length * meterSpace * 2 ** flagNames.length < Number.MAX_SAFE_INTEGER
	const keyOf = (node: number, meters: ArrayLike<number>, flags: number): number | string => {
		let code = 0
		for (let i = 0; i < specs.length; i++) code = code * radix[i]! + (meters[i]! - specs[i]!.min)
		return numericKeys
			? (node * meterSpace + code) * 2 ** flagNames.length + flags
			: `${node}|${Array.from(meters).join(',')}|${flags}`
	}

	// Bookkeeping by index, turned into the result's sets once at the end (no strings per step).
	const reached = new Uint8Array(ids.length)
	const choiceOffset: number[] = []
	let slots = 0
	for (const node of compiled) {
		choiceOffset.push(slots)
		slots += node.type === 'turn' ? node.choices.length : node.type === 'branch' ? node.branches.length + 1 : 0
	}
	// For a turn: was each choice shown; for a branch: did each condition (then else) decide.
	const used = new Uint8Array(slots)

	// Follows branches to the node where the conversation rests; -1 on a branch loop.
	const settle = (start: number, meters: ArrayLike<number>, flags: number): number => {
		let at = start
		for (let hops = 0; hops <= ids.length; hops++) {
			const node = compiled[at]
			if (!node) return -1
			reached[at] = 1
			if (node.type !== 'branch') return at
			const index = node.branches.findIndex((b) => b.if(meters, flags))
			used[choiceOffset[at]! + (index === -1 ? node.branches.length : index)] = 1
			at = index === -1 ? node.else : node.branches[index]!.to
		}
		return -1
	}

	const index = new Map<number | string, number>()
	const stateNode: number[] = []
	const stateMeters: number[][] = []
	const stateFlags: number[] = []
	const depth: number[] = []
	// Edges as flat arrays (from, to, choice index): cheap for hundreds of thousands of states.
	const edgeFrom: number[] = []
	const edgeTo: number[] = []
	const edgeChoice: number[] = []
	const terminal: boolean[] = []

	const visit = (to: number, meters: number[], flags: number, d: number): number => {
		const node = settle(to, meters, flags)
		if (node === -1) return -1
		const key = keyOf(node, meters, flags)
		const known = index.get(key)
		if (known !== undefined) return known
		const i = stateNode.length
		index.set(key, i)
		stateNode.push(node)
		stateMeters.push(meters)
		stateFlags.push(flags)
		depth.push(d)
		terminal.push(false)
		return i
	}

	const asState = (i: number): State => ({
		meters: Object.fromEntries(meterNames.map((m, k) => [m, stateMeters[i]![k]!])),
		flags: Object.fromEntries(flagNames.map((f, k) => [f, ((stateFlags[i]! >> k) & 1) === 1])),
	})

	visit(
		nodeIndex.get(scenario.start) ?? -1,
		specs.map((m) => m.start),
		0,
		0,
	)
	const stuckAt = new Set<number>()
	for (let i = 0; i < stateNode.length; i++) {
		if (stateNode.length > maxStates) {
			result.complete = false
			break
		}
		const at = stateNode[i]!
		const node = compiled[at]!
		if (node.type === 'ending') {
			terminal[i] = true
			const id = ids[at]!
			const best = result.endingsReached.get(id)
			if (best === undefined || depth[i]! < best) result.endingsReached.set(id, depth[i]!)
			continue
		}
		if (node.type !== 'turn') continue
		const meters = stateMeters[i]!
		const flags = stateFlags[i]!
		for (const [field, lines] of [
			['says', node.says],
			['narration', node.narration],
		] as const) {
			if (!lines) continue
			const v = lines.findIndex((when) => when(meters, flags))
			result.shownVariants.add(`${ids[at]}/${field}/${v === -1 ? lines.length : v}`)
		}
		let shown = 0
		node.choices.forEach((choice, c) => {
			if (!choice.when(meters, flags)) return
			shown++
			used[choiceOffset[at]! + c] = 1
			let next = meters
			if (choice.effects.length > 0) {
				next = meters.slice()
				for (const [m, delta] of choice.effects) next[m] = clamp(next[m]! + delta, specs[m]!.min, specs[m]!.max)
			}
			const j = visit(choice.to, next, (flags & ~choice.mask) | choice.bits, depth[i]! + 1)
			if (j === -1) return
			edgeFrom.push(i)
			edgeTo.push(j)
			edgeChoice.push(c)
		})
		if (shown === 0) {
			// Reported as stuck on its own; counting it as an end keeps the loop rule from repeating it.
			terminal[i] = true
			if (!stuckAt.has(at)) {
				stuckAt.add(at)
				result.stuck.push({ node: ids[at]!, ...asState(i) })
			}
		}
	}
	result.stateCount = stateNode.length
	result.graph = {
		stateNode: stateNode.map((n) => ids[n]!),
		stuck: stateNode.map((n, i) => terminal[i]! && compiled[n]!.type === 'turn'),
		edgeFrom,
		edgeTo,
		edgeChoice,
	}
	compiled.forEach((node, at) => {
		const id = ids[at]!
		if (reached[at]) result.reachedNodes.add(id)
		if (node.type === 'turn') {
			node.choices.forEach((c, k) => used[choiceOffset[at]! + k] && result.shownChoices.add(`${id}/${c.id}`))
		} else if (node.type === 'branch') {
			for (let k = 0; k <= node.branches.length; k++) {
				if (used[choiceOffset[at]! + k]) result.takenBranches.add(`${id}/${k === node.branches.length ? 'else' : k}`)
			}
		}
	})
	if (!result.complete) return result

	// Which states can still reach an end: a reverse breadth-first walk from every end.
	const incoming: number[][] = stateNode.map(() => [])
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
	result.startTrapped = stateNode.length > 0 && !canEnd[0]
	const reported = new Set<string>()
	for (let e = 0; e < edgeFrom.length; e++) {
		const from = edgeFrom[e]!
		if (!canEnd[from] || canEnd[edgeTo[e]!]) continue
		const key = `${stateNode[from]}/${edgeChoice[e]}`
		if (reported.has(key)) continue
		reported.add(key)
		result.trapping.push({ node: ids[stateNode[from]!]!, choice: edgeChoice[e]!, ...asState(from) })
	}
	return result
}
