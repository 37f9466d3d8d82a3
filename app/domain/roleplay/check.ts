import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import { conditionReferences } from '#app/domain/roleplay/conditions.ts'
import { scenarioSchema, type Condition, type Scenario } from '#app/domain/roleplay/schema.ts'

export type Problem = { file: string; line: number; col: number; path: string; message: string }

type PathSegment = string | number

export function formatPath(path: readonly PathSegment[]): string {
	return path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '')
}

export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}:${p.col} ${p.path ? `${p.path}: ` : ''}${p.message}`
}

// Where a path points in the YAML source: the key of a mapping entry, the start of a
// list item, or, for something missing, the closest part of the path that exists.
function locate(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[]): { line: number; col: number } {
	let node: unknown = doc.contents
	let offset = 0
	for (const seg of path) {
		if (isMap(node)) {
			const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg))
			if (!pair) break
			offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : offset
			node = pair.value
		} else if (isSeq(node) && typeof seg === 'number') {
			const item = node.items[seg]
			if (!item) break
			const range = (item as { range?: [number, number, number] }).range
			offset = range ? range[0] : offset
			node = item
		} else {
			break
		}
	}
	return lineCounter.linePos(offset)
}

type Issue = { path: PathSegment[]; message: string }

function graphOf(scenario: Scenario) {
	const edges = new Map<string, Array<{ to: string; path: PathSegment[] }>>()
	for (const [id, node] of Object.entries(scenario.nodes)) {
		const out: Array<{ to: string; path: PathSegment[] }> = []
		if (node.type === 'turn') node.choices.forEach((c, i) => out.push({ to: c.to, path: ['nodes', id, 'choices', i, 'to'] }))
		if (node.type === 'branch') {
			node.branches.forEach((b, i) => out.push({ to: b.to, path: ['nodes', id, 'branches', i, 'to'] }))
			if (node.else) out.push({ to: node.else, path: ['nodes', id, 'else'] })
		}
		edges.set(id, out)
	}
	return edges
}

function reachableFrom(starts: string[], next: (id: string) => string[]): Set<string> {
	const seen = new Set<string>()
	const queue = [...starts]
	while (queue.length) {
		const id = queue.shift()!
		if (seen.has(id)) continue
		seen.add(id)
		queue.push(...next(id))
	}
	return seen
}

// Rules beyond the schema: the scenario must be a playable, finite conversation.
export function semanticIssues(scenario: Scenario, expectedId?: string): Issue[] {
	const issues: Issue[] = []
	const ids = new Set(Object.keys(scenario.nodes))
	const meters = new Set(Object.keys(scenario.meters))
	const flags = new Set(scenario.flags ?? [])
	const skills = new Set<string>(scenario.skills)

	if (expectedId !== undefined && scenario.id !== expectedId) {
		issues.push({ path: ['id'], message: `must match the file name ("${expectedId}")` })
	}
	if (!ids.has(scenario.start)) issues.push({ path: ['start'], message: `no node named "${scenario.start}"` })

	const checkCondition = (cond: Condition | undefined, base: PathSegment[]) => {
		for (const ref of conditionReferences(cond)) {
			const declared = ref.kind === 'meter' ? meters : flags
			if (!declared.has(ref.key)) {
				issues.push({ path: [...base, ...ref.path], message: `undeclared ${ref.kind} "${ref.key}"` })
			}
		}
	}

	const edges = graphOf(scenario)
	for (const [id, node] of Object.entries(scenario.nodes)) {
		const at: PathSegment[] = ['nodes', id]
		if (node.type === 'turn') {
			if (node.choices.length === 0) issues.push({ path: [...at, 'choices'], message: 'a turn needs choices' })
			else if (node.choices.length < 2 || node.choices.length > 4) {
				issues.push({ path: [...at, 'choices'], message: `a turn needs 2 to 4 choices (it has ${node.choices.length})` })
			}
			const seen = new Set<string>()
			node.choices.forEach((c, i) => {
				const cat: PathSegment[] = [...at, 'choices', i]
				if (seen.has(c.id)) issues.push({ path: [...cat, 'id'], message: `duplicate choice id "${c.id}"` })
				seen.add(c.id)
				for (const m of Object.keys(c.effects ?? {})) {
					if (!meters.has(m)) issues.push({ path: [...cat, 'effects', m], message: `undeclared meter "${m}"` })
				}
				for (const f of Object.keys(c.set ?? {})) {
					if (!flags.has(f)) issues.push({ path: [...cat, 'set', f], message: `undeclared flag "${f}"` })
				}
				for (const s of Object.keys(c.evidence ?? {})) {
					if (!skills.has(s)) issues.push({ path: [...cat, 'evidence', s], message: `skill "${s}" is not in this scenario's skills` })
				}
				checkCondition(c.when, [...cat, 'when'])
			})
		}
		if (node.type === 'branch') {
			if (!node.else) issues.push({ path: at, message: 'a branch needs an `else` target' })
			node.branches.forEach((b, i) => checkCondition(b.if, [...at, 'branches', i, 'if']))
		}
		for (const edge of edges.get(id) ?? []) {
			if (!ids.has(edge.to)) issues.push({ path: edge.path, message: `no node named "${edge.to}"` })
		}
	}

	const targets = (id: string) => (edges.get(id) ?? []).map((e) => e.to).filter((t) => ids.has(t))
	if (ids.has(scenario.start)) {
		const reachable = reachableFrom([scenario.start], targets)
		for (const id of ids) if (!reachable.has(id)) issues.push({ path: ['nodes', id], message: 'unreachable from the start' })

		const reverse = new Map<string, string[]>()
		for (const id of ids) for (const t of targets(id)) reverse.set(t, [...(reverse.get(t) ?? []), id])
		const endings = [...ids].filter((id) => scenario.nodes[id]?.type === 'ending')
		const canFinish = reachableFrom(endings, (id) => reverse.get(id) ?? [])
		for (const id of reachable) {
			if (!canFinish.has(id)) issues.push({ path: ['nodes', id], message: 'no ending can be reached from here' })
		}
		const resolved = endings.filter((id) => {
			const n = scenario.nodes[id]
			return n?.type === 'ending' && n.outcome === 'resolved' && reachable.has(id)
		})
		if (resolved.length === 0) issues.push({ path: ['nodes'], message: 'no path leads to a "resolved" ending' })
	}

	// A cycle made only of branches would loop forever without the learner choosing anything.
	const branchIds = [...ids].filter((id) => scenario.nodes[id]?.type === 'branch')
	const state = new Map<string, 'visiting' | 'done'>()
	const visit = (id: string): boolean => {
		if (state.get(id) === 'visiting') return true
		if (state.get(id) === 'done') return false
		state.set(id, 'visiting')
		const loop = targets(id).some((t) => scenario.nodes[t]?.type === 'branch' && visit(t))
		state.set(id, 'done')
		return loop
	}
	for (const id of branchIds) {
		if (!state.has(id) && visit(id)) issues.push({ path: ['nodes', id], message: 'branches loop back to themselves with no turn in between' })
	}
	return issues
}

