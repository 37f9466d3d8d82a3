import { desc, eq, sql } from 'drizzle-orm'
import type { Problem } from '#app/domain/scenario/problems.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'
import { scenarioLibraryFiles, scenarioVersions } from '#db/schema.ts'

// Queries for the published scenario library (DESIGN §7). Checking and publishing live in
// app/services/scenario-library.server.ts; versions are inserted once and never updated.

type Db = Database | Transaction

export async function findVersionIdByHash(db: Db, contentHash: string): Promise<string | undefined> {
	const [row] = await db
		.select({ id: scenarioVersions.id })
		.from(scenarioVersions)
		.where(eq(scenarioVersions.contentHash, contentHash))
	return row?.id
}

export async function insertVersion(
	db: Db,
	input: { slug: string; contentHash: string; title: string; definition: Record<string, unknown> },
): Promise<string> {
	// Two instances publishing at once: the unique hash makes the second insert a no-op.
	await db.insert(scenarioVersions).values(input).onConflictDoNothing({ target: scenarioVersions.contentHash })
	const id = await findVersionIdByHash(db, input.contentHash)
	if (!id) throw new Error('scenario version vanished after insert')
	return id
}

export async function latestVersionIdForSlug(db: Db, slug: string): Promise<string | undefined> {
	const [row] = await db
		.select({ id: scenarioVersions.id })
		.from(scenarioVersions)
		.where(eq(scenarioVersions.slug, slug))
		.orderBy(desc(scenarioVersions.createdAt))
		.limit(1)
	return row?.id
}

export type LibraryFileRow = typeof scenarioLibraryFiles.$inferInsert

// Two instances starting at once both publish: the second waits for the first's transaction
// instead of colliding on the file rows (the lock ends with the transaction).
export async function lockLibraryForPublishing(tx: Transaction): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(4242011)`)
}

// Every app instance LISTENs on this channel and reloads the catalogue when a publish commits
// (PostgreSQL delivers a NOTIFY at commit, and never for a rolled-back transaction).
export const LIBRARY_CHANNEL = 'attune_scenario_library'

export async function notifyLibraryChanged(tx: Transaction): Promise<void> {
	await tx.execute(sql`select pg_notify(${LIBRARY_CHANNEL}, '')`)
}

export async function replaceLibraryFiles(db: Db, rows: LibraryFileRow[]): Promise<void> {
	await db.delete(scenarioLibraryFiles)
	if (rows.length > 0) await db.insert(scenarioLibraryFiles).values(rows)
}

// The library as published, each file with its version's stored definition (if any).
export async function listLibraryFiles(db: Db = getDb()) {
	return db
		.select({
			file: scenarioLibraryFiles.file,
			slug: scenarioLibraryFiles.slug,
			valid: scenarioLibraryFiles.valid,
			problems: scenarioLibraryFiles.problems,
			publishedAt: scenarioLibraryFiles.publishedAt,
			versionId: scenarioVersions.id,
			contentHash: scenarioVersions.contentHash,
			definition: scenarioVersions.definition,
		})
		.from(scenarioLibraryFiles)
		.leftJoin(scenarioVersions, eq(scenarioVersions.id, scenarioLibraryFiles.scenarioVersionId))
		.orderBy(scenarioLibraryFiles.file)
}

export type LibraryScenario = Scenario & { contentHash: string; file: string; versionId: string; warnings: Problem[] }
export type BrokenScenarioFile = { file: string; problems: Problem[] }
export type ScenarioLibrary = { scenarios: LibraryScenario[]; broken: BrokenScenarioFile[]; loadedAt: Date }

declare global {
	var __attuneScenarioLibrary: ScenarioLibrary | undefined
}

// This process's copy of the published catalogue, read from the database at start-up and
// refreshed by app/services/scenario-library.server.ts; a request only reads it.
export function getScenarioLibrary(): ScenarioLibrary {
	return globalThis.__attuneScenarioLibrary ?? { scenarios: [], broken: [], loadedAt: new Date(0) }
}

export function setScenarioLibrary(library: ScenarioLibrary): void {
	globalThis.__attuneScenarioLibrary = library
}
