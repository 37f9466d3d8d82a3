import { cueOptions } from '#app/domain/scenario/living.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { GOOD_OUTCOME } from '#app/domain/scenario/schema.ts'
import { DEFAULT_MAX_STATES, exploreStates } from '#app/domain/scenario/state-space.ts'

// Path coverage (issue 11, item 9), on the checker's state graph: how many distinct paths a
// learner can take (a path ends at an ending, or at the out-of-time ending after maxReplies),
// the share of paths ending in each outcome, the fewest replies to each ending, and the
// replies from which no resolved ending can be reached any more.

export type Coverage = {
	complete: boolean
	paths: number
	byOutcome: Record<string, number>
	shortest: Record<string, number>
	// `nodes.<id>.choices[<i>]` (with the choice id) of replies on no path to a good outcome.
	deadReplies: Array<{ node: string; choice: string; index: number }>
}

export function scenarioCoverage(scenario: Scenario, maxStates = DEFAULT_MAX_STATES): Coverage {
	const space = exploreStates(scenario, maxStates)
	const { stateNode, stuck, edgeFrom, edgeTo, edgeChoice } = space.graph
	const outcomeOf = (i: number) => {
		const n = scenario.nodes[stateNode[i]!]
		return n?.type === 'ending' ? n.outcome : undefined
	}
	const outTime = scenario.nodes[scenario.outOfTime]
	const outTimeOutcome = outTime?.type === 'ending' ? outTime.outcome : 'lost'
	const keys = [...new Set(['resolved', 'partly_resolved', 'escalated', 'lost'])]
	const slot = (o: string) => keys.indexOf(o)
	const width = keys.length + 1 // last: stuck
	const outgoing: number[][] = stateNode.map(() => [])
	for (let e = 0; e < edgeFrom.length; e++) outgoing[edgeFrom[e]!]!.push(e)

	// Paths counted layer by layer over the replies left: O(maxReplies × edges), no recursion.
	let layer = stateNode.map((_, i) => {
		const v = new Array<number>(width).fill(0)
		const o = outcomeOf(i)
		if (o) v[slot(o)] = 1
		else if (stuck[i]) v[keys.length] = 1
		else v[slot(outTimeOutcome)] = 1
		return v
	})
	for (let r = 1; r <= scenario.maxReplies; r++) {
		layer = stateNode.map((_, i) => {
			if (outcomeOf(i) || stuck[i]) return layer[i]!
			const v = new Array<number>(width).fill(0)
			for (const e of outgoing[i]!) {
				const t = layer[edgeTo[e]!]!
				for (let k = 0; k < width; k++) v[k]! += t[k]!
			}
			return v
		})
	}
	const total = layer[0] ?? new Array<number>(width).fill(0)
	const paths = total.reduce((a, b) => a + b, 0)
	const byOutcome = Object.fromEntries(keys.map((k) => [k, total[slot(k)]!]).filter(([, n]) => (n as number) > 0))

	const shortest: Record<string, number> = {}
	for (const [id, d] of space.endingsReached) if (d <= scenario.maxReplies) shortest[id] = d

	// Replies none of whose uses can still lead to a resolved ending (the reply limit aside).
	const canWin = stateNode.map((_, i) => outcomeOf(i) === GOOD_OUTCOME)
	const incoming: number[][] = stateNode.map(() => [])
	for (let e = 0; e < edgeFrom.length; e++) incoming[edgeTo[e]!]!.push(e)
	const queue = canWin.flatMap((w, i) => (w ? [i] : []))
	for (let q = 0; q < queue.length; q++) {
		for (const e of incoming[queue[q]!]!) {
			const f = edgeFrom[e]!
			if (!canWin[f]) {
				canWin[f] = true
				queue.push(f)
			}
		}
	}
	const winning = new Set<string>()
	const used = new Set<string>()
	for (let e = 0; e < edgeFrom.length; e++) {
		const key = `${stateNode[edgeFrom[e]!]}/${edgeChoice[e]}`
		used.add(key)
		if (canWin[edgeTo[e]!]) winning.add(key)
	}
	const deadReplies = [...used]
		.filter((k) => !winning.has(k))
		.map((k) => {
			const [node, i] = [k.slice(0, k.lastIndexOf('/')), Number(k.slice(k.lastIndexOf('/') + 1))]
			const n = scenario.nodes[node]
			const choice =
				n?.type === 'turn' ? (n.choices[i]?.id ?? '') : n?.type === 'cue' ? (cueOptions(n)[i]?.id ?? '') : ''
			return { node, index: i, choice }
		})
		.sort((a, b) => (a.node === b.node ? a.index - b.index : a.node < b.node ? -1 : 1))
	return { complete: space.complete, paths, byOutcome, shortest, deadReplies }
}

export function formatCoverage(c: Coverage): string[] {
	const count = c.paths > 1e6 ? 'more than 10⁶' : String(c.paths)
	const shares = Object.entries(c.byOutcome)
		.map(([o, n]) => `${o} ${((100 * n) / Math.max(c.paths, 1)).toFixed(0)}%`)
		.join(', ')
	return [
		`  paths: ${count}${c.complete ? '' : ' (incomplete: too many combinations to follow)'}${shares ? ` — ${shares}` : ''}`,
		`  shortest path to each ending: ${Object.entries(c.shortest)
			.map(([e, d]) => `${e} ${d}`)
			.join(', ')}`,
		`  replies on no path to a "${GOOD_OUTCOME}" ending: ${c.deadReplies.length ? c.deadReplies.map((d) => `${d.node}.${d.choice}`).join(', ') : 'none'}`,
	]
}
