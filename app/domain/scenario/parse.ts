import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml'
import { checkScenarioData, type CheckOptions } from '#app/domain/scenario/check.ts'
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

const clipText = (s: string) => (s.length > 50 ? `…${s.slice(-47)}` : s)

// "scenarios/double-charge.yaml" → "double-charge"; pure string work, no path module.
export const idFromFileName = (fileName: string) =>
	fileName
		.split(/[\\/]/)
		.pop()
		?.replace(/\.ya?ml$/i, '') ?? fileName

// Fields whose value is prose a learner or trainer reads: an unquoted ` #` cuts it short.
const TEXT_FIELDS = new Set([
	'title',
	'summary',
	'name',
	'mood',
	'wants',
	'backstory',
	'narration',
	'says',
	'text',
	'why',
	'debrief',
	'label',
])

// The YAML parser's messages are written for programmers ("compact mappings", "implicit keys");
// every code it can report gets a sentence a trainer can act on.
const YAML_MESSAGES: Record<string, string> = {
	TAB_AS_INDENT: 'this line is indented with a tab; use spaces only (set your editor to insert spaces for Tab)',
	BAD_INDENT:
		'this line is not lined up with the lines around it: fields at the same level must start in the same column',
	BLOCK_AS_IMPLICIT_KEY:
		'this line cannot be read as "field: value": check for a missing colon, a second colon that needs the text in quotes, or a line indented further than the one above it',
	MULTILINE_IMPLICIT_KEY:
		'this line cannot be read as "field: value": check for a missing colon (like "type: turn") or a line indented further than the one above it',
	DUPLICATE_KEY: 'this field appears twice in the same place; keep one of them',
	MULTIPLE_DOCS: 'a line with only "---" starts a second scenario, but a file holds exactly one: remove that line',
	BAD_SCALAR_START: 'a value cannot start with this character (such as @, ` or %) unless the text is in quotes',
	UNEXPECTED_TOKEN: 'unexpected character here: put text that contains : # [ ] { } , or quotes inside double quotes',
	BAD_ALIAS: 'text starting with * or & has a special meaning: put it in double quotes',
	MISSING_ANCHOR: 'text starting with * refers to something that does not exist: put it in double quotes',
	COMMENT_SPACE: 'a # that starts a comment needs a space before it; if it is part of the text, put the text in quotes',
	BLOCK_IN_FLOW: 'inside { } or [ ] everything must stay on one line; write the fields on indented lines instead',
	TAG_RESOLVE_FAILED:
		'tags such as "!include" are not supported: a scenario cannot pull in other files, so write the text itself (in quotes if it starts with !)',
	BAD_DQ_ESCAPE: 'a backslash inside double quotes starts an escape such as \\n; write \\\\ for a backslash itself',
	KEY_OVER_1024_CHARS: 'a field name this long is almost certainly a missing colon or quote on an earlier line',
	BAD_COLLECTION_TYPE: 'this list or mapping is written in a way the file format does not accept',
}

function plainYamlMessage(code: string, raw: string): string {
	if (code === 'MISSING_CHAR') {
		if (/quote/i.test(raw)) return 'the quote that opens this text is never closed: add the closing " at its end'
		return 'a { or [ is never closed: add the matching } or ] on the same line'
	}
	return YAML_MESSAGES[code] ?? 'this line is not valid YAML: check its indentation, colons and quotes'
}

const indentOf = (line: string) => line.length - line.trimStart().length
const KEY_LINE = /^\s*(?:-\s+)?[A-Za-z_][\w-]*:(\s|$)/

