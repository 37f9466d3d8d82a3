import type { Scenario } from '#app/domain/scenario/schema.ts'

// How many replies are still ahead, from a node to any ending, following the scenario's links
// and ignoring conditions (the shape of the conversation, not one learner's meters). The
// current turn counts as one. `most` is null when a loop makes the longest way unbounded.
export type RepliesAhead = { fewest: number; most: number | null }

export function repliesAhead(scenario: Scenario, from: string): RepliesAhead | null {
	const nodes = scenario.nodes
	const nextOf = (id: string): string[] => {
		const node = nodes[id]
		if (!node) return []
		if (node.type === 'turn') return node.choices.map((c) => c.to)
		if (node.type === 'branch') return [...node.branches.map((b) => b.to), node.else]
		if (node.type === 'cue') return [node.to]
		return []
	}
	// A cue moment takes a step of its own, like a reply.
	const cost = (id: string) => (nodes[id]?.type === 'turn' || nodes[id]?.type === 'cue' ? 1 : 0)

	const fewest = new Map<string, number>()
	const most = new Map<string, number | null>()
	const visiting = new Set<string>()
	// Depth-first with memoisation; a node met again while on the current walk is a loop.
	const walk = (id: string): { fewest: number; most: number | null } => {
		const known = fewest.get(id)
		if (known !== undefined) return { fewest: known, most: most.get(id) ?? null }
		const node = nodes[id]
		if (!node) return { fewest: Infinity, most: 0 }
		if (node.type === 'ending') {
			fewest.set(id, 0)
			most.set(id, 0)
			return { fewest: 0, most: 0 }
		}
		visiting.add(id)
		let best = Infinity
		let worst: number | null = 0
		for (const next of nextOf(id)) {
			if (visiting.has(next)) {
				worst = null
				continue
			}
			const r = walk(next)
			best = Math.min(best, r.fewest)
			if (worst !== null) worst = r.most === null ? null : Math.max(worst, r.most)
		}
		visiting.delete(id)
		const result = { fewest: best + cost(id), most: worst === null ? null : worst + cost(id) }
		fewest.set(id, result.fewest)
		most.set(id, result.most)
		return result
	}
	const result = walk(from)
	return Number.isFinite(result.fewest) ? result : null
}

// The plain progress line under the meters, e.g. "Reply 2 of about 4 to 6".
export function progressLine(input: { replyNumber: number; finished: boolean; ahead: RepliesAhead | null }): string {
	const done = input.replyNumber - 1
	if (input.finished) return `Conversation finished after ${done} ${done === 1 ? 'reply' : 'replies'}`
	if (!input.ahead) return `Reply ${input.replyNumber}`
	const low = done + input.ahead.fewest
	const high = input.ahead.most === null ? null : done + input.ahead.most
	if (high === low) return `Reply ${input.replyNumber} of ${low}`
	if (high === null) return `Reply ${input.replyNumber} of at least ${low}`
	return `Reply ${input.replyNumber} of about ${low} to ${high}`
}
