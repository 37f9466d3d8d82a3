import type { Comparison, Condition } from '#app/domain/scenario/conditions.ts'
import type { Problem } from '#app/domain/scenario/problems.ts'
import type { Lines, Scenario } from '#app/domain/scenario/schema.ts'
import { cueOptions, cueQuestion, lineAt } from '#app/domain/scenario/living.ts'

// The scenario map (issue 11, item 8) as plain data: which boxes and arrows to draw, what they
// say, and which checker problems belong to which node. Laying it out (elkjs) happens on the
// server in app/services/scenario-authoring.server.ts; drawing is app/components/scenario-map.tsx.

export type MapNodeKind = 'turn' | 'branch' | 'cue' | 'ending'

export type MapNode = {
	id: string
	kind: MapNodeKind
	outcome?: string
	// A short second line: "3 replies", "2 conditions + else", the ending's outcome.
	detail: string
	start: boolean
	outOfTime: boolean
	// 1-based numbers of the problems pinned on this node (see pinProblems).
	problems: number[]
}

export type MapEdge = {
	id: string
	from: string
	to: string
	// Compact: the choice ids (several replies to the same node share one arrow), or a condition.
	label: string
	conditional: boolean
}

export type MapGraph = { nodes: MapNode[]; edges: MapEdge[] }

// The graph with positions, as elkjs laid it out (coordinates in px from the top left).
export type LaidOutNode = MapNode & { x: number; y: number; width: number; height: number }
export type LaidOutEdge = MapEdge & {
	points: Array<{ x: number; y: number }>
	labelBox?: { x: number; y: number; width: number; height: number; text: string }
}
export type MapLayout = { width: number; height: number; nodes: LaidOutNode[]; edges: LaidOutEdge[] }

// A node box's second line.
export const nodeSubtitle = (n: MapNode) =>
	`${n.start ? 'start · ' : ''}${n.detail}${n.outOfTime ? ' · out of time' : ''}`

const OPS: Record<keyof Comparison, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=' }

// `{ confidence: { lt: 30 }, upset: false }` → "confidence < 30 and not upset".
export function conditionText(condition: Condition): string {
	return Object.entries(condition)
		.map(([key, value]) => {
			if (Array.isArray(value)) return `(${(value as Condition[]).map(conditionText).join(' or ')})`
			if (typeof value === 'boolean') return value ? key : `not ${key}`
			return Object.entries(value as Comparison)
				.map(([op, n]) => `${key} ${OPS[op as keyof Comparison] ?? op} ${n}`)
				.join(' and ')
		})
		.join(' and ')
}

// The node a problem's field path points into (`nodes.opening.choices[1].text` → "opening").
export function problemNode(path: string): string | undefined {
	return /^nodes\.([a-z0-9-]+)/.exec(path)?.[1]
}

