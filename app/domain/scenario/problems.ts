export type PathSegment = string | number
export type Severity = 'error' | 'warning'

// A problem found before positions are known (the checker works on data, not on YAML text).
export type Issue = { path: PathSegment[]; message: string; severity: Severity }

export type Problem = {
	file: string
	line: number
	col: number
	// Dotted field path, e.g. `nodes.opening.choices[1].to`; empty for the file as a whole.
	path: string
	message: string
	severity: Severity
}

export function formatPath(path: readonly PathSegment[]): string {
	return path.reduce<string>(
		(out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg),
		'',
	)
}

// `file:line:col path: message`, the form editors and CI logs turn into links.
export function formatProblem(p: Problem): string {
	const tag = p.severity === 'warning' ? 'warning: ' : ''
	return `${p.file}:${p.line}:${p.col} ${p.path ? `${p.path}: ` : ''}${tag}${p.message}`
}

export const hasErrors = (problems: readonly Pick<Problem, 'severity'>[]) =>
	problems.some((p) => p.severity === 'error')

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function summarizeProblems(fileCount: number, problems: readonly Problem[]): string {
	const errors = problems.filter((p) => p.severity === 'error')
	const warnings = problems.length - errors.length
	const broken = new Set(errors.map((p) => p.file)).size
	const warned = warnings ? `, ${plural(warnings, 'warning')}` : ''
	if (fileCount === 0) return 'scenarios:check: no scenario files found'
	if (problems.length === 0) return `scenarios:check: ${plural(fileCount, 'file')}, no problems`
	if (errors.length === 0) return `scenarios:check: ${plural(fileCount, 'file')}, no errors${warned}`
	return `scenarios:check: ${plural(errors.length, 'error')} in ${broken} of ${plural(fileCount, 'file')}${warned}`
}

// Small edit distance, for "did you mean" hints on misspelt names.
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
	let best: { name: string; distance: number } | undefined
	for (const c of candidates) {
		const d = editDistance(word, c)
		if (d > 0 && (best === undefined || d < best.distance)) best = { name: c, distance: d }
	}
	return best && best.distance <= Math.max(1, Math.floor(word.length / 3)) ? best.name : undefined
}

// Optimal string alignment distance: a swap of two neighbouring letters counts as one edit,
// the most common typo in hand-written names ("trsut").
function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
	)
	const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1
			let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1)
			d[i]![j] = best
		}
	}
	return at(a.length, b.length)
}

export const didYouMean = (word: string, candidates: Iterable<string>) => {
	const c = closestName(word, candidates)
	return c ? ` (did you mean "${c}"?)` : ''
}