export type ParseResult = { scenario?: Scenario; problems: Problem[] }

// Everything wrong with one scenario file, each with its line and column.
export function parseScenarioSource(source: string, file: string): ParseResult {
	const lineCounter = new LineCounter()
	const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true })
	const problems: Problem[] = []
	const at = (path: PathSegment[], message: string) => {
		const pos = locate(doc, lineCounter, path)
		problems.push({ file, line: pos.line, col: pos.col, path: formatPath(path), message })
	}
	if (doc.errors.length > 0) {
		for (const e of doc.errors) {
			const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0])
			problems.push({ file, line: pos.line, col: pos.col, path: '', message: `YAML: ${e.message.split('\n')[0]}` })
		}
		return { problems }
	}
	const raw: unknown = doc.toJS()
	const parsed = scenarioSchema.safeParse(raw)
	const base = file.split('/').pop()?.replace(/\.ya?ml$/, '')
	if (!parsed.success) {
		for (const issue of parsed.error.issues) at(issue.path as PathSegment[], issue.message)
		// Report structural problems too (a wrong target next to a wrong tag), as far
		// as the malformed data allows; a shape the rules cannot walk is skipped.
		try {
			for (const issue of semanticIssues(raw as Scenario, base)) {
				const where = formatPath(issue.path)
				if (!problems.some((p) => p.path === where)) at(issue.path, issue.message)
			}
		} catch {
			// The schema messages above already explain what is wrong.
		}
		return { problems: sortProblems(problems) }
	}
	for (const issue of semanticIssues(parsed.data, base)) at(issue.path, issue.message)
	return problems.length ? { problems: sortProblems(problems) } : { scenario: parsed.data, problems }
}

function sortProblems(problems: Problem[]): Problem[] {
	return problems.sort((a, b) => a.line - b.line || a.col - b.col)
}
