import { transition } from 'xstate'
import type { PlaySnapshot, ScenarioMachine } from '#app/domain/scenario/compile.ts'
import { conditionHolds } from '#app/domain/scenario/conditions.ts'
import type { PathStep } from '#app/domain/scenario/play-context.ts'
import { currentNodeId, initialSnapshot } from '#app/domain/scenario/play.ts'
import { cueOptions } from '#app/domain/scenario/living.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'

export type WalkedPath = { steps: PathStep[]; ending: string; outcome: string }

export type PathWalk = {
	// Every distinct sequence of choices from the start to an ending (up to the limit).
	paths: WalkedPath[]
	// Turns reached where no choice is available: a learner would be stuck there.
	stuck: Array<{ steps: PathStep[]; node: string }>
	// Where the machine's guard (`snapshot.can`) and the scenario's `when` disagree; always
	// empty unless the compiler is wrong.
	mismatches: Array<{ steps: PathStep[]; node: string; choice: string }>
	// Walks cut short because they came back to a state already on the same walk: a loop
	// the learner could go round forever, whose ways out are walked from its first visit.
	loops: number
	// True when `limit` paths were found before the walk finished: the result is incomplete.
	capped: boolean
}

const stateKey = (s: PlaySnapshot) =>
	`${currentNodeId(s)}|${JSON.stringify(s.context.meters)}|${JSON.stringify(s.context.flags)}`

// Walks every path through the compiled machine with XState's pure `transition()`, taking
// at each turn every choice whose `when` holds. Depth-first, so memory stays small.
export function enumeratePaths(scenario: Scenario, machine: ScenarioMachine, limit: number): PathWalk {
	const walk: PathWalk = { paths: [], stuck: [], mismatches: [], loops: 0, capped: false }
	const onPath = new Set<string>()
	const full = () => walk.paths.length + walk.stuck.length >= limit

	const visit = (snapshot: PlaySnapshot, steps: PathStep[]): void => {
		if (walk.capped) return
		const id = currentNodeId(snapshot)
		const node = scenario.nodes[id]
		if (snapshot.status === 'done') {
			walk.paths.push({ steps, ending: id, outcome: node?.type === 'ending' ? node.outcome : 'unknown' })
			if (full()) walk.capped = true
			return
		}
		if (node?.type !== 'turn' && node?.type !== 'cue') {
			walk.stuck.push({ steps, node: id })
			return
		}
		const key = stateKey(snapshot)
		if (onPath.has(key)) {
			walk.loops++
			return
		}
		onPath.add(key)
		let available = 0
		// A cue moment's options are unconditional replies that all lead on to the same turn.
		const choices = node.type === 'turn' ? node.choices : cueOptions(node).map((o) => ({ id: o.id, when: undefined }))
		for (const choice of choices) {
			const event = { type: 'CHOOSE', choiceId: choice.id } as const
			const can = snapshot.can(event)
			if (can !== conditionHolds(choice.when, snapshot.context))
				walk.mismatches.push({ steps, node: id, choice: choice.id })
			if (!can) continue
			available++
			visit(transition(machine, snapshot, event)[0], [...steps, { node: id, choice: choice.id }])
			if (walk.capped) break
		}
		if (available === 0) {
			walk.stuck.push({ steps, node: id })
			if (full()) walk.capped = true
		}
		onPath.delete(key)
	}

	visit(initialSnapshot(machine), [])
	return walk
}
