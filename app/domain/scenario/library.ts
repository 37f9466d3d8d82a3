import { idFromFileName, parseScenarioSource, type ParseOptions } from '#app/domain/scenario/parse.ts'
import type { Problem } from '#app/domain/scenario/problems.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'

// Checks a whole library at once: each file alone, then the rules across files. Pure: the
// caller reads the files (the CLI, publishing and start-up all use this one function).

// `.yaml`, `.yml`, in any case: the CLI and the server must see the same files.
export const isScenarioFileName = (name: string) => /\.ya?ml$/i.test(name)

export type SourceFile = { file: string; source: string }
export type CheckedFile = { file: string; source: string; scenario?: Scenario; problems: Problem[] }

// The best-fit length warning fires on much of today's content while it is being rewritten
// (issue 11 and the content issue); callers may hide it and print only its count.
export const isLengthGiveaway = (p: Pick<Problem, 'message'>) => p.message.endsWith('length gives the answer away')

const idLine = (source: string) => {
	const index = source.split(/\r?\n/).findIndex((l) => /^id\s*:/.test(l))
	return index === -1 ? 1 : index + 1
}

export function checkLibrary(files: readonly SourceFile[], options: ParseOptions = {}): CheckedFile[] {
	const checked: CheckedFile[] = files.map((f) => ({
		file: f.file,
		source: f.source,
		...parseScenarioSource(f.source, f.file, options),
	}))
	// x.yaml and x.yml (or X.YAML) would be two catalogue cards for one id, one never playable.
	const byId = new Map<string, CheckedFile[]>()
	for (const c of checked) {
		const id = idFromFileName(c.file).toLowerCase()
		byId.set(id, [...(byId.get(id) ?? []), c])
	}
	for (const group of byId.values()) {
		if (group.length < 2) continue
		for (const c of group) {
			const others = group.filter((o) => o !== c).map((o) => o.file)
			c.problems.push({
				file: c.file,
				line: idLine(c.source),
				col: 1,
				path: 'id',
				message: `another file has the same id (${others.join(', ')}): keep one of them and remove or rename the other`,
				severity: 'error',
			})
			c.problems.sort((a, b) => a.line - b.line || a.col - b.col)
			delete c.scenario
		}
	}
	return checked
}
