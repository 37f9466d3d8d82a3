import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { checkLibrary, isScenarioFileName, type SourceFile } from '#app/domain/scenario/library.ts'
import { hasErrors, type Problem } from '#app/domain/scenario/problems.ts'
import { canonicalScenarioJson, type Scenario } from '#app/domain/scenario/schema.ts'
import { getEnv } from '#app/utils/env.server.ts'

export type LibraryScenario = Scenario & { contentHash: string; file: string; warnings: Problem[] }
export type BrokenScenarioFile = { file: string; problems: Problem[] }
export type ScenarioLibrary = { scenarios: LibraryScenario[]; broken: BrokenScenarioFile[]; loadedAt: Date }

export function contentHash(scenario: Scenario): string {
	return createHash('sha256').update(canonicalScenarioJson(scenario)).digest('hex')
}

// A broken file is reported and skipped; it never takes the other scenarios down.
export function loadScenarioLibrary(dir: string): ScenarioLibrary {
	const scenarios: LibraryScenario[] = []
	const broken: BrokenScenarioFile[] = []
	const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter(isScenarioFileName).sort() : []
	const sources: SourceFile[] = []
	for (const name of names) {
		const file = path.join(path.basename(path.resolve(dir)), name)
		try {
			sources.push({ file, source: fs.readFileSync(path.join(dir, name), 'utf8') })
		} catch (error) {
			broken.push({
				file,
				problems: [{ file, line: 1, col: 1, path: '', message: `cannot be read: ${String(error)}`, severity: 'error' }],
			})
		}
	}
	for (const { file, scenario, problems } of checkLibrary(sources, { strict: true })) {
		if (scenario && !hasErrors(problems))
			scenarios.push({ ...scenario, contentHash: contentHash(scenario), file, warnings: problems })
		else broken.push({ file, problems })
	}
	return { scenarios, broken, loadedAt: new Date() }
}

declare global {
	var __attuneScenarioLibrary: ScenarioLibrary | undefined
}

// Read once per process (the server loads it at start-up and reports broken files).
export function getScenarioLibrary(): ScenarioLibrary {
	globalThis.__attuneScenarioLibrary ??= loadScenarioLibrary(getEnv().SCENARIOS_DIR)
	return globalThis.__attuneScenarioLibrary
}

export function reloadScenarioLibrary(): ScenarioLibrary {
	globalThis.__attuneScenarioLibrary = loadScenarioLibrary(getEnv().SCENARIOS_DIR)
	return globalThis.__attuneScenarioLibrary
}
