import type { SourceFile } from '#app/domain/scenario/library.ts'
import type { Severity } from '#app/domain/scenario/problems.ts'

// The mutation corpus (issue 11): broken files made from the shipped library by the kinds of
// edit a trainer makes by hand. Each mutant says where the checker must report it: the exact
// line for syntax errors, the offending key's line for semantic ones. Pure text edits on
// lines, so the expected line is known from the edit itself, not from the YAML library the
// checker uses.

export type Mutant = {
	kind: string
	file: string
	// The mutated file, plus any other file checked with it (a duplicate id needs two).
	files: SourceFile[]
	line: number
	severity: Severity
}

type Lines = string[]
type Edit = { lines: Lines; line: number; extra?: SourceFile[] } | undefined
type Mutation = { kind: string; severity: Severity; apply: (lines: Lines, file: string) => Edit }

export const MUTANTS_PER_KIND = 5

const find = (lines: Lines, re: RegExp, from = 0) => {
	for (let i = from; i < lines.length; i++) if (re.test(lines[i]!)) return i
	return -1
}
const findAll = (lines: Lines, re: RegExp) => lines.flatMap((l, i) => (re.test(l) ? [i] : []))
const replaced = (lines: Lines, i: number, line: string) => lines.map((l, j) => (j === i ? line : l))
const inserted = (lines: Lines, i: number, ...add: string[]) => [...lines.slice(0, i), ...add, ...lines.slice(i)]

// Nodes as line ranges: `  name:` at two spaces under `nodes:`.
function nodeBlocks(lines: Lines): Array<{ id: string; start: number; end: number }> {
	const nodesAt = find(lines, /^nodes:\s*$/)
	if (nodesAt < 0) return []
	const starts = findAll(lines, /^ {2}[a-z0-9-]+:/).filter((i) => i > nodesAt)
	return starts.map((start, k) => ({
		id: /^ {2}([a-z0-9-]+):/.exec(lines[start]!)![1]!,
		start,
		end: starts[k + 1] ?? lines.length,
	}))
}
const turnBlocks = (lines: Lines) =>
	nodeBlocks(lines).filter((b) => lines.slice(b.start, b.end).some((l) => /^ {4}type: turn\s*$/.test(l)))

const topValue = (lines: Lines, key: string) => {
	const i = find(lines, new RegExp(`^${key}:\\s*(.+)$`))
	return i < 0 ? undefined : /^[^:]+:\s*(.+)$/.exec(lines[i]!)![1]!.trim()
}
const pressureMeter = (lines: Lines) => /meter:\s*([a-z_]+)/.exec(topValue(lines, 'pressure') ?? '')?.[1]
const meterRange = (lines: Lines, meter: string) => {
	const l = lines.find((x) => new RegExp(`^ {2}${meter}:\\s*\\{`).test(x)) ?? ''
	const num = (k: string) => Number(new RegExp(`${k}:\\s*(-?\\d+)`).exec(l)?.[1])
	return { min: num('min'), max: num('max'), start: num('start') }
}

// A choice: from its `- id:` line to the next one (or the end of its turn).
function choicesOf(lines: Lines, block: { start: number; end: number }) {
	const ids = findAll(lines.slice(block.start, block.end), /^ {6}- id:/).map((i) => i + block.start)
	return ids.map((start, k) => ({ start, end: ids[k + 1] ?? block.end }))
}
const hasKey = (lines: Lines, c: { start: number; end: number }, key: string) =>
	lines.slice(c.start, c.end).some((l) => new RegExp(`^ {8}${key}:`).test(l) || l.startsWith(`      - ${key}:`))

const QUOTED = /^(\s+)(says|text|why): "([^"\\#]*)"\s*$/

