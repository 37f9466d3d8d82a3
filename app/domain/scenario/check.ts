import { skills as skillCatalogue } from '#app/domain/practice/skills.ts'
import { conditionReferences } from '#app/domain/scenario/conditions.ts'
import { didYouMean, formatPath, type Issue, type PathSegment } from '#app/domain/scenario/problems.ts'
import { friendlyErrorMap, schemaIssues } from '#app/domain/scenario/schema-messages.ts'
import {
	GOOD_OUTCOME,
	IMPLIED_SKILL,
	scenarioSchema,
	UNDER_PRESSURE,
	type Scenario,
} from '#app/domain/scenario/schema.ts'
import { STYLES } from '#app/domain/style.ts'

const CUE_SKILL = 'cue_reading'
import { DEFAULT_MAX_STATES, exploreStates } from '#app/domain/scenario/state-space.ts'
import { contentWarnings } from '#app/domain/scenario/warnings.ts'

// The rules beyond the schema: a scenario must be a finite, playable conversation.
// They run on a tolerant outline of the raw data, so a file with a schema error still gets
// its graph problems reported in the same run (every problem, not just the first).

type OutlineChoice = {
	id?: string
	to?: string
	effects: string[]
	set: string[]
	evidence: string[]
	when: unknown
	tries?: string
}
// A `says`/`narration` variant: its condition (raw) and the cue reading it sets, if any.
type OutlineVariant = { field: 'says' | 'narration'; index: number; when: unknown; cue?: string }
type OutlineNode = {
	type?: string
	choices: OutlineChoice[]
	variants: OutlineVariant[]
	// A cue moment: where it leads, its options (undefined: the four styles), its answer.
	to?: string
	cueOptions?: string[]
	answer?: string
	branches: Array<{ if: unknown; to?: string }>
	else?: string
	outcome?: string
}
type Outline = {
	id?: string
	start?: string
	outOfTime?: string
	meters?: Set<string>
	flags?: Set<string>
	skills?: Set<string>
	tips?: Set<string>
	nodes?: Map<string, OutlineNode>
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
const keys = (v: unknown) => (isObject(v) ? Object.keys(v) : [])
const list = (v: unknown) => (Array.isArray(v) ? v : [])
const strings = (v: unknown) =>
	Array.isArray(v) ? new Set(v.filter((x): x is string => typeof x === 'string')) : undefined

function outlineOf(raw: unknown): Outline {
	if (!isObject(raw)) return {}
	const nodes = isObject(raw.nodes)
		? new Map(
				Object.entries(raw.nodes).map(([id, n]): [string, OutlineNode] => {
					const node = isObject(n) ? n : {}
					return [
						id,
						{
							type: str(node.type),
							choices: list(node.choices).map((c) => {
								const choice = isObject(c) ? c : {}
								return {
									id: str(choice.id),
									to: str(choice.to),
									effects: keys(choice.effects),
									set: keys(choice.set),
									evidence: keys(choice.evidence),
									when: choice.when,
									tries: str(choice.tries),
								}
							}),
							variants: (['says', 'narration'] as const).flatMap((field) =>
								list(node[field]).map((v, index) => ({
									field,
									index,
									when: isObject(v) ? v.when : undefined,
									cue: isObject(v) && isObject(v.cue) ? str(v.cue.answer) : undefined,
								})),
							),
							to: node.type === 'cue' ? str(node.to) : undefined,
							cueOptions:
								node.type === 'cue' && Array.isArray(node.options)
									? node.options.map((o) => (isObject(o) ? (str(o.id) ?? '') : ''))
									: undefined,
							answer: str(node.answer),
							branches: list(node.branches).map((b) => ({
								if: isObject(b) ? b.if : undefined,
								to: isObject(b) ? str(b.to) : undefined,
							})),
							else: str(node.else),
							outcome: str(node.outcome),
						},
					]
				}),
			)
		: undefined
	return {
		id: str(raw.id),
		start: str(raw.start),
		outOfTime: str(raw.outOfTime),
		meters: isObject(raw.meters) ? new Set(Object.keys(raw.meters)) : undefined,
		// No `flags:` at all means "no flags", which is a declaration too.
		flags: raw.flags === undefined ? new Set() : strings(raw.flags),
		skills: strings(raw.skills),
		tips: isObject(raw.prebrief)
			? new Set(list(raw.prebrief.tips).flatMap((t) => (isObject(t) && str(t.id) ? [str(t.id)!] : [])))
			: new Set(),
		nodes,
	}
}

type Edge = { to: string; path: PathSegment[] }

function edgesOf(id: string, node: OutlineNode): Edge[] {
	const at: PathSegment[] = ['nodes', id]
	const out: Edge[] = []
	node.choices.forEach((c, i) => c.to !== undefined && out.push({ to: c.to, path: [...at, 'choices', i, 'to'] }))
	node.branches.forEach((b, i) => b.to !== undefined && out.push({ to: b.to, path: [...at, 'branches', i, 'to'] }))
	if (node.else !== undefined) out.push({ to: node.else, path: [...at, 'else'] })
	if (node.to !== undefined) out.push({ to: node.to, path: [...at, 'to'] })
	return out
}

function closure(starts: Iterable<string>, next: (id: string) => Iterable<string>): Set<string> {
	const seen = new Set<string>()
	const stack = [...starts]
	while (stack.length) {
		const id = stack.pop()!
		if (seen.has(id)) continue
		seen.add(id)
		for (const n of next(id)) if (!seen.has(n)) stack.push(n)
	}
	return seen
}

// Cycles made only of branches would route forever without the learner choosing anything.
// Depth-first with an explicit stack: thousands of chained branches must not overflow.
function branchCycles(nodes: Map<string, OutlineNode>, targets: (id: string) => string[]): string[][] {
	const isBranch = (id: string) => nodes.get(id)?.type === 'branch'
	const state = new Map<string, 'open' | 'done'>()
	const cycles = new Map<string, string[]>()
	for (const root of nodes.keys()) {
		if (!isBranch(root) || state.has(root)) continue
		const stack: string[] = [root]
		const next: Array<{ targets: string[]; i: number }> = [{ targets: targets(root).filter(isBranch), i: 0 }]
		state.set(root, 'open')
		while (stack.length > 0) {
			const frame = next[next.length - 1]!
			const t = frame.targets[frame.i++]
			if (t === undefined) {
				state.set(stack.pop()!, 'done')
				next.pop()
			} else if (state.get(t) === 'open') {
				const cycle = [...stack.slice(stack.indexOf(t)), t]
				cycles.set([...new Set(cycle)].sort().join(' '), cycle)
			} else if (!state.has(t)) {
				state.set(t, 'open')
				stack.push(t)
				next.push({ targets: targets(t).filter(isBranch), i: 0 })
			}
		}
	}
	return [...cycles.values()]
}

export function structuralIssues(raw: unknown, expectedId?: string): Issue[] {
	const issues: Issue[] = []
	const error = (path: PathSegment[], message: string) => issues.push({ path, message, severity: 'error' })
	const warn = (path: PathSegment[], message: string) => issues.push({ path, message, severity: 'warning' })
	const o = outlineOf(raw)

	if (expectedId !== undefined && o.id !== undefined && o.id !== expectedId) {
		error(['id'], `must match the file name: the file is "${expectedId}.yaml" but the id is "${o.id}"`)
	}
	const nodes = o.nodes
	if (!nodes) return issues
	const ids = new Set(nodes.keys())
	const unknownTarget = (to: string) => `no node named "${to}"${didYouMean(to, ids)}`
	if (o.start !== undefined && !ids.has(o.start)) error(['start'], unknownTarget(o.start))
	if (o.outOfTime !== undefined) {
		if (!ids.has(o.outOfTime)) error(['outOfTime'], unknownTarget(o.outOfTime))
		else if (nodes.get(o.outOfTime)?.type !== 'ending') {
			error(['outOfTime'], `must name an ending: "${o.outOfTime}" is not one`)
		}
	}

	const checkCondition = (cond: unknown, base: PathSegment[]) => {
		for (const ref of conditionReferences(cond)) {
			const path = [...base, ...ref.path]
			if (ref.kind === 'meter') {
				if (o.flags?.has(ref.name)) error(path, `"${ref.name}" is a flag: test it with true or false, not a comparison`)
				else if (o.meters && !o.meters.has(ref.name)) {
					error(path, `undeclared meter "${ref.name}"${didYouMean(ref.name, o.meters)}; declare it under meters:`)
				}
			} else if (o.meters?.has(ref.name)) {
				error(path, `"${ref.name}" is a meter: compare it, like { gte: 30 }, rather than true/false`)
			} else if (o.flags && !o.flags.has(ref.name)) {
				error(path, `undeclared flag "${ref.name}"${didYouMean(ref.name, o.flags)}; declare it under flags:`)
			}
		}
	}

	const evidenced = new Set<string>()
	let usesCue = false
	for (const [id, node] of nodes) {
		const at: PathSegment[] = ['nodes', id]
		const firstIndex = new Map<string, number>()
		node.choices.forEach((c, i) => {
			const cat: PathSegment[] = [...at, 'choices', i]
			if (c.id !== undefined) {
				const first = firstIndex.get(c.id)
				if (first !== undefined)
					error([...cat, 'id'], `duplicate choice id "${c.id}" (choices[${first}] already uses it)`)
				else firstIndex.set(c.id, i)
			}
			for (const m of c.effects) {
				if (o.meters && !o.meters.has(m))
					error([...cat, 'effects', m], `undeclared meter "${m}"${didYouMean(m, o.meters)}; declare it under meters:`)
			}
			for (const f of c.set) {
				if (o.meters?.has(f)) error([...cat, 'set', f], `"${f}" is a meter: change it under effects:, not set:`)
				else if (o.flags && !o.flags.has(f))
					error([...cat, 'set', f], `undeclared flag "${f}"${didYouMean(f, o.flags)}; declare it under flags:`)
			}
			for (const s of c.evidence) {
				evidenced.add(s)
				if (s === IMPLIED_SKILL) {
					warn([...cat, 'evidence', s], `${IMPLIED_SKILL} is computed from the flex tag; evidence for it is ignored`)
				} else if (o.skills && (skillCatalogue as readonly string[]).includes(s) && !o.skills.has(s)) {
					error([...cat, 'evidence', s], `undeclared skill "${s}": add it to this scenario's skills: list`)
				}
			}
			checkCondition(c.when, [...cat, 'when'])
		})
		node.branches.forEach((b, i) => checkCondition(b.if, [...at, 'branches', i, 'if']))
		for (const v of node.variants) {
			if (v.when !== UNDER_PRESSURE) checkCondition(v.when, [...at, v.field, v.index, 'when'])
		}
		node.choices.forEach((c, i) => {
			if (c.tries !== undefined && !o.tips?.has(c.tries)) {
				error(
					[...at, 'choices', i, 'tries'],
					o.tips?.size
						? `no pre-brief tip "${c.tries}"${didYouMean(c.tries, o.tips)}; tips are listed under prebrief: tips:`
						: `no pre-brief tip "${c.tries}": add it under prebrief: tips: (with an id and text)`,
				)
			}
		})
		if (node.type === 'cue') {
			usesCue = true
			const answers = new Set(node.cueOptions ?? STYLES)
			const answerName = node.cueOptions ? 'cue id' : 'style'
			const badAnswer = (a: string) =>
				`"${a}" is not one of this cue moment's options; name a ${answerName}: ${[...answers].join(', ')}`
			if (node.answer !== undefined && !answers.has(node.answer)) error([...at, 'answer'], badAnswer(node.answer))
			if (node.answer === undefined && node.cueOptions)
				error([...at, 'answer'], 'a cue moment with its own cues needs an `answer:` naming the right cue id')
			node.cueOptions?.forEach((id, i) => {
				if (node.cueOptions!.indexOf(id) !== i) error([...at, 'options', i, 'id'], `duplicate cue id "${id}"`)
			})
			const target = node.to !== undefined ? nodes.get(node.to) : undefined
			if (target && target.type !== 'turn') {
				error(
					[...at, 'to'],
					`must name a turn: a cue moment asks about the line the customer says there, before the learner replies`,
				)
			}
			// A variant of the line read here may say what the right reading is when it is shown.
			for (const v of target?.variants ?? []) {
				if (v.cue !== undefined && !answers.has(v.cue))
					error(['nodes', node.to!, v.field, v.index, 'cue', 'answer'], badAnswer(v.cue))
			}
		}
		for (const edge of edgesOf(id, node)) if (!ids.has(edge.to)) error(edge.path, unknownTarget(edge.to))
	}

	const node = (id: string) => nodes.get(id)!
	const targets = (id: string) => {
		const node = nodes.get(id)
		return node
			? edgesOf(id, node)
					.map((e) => e.to)
					.filter((t) => ids.has(t))
			: []
	}
	// A node of unknown type could be an ending; treating it as one avoids blaming its neighbours.
	const terminal = [...ids].filter((id) => {
		const type = nodes.get(id)?.type
		// A turn without choices gets its own error; counting it as an end keeps that error from
		// spreading "no ending can be reached" to every node before it.
		return (
			type === 'ending' ||
			(type !== 'turn' && type !== 'branch' && type !== 'cue') ||
			(type === 'turn' && node(id).choices.length === 0)
		)
	})
	if (o.start !== undefined && ids.has(o.start)) {
		// The engine itself routes to the out-of-time ending, so it counts as reachable.
		const reachable = closure(
			o.outOfTime !== undefined && ids.has(o.outOfTime) ? [o.start, o.outOfTime] : [o.start],
			targets,
		)
		for (const id of ids) {
			if (!reachable.has(id))
				error(['nodes', id], `unreachable: no choice or branch leads here from the start ("${o.start}")`)
		}
		const reverse = new Map<string, string[]>()
		for (const id of ids) {
			for (const t of targets(id)) {
				const from = reverse.get(t)
				if (from) from.push(id)
				else reverse.set(t, [id])
			}
		}
		const canFinish = closure(terminal, (id) => reverse.get(id) ?? [])
		for (const id of reachable) {
			if (!canFinish.has(id))
				error(['nodes', id], 'no ending can be reached from here: every way on leads back or nowhere')
		}
		const endings = [...ids].filter((id) => nodes.get(id)?.type === 'ending')
		const outcomesKnown = terminal.every(
			(id) => nodes.get(id)?.type === 'ending' && nodes.get(id)?.outcome !== undefined,
		)
		if (outcomesKnown) {
			const good = endings.filter((id) => nodes.get(id)?.outcome === GOOD_OUTCOME)
			if (good.length === 0)
				error(['nodes'], `no ending has outcome: ${GOOD_OUTCOME}; every scenario needs at least one way to resolve it`)
			else if (!good.some((id) => reachable.has(id)))
				error(['nodes'], `no path from the start reaches a "${GOOD_OUTCOME}" ending`)
		}
	}

	for (const cycle of branchCycles(nodes, targets)) {
		error(['nodes', cycle[0]!], `branches loop with no turn in between: ${cycle.join(' → ')}`)
	}

	if (usesCue) {
		evidenced.add(CUE_SKILL)
		if (o.skills && !o.skills.has(CUE_SKILL))
			error(['skills'], `this scenario has a cue moment, which scores "${CUE_SKILL}": add it to skills:`)
	}
	const allTurnsKnown = [...nodes.values()].every((n) => n.type !== undefined)
	if (allTurnsKnown && o.skills) {
		;[...o.skills].forEach((s, i) => {
			if (s !== IMPLIED_SKILL && !evidenced.has(s))
				warn(['skills', i], `no choice gives evidence for "${s}", so it cannot be scored`)
		})
	}
	return issues
}

const describeState = (meters: Record<string, number>, flags: Record<string, boolean>) => {
	const m = Object.entries(meters)
		.map(([k, v]) => `${k} ${v}`)
		.join(', ')
	const set = Object.entries(flags)
		.filter(([, v]) => v)
		.map(([k]) => k)
	return `${m}${set.length ? `, flags set: ${set.join(', ')}` : ', no flags set'}`
}

export type CheckOptions = {
	expectedId?: string
	maxStates?: number
	// Strict (tests, start-up, publishing): what the search could not prove is an error.
	strict?: boolean
}

// Rules that need the conditions evaluated: run only on a scenario that is otherwise valid.
export function playIssues(scenario: Scenario, options: Pick<CheckOptions, 'maxStates' | 'strict'> = {}): Issue[] {
	const maxStates = options.maxStates ?? DEFAULT_MAX_STATES
	const issues: Issue[] = []
	const space = exploreStates(scenario, maxStates)
	for (const s of space.stuck) {
		issues.push({
			path: ['nodes', s.node, 'choices'],
			message: `the learner can get stuck here: with ${describeState(s.meters, s.flags)}, no choice's condition holds`,
			severity: 'error',
		})
	}
	if (!space.complete) {
		issues.push({
			path: ['nodes'],
			message:
				`could not prove that the learner can always reach an ending: there are over ${maxStates} combinations ` +
				'of step, meters and flags to follow. Move meters in coarser steps, narrow their ranges or use fewer flags',
			severity: options.strict ? 'error' : 'warning',
		})
		return issues
	}
	if (space.startTrapped) {
		issues.push({
			path: ['start'],
			message: 'the conversation can never end from here: every way on loops back without reaching an ending',
			severity: 'error',
		})
	}
	for (const t of space.trapping) {
		issues.push({
			path: ['nodes', t.node, 'choices', t.choice],
			message:
				`this reply can trap the learner: with ${describeState(t.meters, t.flags)}, it leads into a loop ` +
				'whose way out needs a condition that can no longer hold, so no ending can be reached',
			severity: 'error',
		})
	}
	const good = Object.entries(scenario.nodes).filter(([, n]) => n.type === 'ending' && n.outcome === GOOD_OUTCOME)
	const fastestGood = Math.min(...good.map(([id]) => space.endingsReached.get(id) ?? Number.POSITIVE_INFINITY))
	if (good.length > 0 && fastestGood === Number.POSITIVE_INFINITY) {
		issues.push({
			path: ['nodes'],
			message: `no playable path reaches a "${GOOD_OUTCOME}" ending: the conditions on the way always block it`,
			severity: 'error',
		})
	} else if (fastestGood > scenario.maxReplies) {
		issues.push({
			path: ['maxReplies'],
			message: `is too low: the shortest way to a "${GOOD_OUTCOME}" ending takes ${fastestGood} replies`,
			severity: 'error',
		})
	}
	for (const [id, node] of Object.entries(scenario.nodes)) {
		if (!space.reachedNodes.has(id)) {
			// The out-of-time ending is reached by the reply limit, not by a choice.
			if (id === scenario.outOfTime) continue
			issues.push({
				path: ['nodes', id],
				message: 'never reached in play: the conditions on the way here never hold',
				severity: 'warning',
			})
			continue
		}
		if (node.type === 'turn') {
			for (const field of ['says', 'narration'] as const) {
				const lines = node[field]
				if (lines === undefined || typeof lines === 'string') continue
				lines.forEach((v, i) => {
					if (space.shownVariants.has(`${id}/${field}/${i}`)) return
					const last = i === lines.length - 1
					issues.push({
						path: ['nodes', id, field, i, last ? 'text' : 'when'],
						message: last
							? "this default line is never shown: an earlier variant's condition always holds when the conversation gets here"
							: v.when === UNDER_PRESSURE
								? `this variant is never shown: ${scenario.pressure.meter} is never below ${scenario.pressure.below} when the conversation gets here (or an earlier variant always wins)`
								: 'this variant is never shown: its condition never holds when the conversation gets here (or an earlier variant always wins)',
						severity: 'warning',
					})
				})
			}
			node.choices.forEach((c, i) => {
				if (c.when && !space.shownChoices.has(`${id}/${c.id}`)) {
					issues.push({
						path: ['nodes', id, 'choices', i, 'when'],
						message: 'this choice is never shown: its condition never holds when the conversation gets here',
						severity: 'warning',
					})
				}
			})
		}
		if (node.type === 'branch') {
			node.branches.forEach((b, i) => {
				if (!space.takenBranches.has(`${id}/${i}`)) {
					issues.push({
						path: ['nodes', id, 'branches', i, 'if'],
						message: 'never decides the route: this condition never holds here (or an earlier one always wins)',
						severity: 'warning',
					})
				}
			})
		}
	}
	// A tip no reply tries cannot be followed up in the debrief.
	const tried = new Set(
		Object.values(scenario.nodes).flatMap((n) => (n.type === 'turn' ? n.choices.flatMap((c) => c.tries ?? []) : [])),
	)
	scenario.prebrief?.tips.forEach((t, i) => {
		if (!tried.has(t.id))
			issues.push({
				path: ['prebrief', 'tips', i, 'id'],
				message: `no reply tries "${t.id}": tag the replies that try it with tries: ${t.id}, so the debrief can ask "did you try it?"`,
				severity: 'warning',
			})
	})
	return issues
}

export type CheckResult = { scenario?: Scenario; issues: Issue[] }

// Everything wrong with scenario data (already parsed from YAML or read from the database).
// `scenario` is set only when there are no errors; warnings alone do not block it.
export function checkScenarioData(data: unknown, options: CheckOptions = {}): CheckResult {
	const parsed = scenarioSchema.safeParse(data, { error: friendlyErrorMap })
	const issues = parsed.success ? [] : schemaIssues(parsed.error)
	// The schema's message about a field is the more precise one; do not repeat it.
	const reported = new Set(issues.map((i) => formatPath(i.path)))
	for (const issue of structuralIssues(data, options.expectedId)) {
		if (!reported.has(formatPath(issue.path))) issues.push(issue)
	}
	if (!parsed.success || issues.some((i) => i.severity === 'error')) return { issues }
	issues.push(...playIssues(parsed.data, options), ...contentWarnings(parsed.data))
	return issues.some((i) => i.severity === 'error') ? { issues } : { scenario: parsed.data, issues }
}