// Numbers every problem (1-based, in the order given) and pins those under `nodes.<id>` on that node.
export function pinProblems(problems: readonly Pick<Problem, 'path'>[]): Map<string, number[]> {
	const pins = new Map<string, number[]>()
	problems.forEach((p, i) => {
		const node = problemNode(p.path)
		if (node) pins.set(node, [...(pins.get(node) ?? []), i + 1])
	})
	return pins
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

// Nodes in the order a reader meets them (breadth-first from the start, then anything unreachable).
export function nodeOrder(scenario: Scenario): string[] {
	const seen = new Set<string>([scenario.start])
	const order = [scenario.start]
	for (let i = 0; i < order.length; i++) {
		const node = scenario.nodes[order[i]!]
		const next =
			node?.type === 'turn'
				? node.choices.map((c) => c.to)
				: node?.type === 'branch'
					? [...node.branches.map((b) => b.to), node.else]
					: []
		if (node?.type === 'turn' && !seen.has(scenario.outOfTime)) next.push(scenario.outOfTime)
		for (const t of next) {
			if (!seen.has(t) && Object.hasOwn(scenario.nodes, t)) {
				seen.add(t)
				order.push(t)
			}
		}
	}
	for (const id of Object.keys(scenario.nodes)) if (!seen.has(id)) order.push(id)
	return order
}

export function scenarioMapGraph(scenario: Scenario, problems: readonly Pick<Problem, 'path'>[] = []): MapGraph {
	const pins = pinProblems(problems)
	const nodes: MapNode[] = []
	const edges: MapEdge[] = []
	for (const id of nodeOrder(scenario)) {
		const node = scenario.nodes[id]!
		const base = {
			id,
			start: id === scenario.start,
			outOfTime: id === scenario.outOfTime,
			problems: pins.get(id) ?? [],
		}
		if (node.type === 'turn') {
			nodes.push({ ...base, kind: 'turn', detail: plural(node.choices.length, 'reply', 'replies') })
			// Replies to the same node share one arrow, labelled with all their ids.
			const byTarget = new Map<string, string[]>()
			for (const c of node.choices) {
				const label = c.when ? `${c.id} if ${conditionText(c.when)}` : c.id
				byTarget.set(c.to, [...(byTarget.get(c.to) ?? []), label])
			}
			for (const [to, labels] of byTarget) {
				const conditional = node.choices.some((c) => c.to === to && c.when)
				edges.push({ id: `${id}->${to}`, from: id, to, label: labels.join(', '), conditional })
			}
		} else if (node.type === 'branch') {
			nodes.push({ ...base, kind: 'branch', detail: `${plural(node.branches.length, 'condition')} + else` })
			node.branches.forEach((b, i) =>
				edges.push({ id: `${id}-if${i}->${b.to}`, from: id, to: b.to, label: conditionText(b.if), conditional: true }),
			)
			edges.push({ id: `${id}-else->${node.else}`, from: id, to: node.else, label: 'else', conditional: true })
		} else if (node.type === 'cue') {
			const options = node.options === 'styles' ? 'the four styles' : plural(node.options.length, 'cue')
			nodes.push({ ...base, kind: 'cue', detail: `cue moment: ${options}` })
			edges.push({ id: `${id}->${node.to}`, from: id, to: node.to, label: 'then the reply', conditional: false })
		} else {
			nodes.push({ ...base, kind: 'ending', outcome: node.outcome, detail: node.outcome.replace('_', ' ') })
		}
	}
	// Any turn ends at the out-of-time ending once the replies run out; one arrow from the start
	// says so (unless a reply already leads there), instead of leaving that ending floating alone.
	if (!edges.some((e) => e.to === scenario.outOfTime) && scenario.outOfTime !== scenario.start) {
		const label = `after ${scenario.maxReplies} replies`
		edges.push({
			id: `${scenario.start}-timeout->${scenario.outOfTime}`,
			from: scenario.start,
			to: scenario.outOfTime,
			label,
			conditional: true,
		})
	}
	// Only arrows between nodes that exist: a broken target is a problem pinned on its node instead.
	const known = new Set(nodes.map((n) => n.id))
	return { nodes, edges: edges.filter((e) => known.has(e.to)) }
}

// The text alternative to the map: every node once, in reading order, with where each reply goes.
export type OutlineItem = {
	id: string
	kind: MapNodeKind
	outcome?: string
	text: string
	routes: Array<{ label: string; to: string }>
	problems: number[]
}

export function scenarioOutline(scenario: Scenario, problems: readonly Pick<Problem, 'path'>[] = []): OutlineItem[] {
	const pins = pinProblems(problems)
	return nodeOrder(scenario).map((id) => {
		const node = scenario.nodes[id]!
		const pinned = pins.get(id) ?? []
		if (node.type === 'turn') {
			return {
				id,
				kind: 'turn' as const,
				text: outlineLine(node.says),
				routes: node.choices.map((c) => ({
					label: `“${c.text}” (${c.id}, ${c.flex}${c.when ? `, only if ${conditionText(c.when)}` : ''})`,
					to: c.to,
				})),
				problems: pinned,
			}
		}
		if (node.type === 'branch') {
			return {
				id,
				kind: 'branch' as const,
				text: 'Routes on its own, without a reply.',
				routes: [
					...node.branches.map((b) => ({ label: `if ${conditionText(b.if)}`, to: b.to })),
					{ label: 'else', to: node.else },
				],
				problems: pinned,
			}
		}
		if (node.type === 'cue') {
			return {
				id,
				kind: 'cue' as const,
				text: `${cueQuestion(node)} (${cueOptions(node)
					.map((o) => o.text)
					.join(' / ')})`,
				routes: [{ label: 'then the reply', to: node.to }],
				problems: pinned,
			}
		}
		return { id, kind: 'ending' as const, outcome: node.outcome, text: node.title, routes: [], problems: pinned }
	})
}

// A turn's default line, and how many variants it has besides (shown under pressure or other conditions).
function outlineLine(lines: Lines): string {
	if (typeof lines === 'string') return lines
	const others = lines.length - 1
	return others > 0 ? `${lineAt(lines, lines.length - 1)} (${plural(others, 'other variant')})` : lineAt(lines, 0)
}
