import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import { checkScenarioData } from '#app/domain/scenario/check.ts'
import { formatPath, type PathSegment, type Problem } from '#app/domain/scenario/problems.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'

export type ParseResult = { scenario?: Scenario; problems: Problem[] }

type Position = { line: number; col: number }

// Where a field path points in the YAML text: the key of a mapping entry, the first
// character of a list item, or, for something missing, the nearest ancestor that exists.
export function locatePath(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[]): Position {
	let node: unknown = doc.contents
	let offset = isMap(node) || isSeq(node) || isScalar(node) ? (node.range?.[0] ?? 0) : 0
	for (const seg of path) {
		if (isMap(node)) {
			const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg))
			if (!pair) break
			if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0]
			node = pair.value
		} else if (isSeq(node) && typeof seg === 'number') {
			const item: unknown = node.items[seg]
			if (!(isMap(item) || isSeq(item) || isScalar(item))) break
			if (item.range) offset = item.range[0]
			node = item
		} else {
			break
		}
	}
	return lineCounter.linePos(offset)
}

// "scenarios/double-charge.yaml" → "double-charge"; pure string work, no path module.
export const idFromFileName = (fileName: string) =>
	fileName
		.split(/[\\/]/)
		.pop()
		?.replace(/\.ya?ml$/i, '') ?? fileName

// Every problem in one scenario file, each with its line, column and field path.
// `scenario` is returned only when there is no error (warnings do not block it).
export function parseScenarioSource(source: string, fileName: string): ParseResult {
	const lineCounter = new LineCounter()
	const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true })
	const problems: Problem[] = []
	const yamlProblem = (e: { pos: [number, number]; message: string }, severity: Problem['severity']) => {
		const { line, col } = lineCounter.linePos(e.pos[0])
		problems.push({ file: fileName, line, col, path: '', message: `YAML: ${e.message.split('\n')[0]}`, severity })
	}
	for (const w of doc.warnings) yamlProblem(w, 'warning')
	if (doc.errors.length > 0) {
		for (const e of doc.errors) yamlProblem(e, 'error')
		return { problems: sortProblems(problems) }
	}
	let data: unknown
	try {
		// The alias cap stops a "billion laughs" file from eating memory.
		data = doc.toJS({ maxAliasCount: 100 })
	} catch (error) {
		problems.push({ file: fileName, line: 1, col: 1, path: '', message: `YAML: ${String(error)}`, severity: 'error' })
		return { problems }
	}
	const { scenario, issues } = checkScenarioData(data, { expectedId: idFromFileName(fileName) })
	for (const issue of issues) {
		const { line, col } = locatePath(doc, lineCounter, issue.path)
		problems.push({
			file: fileName,
			line,
			col,
			path: formatPath(issue.path),
			message: issue.message,
			severity: issue.severity,
		})
	}
	return scenario ? { scenario, problems: sortProblems(problems) } : { problems: sortProblems(problems) }
}

function sortProblems(problems: Problem[]): Problem[] {
	return problems.sort((a, b) => a.line - b.line || a.col - b.col)
}