// Where a syntax error really is, when the parser notices it later or earlier than a person would.
function syntaxPosition(code: string, lines: string[], pos: Position): Position {
	if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
		// "says:" indented further than "type: turn" above it: the parser blames the line above.
		const here = lines[pos.line - 1] ?? ''
		const nextIndex = lines.findIndex((l, i) => i >= pos.line && l.trim() !== '' && !l.trimStart().startsWith('#'))
		const next = lines[nextIndex]
		if (KEY_LINE.test(here) && next !== undefined && KEY_LINE.test(next) && indentOf(next) > indentOf(here)) {
			return { line: nextIndex + 1, col: indentOf(next) + 1 }
		}
	}
	if (code === 'MISSING_CHAR') {
		// The parser reaches the end of the file; the mistake is where the unclosed quote opens.
		for (let i = Math.min(pos.line, lines.length) - 1; i >= 0; i--) {
			const line = lines[i]!
			const open = /^\s*(?:-\s+)?[\w-]+:\s+"/.exec(line)
			if (open && !/[^\\]"\s*(#.*)?$/.test(line.slice(open[0].length - 1))) {
				return { line: i + 1, col: open[0].length }
			}
		}
	}
	return pos
}

export type ParseOptions = Omit<CheckOptions, 'expectedId'>

// Every problem in one scenario file, each with its line, column and field path.
// `scenario` is returned only when there is no error (warnings do not block it).
export function parseScenarioSource(source: string, fileName: string, options: ParseOptions = {}): ParseResult {
	const problems: Problem[] = []
	const syntax = (line: number, col: number, message: string) =>
		problems.push({ file: fileName, line, col, path: '', message: `YAML: ${message}`, severity: 'error' })
	const lines = source.split(/\r?\n/)

	// A tab in the indentation makes the parser report a cascade of errors; one per line is enough.
	lines.forEach((line, i) => {
		const indent = /^[ \t]*/.exec(line)![0]
		if (indent.includes('\t') && line.trim() !== '')
			syntax(i + 1, indent.indexOf('\t') + 1, YAML_MESSAGES.TAB_AS_INDENT!)
	})
	if (problems.length > 0) return { problems }

	const lineCounter = new LineCounter()
	const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true })
	// Warnings too (an unknown tag is only a warning to the parser): each would change what the learner sees.
	const seenLines = new Set<number>()
	for (const e of [...doc.errors, ...doc.warnings]) {
		// After a wrongly indented line the parser misreads the rest of its block: report that line only.
		if (problems.some((p) => p.message.endsWith(YAML_MESSAGES.BAD_INDENT!))) break
		const { line, col } = syntaxPosition(e.code, lines, lineCounter.linePos(e.pos[0]))
		// One mistake often trips several parser rules on the same line.
		if (seenLines.has(line)) continue
		seenLines.add(line)
		syntax(line, col, plainYamlMessage(e.code, e.message))
	}
	if (problems.length > 0) return { problems: sortProblems(problems) }

	// An unquoted " #" turns the rest of a line of dialogue into a comment the learner never sees.
	visit(doc, {
		Pair(_, pair) {
			if (!isScalar(pair.key) || !isScalar(pair.value)) return
			const value = pair.value
			if (value.type !== 'PLAIN' || typeof value.value !== 'string' || !value.range) return
			if (!TEXT_FIELDS.has(String(pair.key.value))) return
			const rest = source.slice(value.range[1]).split(/\r?\n/, 1)[0] ?? ''
			if (/^[ \t]+#/.test(rest)) {
				const { line, col } = lineCounter.linePos(value.range[1] + rest.indexOf('#'))
				syntax(
					line,
					col,
					`the text stops at " #": everything after it is read as a comment, so only "${clipText(value.value)}" would be shown. Put the whole text in double quotes`,
				)
			}
		},
	})
	if (problems.length > 0) return { problems: sortProblems(problems) }

	let data: unknown
	try {
		// The alias cap stops a "billion laughs" file from eating memory.
		data = doc.toJS({ maxAliasCount: 100 })
	} catch {
		syntax(1, 1, 'the file repeats references (*name) too many times to be read')
		return { problems }
	}
	const { scenario, issues } = checkScenarioData(data, { ...options, expectedId: idFromFileName(fileName) })
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