const mutations: Mutation[] = [
	// ── Syntax errors: the exact line ──
	{
		kind: 'tab in the indentation',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {4}says:/)
			return i < 0 ? undefined : { lines: replaced(lines, i, lines[i]!.replace(/^ {4}/, '\t')), line: i + 1 }
		},
	},
	{
		kind: 'unquoted " #" cuts a text short',
		severity: 'error',
		apply: (lines) => {
			// A text that stays valid without its quotes: starts with a letter, no ": " inside.
			const i = lines.findIndex((l) => QUOTED.test(l) && /^[A-Za-z][^:]*$/.test(QUOTED.exec(l)![3]!))
			if (i < 0) return undefined
			const [, indent, key, text] = QUOTED.exec(lines[i]!)!
			const cut = text!.replace(/[.?!]$/, '')
			return { lines: replaced(lines, i, `${indent}${key}: ${cut}, reference #4471.`), line: i + 1 }
		},
	},
	{
		kind: 'unknown tag (!include)',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {4}says:/)
			return i < 0 ? undefined : { lines: replaced(lines, i, '    says: !include snippets/opening.txt'), line: i + 1 }
		},
	},
	{
		kind: 'key indented further than the one above',
		severity: 'error',
		apply: (lines) => {
			const i = lines.findIndex((l, j) => /^ {4}says:/.test(l) && /^ {4}type: turn/.test(lines[j - 1] ?? ''))
			return i < 0 ? undefined : { lines: replaced(lines, i, `  ${lines[i]}`), line: i + 1 }
		},
	},
	{
		kind: 'key indented less than its neighbours',
		severity: 'error',
		apply: (lines) => {
			const i = lines.findIndex((l, j) => /^ {4}says:/.test(l) && /^ {4}type: turn/.test(lines[j - 1] ?? ''))
			return i < 0 ? undefined : { lines: replaced(lines, i, lines[i]!.slice(1)), line: i + 1 }
		},
	},
	{
		kind: 'unclosed quote',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {4}says: ".*"\s*$/)
			return i < 0 ? undefined : { lines: replaced(lines, i, lines[i]!.replace(/"\s*$/, '')), line: i + 1 }
		},
	},
	{
		kind: 'the same field twice',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {8}to: /)
			return i < 0 ? undefined : { lines: inserted(lines, i + 1, lines[i]!), line: i + 2 }
		},
	},
	{
		kind: 'missing colon',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {4}type: turn\s*$/)
			return i < 0 ? undefined : { lines: replaced(lines, i, '    type turn'), line: i + 1 }
		},
	},
	// ── Semantic errors: the offending key's line ──
	{
		kind: 'unknown target',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {8}to: [a-z0-9-]+\s*$/)
			return i < 0 ? undefined : { lines: replaced(lines, i, `${lines[i]!.trimEnd()}-typo`), line: i + 1 }
		},
	},
	{
		kind: 'undeclared meter in effects',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {8}effects: \{ [a-z_]+:/)
			return i < 0
				? undefined
				: { lines: replaced(lines, i, lines[i]!.replace(/\{ ([a-z_]+):/, '{ $1x:')), line: i + 1 }
		},
	},
	{
		kind: 'undeclared flag in set',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {8}set: \{ [a-z_]+:/)
			return i < 0
				? undefined
				: { lines: replaced(lines, i, lines[i]!.replace(/\{ ([a-z_]+):/, '{ $1_typo:')), line: i + 1 }
		},
	},
	{
		kind: 'wrong kind of value',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^minutes: \d+/)
			return i < 0 ? undefined : { lines: replaced(lines, i, 'minutes: ten'), line: i + 1 }
		},
	},
	{
		kind: 'misspelt field name',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {8}why: /)
			return i < 0 ? undefined : { lines: replaced(lines, i, lines[i]!.replace('why:', 'wy:')), line: i + 1 }
		},
	},
	{
		kind: 'value outside a closed list',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {8}flex: fit/)
			return i < 0 ? undefined : { lines: replaced(lines, i, lines[i]!.replace('fit', 'good')), line: i + 1 }
		},
	},
	{
		kind: 'duplicate choice id',
		severity: 'error',
		apply: (lines) => {
			for (const t of turnBlocks(lines)) {
				const [a, b] = choicesOf(lines, t)
				if (!a || !b) continue
				return { lines: replaced(lines, b.start, lines[a.start]!), line: b.start + 1 }
			}
			return undefined
		},
	},
	{
		kind: 'text over its limit',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^ {8}why: "/)
			if (i < 0) return undefined
			return {
				lines: replaced(lines, i, lines[i]!.replace(/"\s*$/, ` ${'and then some more words '.repeat(12)}"`)),
				line: i + 1,
			}
		},
	},
	{
		kind: 'id does not match the file name',
		severity: 'error',
		apply: (lines) => {
			const i = find(lines, /^id: /)
			return i < 0 ? undefined : { lines: replaced(lines, i, `${lines[i]}-copy`), line: i + 1 }
		},
	},
	{
		kind: 'turn with no choices',
		severity: 'error',
		apply: (lines) => {
			const t = turnBlocks(lines).find((b) => nodeBlocks(lines)[0]?.id !== b.id)
			if (!t) return undefined
			const at = find(lines, /^ {4}choices:\s*$/, t.start)
			if (at < 0 || at >= t.end) return undefined
			const next = [...lines.slice(0, at), '    choices: []', '', ...lines.slice(t.end)]
			return { lines: next, line: at + 1 }
		},
	},
	{
		kind: 'every reply loops back (graph dead end)',
		severity: 'error',
		apply: (lines) => {
			const t = turnBlocks(lines)[1]
			if (!t) return undefined
			const next = lines.map((l, j) => (j > t.start && j < t.end && /^ {8}to: /.test(l) ? `        to: ${t.id}` : l))
			return { lines: next, line: t.start + 1 }
		},
	},
	{
		kind: 'stuck turn: no condition holds',
		severity: 'error',
		apply: (lines) => {
			const m = pressureMeter(lines)
			const t = turnBlocks(lines)[0]
			if (!m || !t) return undefined
			const cs = choicesOf(lines, t)
			if (cs.some((c) => hasKey(lines, c, 'when'))) return undefined
			let next = lines
			for (const c of [...cs].reverse()) {
				next = inserted(next, c.start + 1, `        when: { ${m}: { gt: ${meterRange(lines, m).max} } }`)
			}
			return { lines: next, line: find(lines, /^ {4}choices:/, t.start) + 1 }
		},
	},
	{
		kind: 'looping reply traps the learner (conditions)',
		severity: 'error',
		apply: (lines) => {
			const m = pressureMeter(lines)
			const t = turnBlocks(lines).find((b) => b.id === topValue(lines, 'start'))
			if (!m || !t) return undefined
			const { min } = meterRange(lines, m)
			const choices = choicesOf(lines, t)
			if (choices.length === 0 || choices.length > 3 || choices.some((c) => hasKey(lines, c, 'when'))) return undefined
			// Every other reply now needs the meter above its minimum; the new one loops back and empties it.
			let next = lines
			for (const c of [...choices].reverse())
				next = inserted(next, c.start + 1, `        when: { ${m}: { gt: ${min} } }`)
			const at = choices[0]!.start
			next = inserted(
				next,
				at,
				'      - id: ask-again',
				'        text: "Sorry, could you go over all of that again from the start?"',
				`        to: ${t.id}`,
				`        effects: { ${m}: -100 }`,
				'        flex: miss',
				'        why: "Asking her to repeat everything wears her down."',
			)
			return { lines: next, line: at + 1 }
		},
	},
	{
		kind: 'x.yaml and x.yml with one id',
		severity: 'error',
		apply: (lines, file) => {
			const i = find(lines, /^id: /)
			if (i < 0) return undefined
			return { lines, line: i + 1, extra: [{ file: file.replace(/\.yaml$/i, '.yml'), source: lines.join('\n') }] }
		},
	},
	// ── Warnings ──
	{
		kind: 'TODO left in a text',
		severity: 'warning',
		apply: (lines) => {
			const i = find(lines, /^ {4}says: ".*"\s*$/)
			return i < 0
				? undefined
				: { lines: replaced(lines, i, lines[i]!.replace(/"\s*$/, ' TODO check the figure"')), line: i + 1 }
		},
	},
	{
		kind: 'two replies with the same text',
		severity: 'warning',
		apply: (lines) => {
			for (const t of turnBlocks(lines)) {
				const [a, b] = choicesOf(lines, t)
				if (!a || !b) continue
				const ta = find(lines, /^ {8}text: /, a.start)
				const tb = find(lines, /^ {8}text: /, b.start)
				if (ta < 0 || ta >= a.end || tb < 0 || tb >= b.end) continue
				return { lines: replaced(lines, tb, lines[ta]!), line: tb + 1 }
			}
			return undefined
		},
	},
	{
		kind: 'flag set but never read',
		severity: 'warning',
		apply: (lines) => {
			const f = find(lines, /^flags: \[.*\]\s*$/)
			const t = turnBlocks(lines)[0]
			const c = t && choicesOf(lines, t).find((x) => !hasKey(lines, x, 'set'))
			if (f < 0 || !c) return undefined
			const next = inserted(
				replaced(lines, f, lines[f]!.replace(/\]\s*$/, ', spare_note]')),
				c.start + 1,
				'        set: { spare_note: true }',
			)
			return { lines: next, line: f + 1 }
		},
	},
	{
		kind: 'meter range that explodes the combinations',
		severity: 'warning',
		apply: (lines) => {
			const m = pressureMeter(lines)
			const i = m ? find(lines, new RegExp(`^ {2}${m}:\\s*\\{.*max: \\d+`)) : -1
			return i < 0
				? undefined
				: { lines: replaced(lines, i, lines[i]!.replace(/max: \d+/, 'max: 1000000')), line: i + 1 }
		},
	},
]

export const MUTANT_KINDS = mutations.map((m) => m.kind)

// Up to MUTANTS_PER_KIND mutants of each kind, spread over the library's files.
export function generateMutants(library: readonly SourceFile[], perKind = MUTANTS_PER_KIND): Mutant[] {
	const out: Mutant[] = []
	mutations.forEach((mutation, k) => {
		let made = 0
		for (let n = 0; n < library.length && made < perKind; n++) {
			const original = library[(k + n) % library.length]!
			const edit = mutation.apply(original.source.split('\n'), original.file)
			if (!edit) continue
			const source = edit.lines.join('\n')
			if (source === original.source && !edit.extra) continue
			out.push({
				kind: mutation.kind,
				file: original.file,
				files: [{ file: original.file, source }, ...(edit.extra ?? [])],
				line: edit.line,
				severity: mutation.severity,
			})
			made++
		}
	})
	return out
}
