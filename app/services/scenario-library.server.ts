import fs from 'node:fs'
import path from 'node:path'
import { recordAudit } from '#app/data/audit.server.ts'
import {
	findVersionIdByHash,
	insertVersion,
	latestVersionIdForSlug,
	listLibraryFiles,
	lockLibraryForPublishing,
	notifyLibraryChanged,
	replaceLibraryFiles,
	setScenarioLibrary,
	type BrokenScenarioFile,
	type LibraryFileRow,
	type LibraryScenario,
	type ScenarioLibrary,
} from '#app/data/scenario-library.server.ts'
import { checkLibrary, isScenarioFileName, type SourceFile } from '#app/domain/scenario/library.ts'
import { idFromFileName } from '#app/domain/scenario/parse.ts'
import { hasErrors, type Problem } from '#app/domain/scenario/problems.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { contentHash, readStoredVersion } from '#app/domain/scenario/stored-version.ts'
import { ok, type ServiceResult } from '#app/services/result.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.server.ts'

// The scenario library's life cycle (DESIGN §7). `npm run scenarios:publish` and start-up
// check the files in SCENARIOS_DIR in strict mode and store each new valid content version as
// an immutable row; broken files are stored with their problems. The catalogue is then read
// from the database, so every app instance agrees, and nothing is checked or compiled on a
// request's path beyond the shape check of a stored version.

export type PublishSummary = { files: number; valid: number; broken: number; newVersions: number; problems: Problem[] }

// Reads every .yaml/.yml file (any case) in `dir`; an unreadable file becomes a problem.
export function readScenarioFiles(dir: string): { sources: SourceFile[]; unreadable: BrokenScenarioFile[] } {
	const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter(isScenarioFileName).sort() : []
	const sources: SourceFile[] = []
	const unreadable: BrokenScenarioFile[] = []
	for (const name of names) {
		const file = path.join(path.basename(path.resolve(dir)), name)
		try {
			sources.push({ file, source: fs.readFileSync(path.join(dir, name), 'utf8') })
		} catch (error) {
			const message = `cannot be read: ${(error as Error).message}`
			unreadable.push({ file, problems: [{ file, line: 1, col: 1, path: '', message, severity: 'error' }] })
		}
	}
	return { sources, unreadable }
}

export async function publishScenarioLibrary(
	dir: string = getEnv().SCENARIOS_DIR,
): Promise<ServiceResult<PublishSummary>> {
	const { sources, unreadable } = readScenarioFiles(dir)
	const checked = checkLibrary(sources, { strict: true })
	const summary = await getDb().transaction(async (tx) => {
		await lockLibraryForPublishing(tx)
		const rows: LibraryFileRow[] = []
		let newVersions = 0
		for (const c of checked) {
			if (c.scenario && !hasErrors(c.problems)) {
				const hash = contentHash(c.scenario)
				let versionId = await findVersionIdByHash(tx, hash)
				if (!versionId) {
					versionId = await insertVersion(tx, {
						slug: c.scenario.id,
						contentHash: hash,
						title: c.scenario.title,
						definition: JSON.parse(JSON.stringify(c.scenario)) as Record<string, unknown>,
					})
					newVersions++
				}
				rows.push({
					file: c.file,
					slug: c.scenario.id,
					scenarioVersionId: versionId,
					valid: true,
					problems: c.problems,
				})
			} else {
				// A file that breaks keeps its last good version playable until it is fixed.
				const slug = idFromFileName(c.file)
				const duplicate = c.problems.some((p) => p.path === 'id' && p.message.startsWith('another file'))
				rows.push({
					file: c.file,
					slug,
					scenarioVersionId: duplicate ? null : ((await latestVersionIdForSlug(tx, slug)) ?? null),
					valid: false,
					problems: c.problems,
				})
			}
		}
		for (const u of unreadable) {
			rows.push({
				file: u.file,
				slug: idFromFileName(u.file),
				scenarioVersionId: null,
				valid: false,
				problems: u.problems,
			})
		}
		await replaceLibraryFiles(tx, rows)
		await notifyLibraryChanged(tx)
		const broken = rows.filter((r) => !r.valid).length
		await recordAudit(
			{
				type: 'scenario_library_published',
				detail: { files: rows.length, valid: rows.length - broken, broken, newVersions },
			},
			tx,
		)
		return {
			files: rows.length,
			valid: rows.length - broken,
			broken,
			newVersions,
			problems: [...checked.flatMap((c) => c.problems), ...unreadable.flatMap((u) => u.problems)],
		}
	})
	return ok(summary)
}

// Versions are immutable, so a shape-checked definition can be kept for the process's life.
const versions = new Map<string, Scenario>()

function storedScenario(versionId: string, definition: unknown, hash: string): Scenario | string {
	const hit = versions.get(versionId)
	if (hit) return hit
	const read = readStoredVersion(definition, hash)
	if (!read.ok) return read.message
	versions.set(versionId, read.scenario)
	return read.scenario
}

// Reads the published catalogue from the database into this process.
export async function refreshScenarioLibrary(): Promise<ScenarioLibrary> {
	const rows = await listLibraryFiles()
	const scenarios: LibraryScenario[] = []
	const broken: BrokenScenarioFile[] = []
	for (const row of rows) {
		const problems = row.problems as unknown as Problem[]
		if (!row.valid) broken.push({ file: row.file, problems })
		if (!row.versionId || !row.contentHash) continue
		const scenario = storedScenario(row.versionId, row.definition, row.contentHash)
		if (typeof scenario === 'string') {
			if (row.valid) {
				broken.push({
					file: row.file,
					problems: [{ file: row.file, line: 1, col: 1, path: '', message: scenario, severity: 'error' }],
				})
			}
			continue
		}
		scenarios.push({
			...scenario,
			contentHash: row.contentHash,
			file: row.file,
			versionId: row.versionId,
			warnings: row.valid ? problems : [],
		})
	}
	const library = { scenarios, broken, loadedAt: new Date() }
	setScenarioLibrary(library)
	return library
}
