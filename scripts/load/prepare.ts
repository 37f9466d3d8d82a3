// Opens the database a load run targets (a PGlite folder, which only one process may hold at
// a time, or a PostgreSQL URL) for seeding before the server starts and checking after it stops.
import { getDatabaseHandle, openDatabase, setDatabase, type DatabaseHandle } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { checkConsistency, type AcknowledgedDecision, type ConsistencyReport } from './consistency.ts'
import { seedLoadLearners, type SeededLoad } from './seed.ts'

export type LoadTarget = { dataDir: string } | { databaseUrl: string }

async function withDatabase<T>(target: LoadTarget, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
	const handle = await openDatabase(
		'dataDir' in target
			? { kind: 'pglite', dataDir: target.dataDir }
			: { kind: 'postgres', url: target.databaseUrl, max: 4 },
	)
	const previous = globalThis.__attuneDatabase
	try {
		await migrateDatabase(handle)
		setDatabase(handle)
		return await work(handle)
	} finally {
		setDatabase(previous)
		await handle.close()
	}
}

export function seedTarget(target: LoadTarget, learners: number): Promise<SeededLoad> {
	return withDatabase(target, () => seedLoadLearners(learners))
}

export function checkTarget(
	target: LoadTarget,
	options: { organisationIds: string[]; acknowledged: AcknowledgedDecision[] },
): Promise<ConsistencyReport> {
	return withDatabase(target, () => checkConsistency(getDatabaseHandle().db, options))
}
