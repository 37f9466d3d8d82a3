import fs from 'node:fs'
import path from 'node:path'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { reuseStatementPlans } from '#db/pglite-statements.ts'
import * as schema from '#db/schema.ts'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
export type DatabaseKind = 'pglite' | 'postgres'

export type DatabaseHandle = {
	db: Database
	kind: DatabaseKind
	close: () => Promise<void>
	migrate: (migrationsFolder: string) => Promise<void>
	// PostgreSQL LISTEN on its own connection (re-established after a drop; onListen runs after
	// each (re)connection, since notifications sent meanwhile are lost). PGlite has one process: none.
	// PGlite only: its data folder as a gzipped tarball (`npm run db:backup`).
	dumpDataDir?: () => Promise<Blob>
	listen?: (channel: string, onNotify: () => void, onListen?: () => void) => Promise<{ unlisten: () => Promise<void> }>
}

// logQuery: every statement with its parameters (the coach dashboard benchmark explains the heavy ones).
export type OpenOptions = (
	| { kind: 'postgres'; url: string; max?: number }
	// dataDir "memory://" keeps everything in memory (tests). A new folder starts from `template`
	// (a gzipped PGlite dump, db/pglite-template.ts) when there is one; false means never.
	// loadDataDir: a tarball from dumpDataDir to create the folder from (`npm run db:restore`).
	| { kind: 'pglite'; dataDir: string; template?: string | false; loadDataDir?: Blob }
) & { logQuery?: (query: string, params: unknown[]) => void }

export class DatabaseLockedError extends Error {}

const LOCK_FILE = 'attune.lock'

function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0)
		return true
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}

// A process's start time (clock ticks since boot, /proc/<pid>/stat field 22) tells it apart
// from a later process that was given the same pid. Undefined where /proc does not exist.
function processStart(pid: number): string | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
		// The command name (field 2) may contain spaces; the fields after its ')' do not.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
	} catch {
		return undefined
	}
}

function looksLikeNode(pid: number): boolean {
	try {
		return /node|tsx/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
	} catch {
		return true // no /proc: cannot tell, so be careful and treat it as ours
	}
}

type LockOwner = { pid: number; start?: string }

function readLockOwner(lockPath: string): LockOwner | undefined {
	const text = fs.readFileSync(lockPath, 'utf8').trim()
	try {
		const parsed = JSON.parse(text) as Partial<LockOwner>
		if (typeof parsed === 'number') return { pid: parsed }
		if (Number.isInteger(parsed.pid)) return { pid: parsed.pid!, start: parsed.start }
	} catch {
		// Not JSON: fall through.
	}
	return undefined
}

// Is the lock's owner still the Attune process that wrote it, and not some unrelated
// process that has since been given the same pid?
function ownerIsRunning(owner: LockOwner): boolean {
	if (owner.pid <= 0 || owner.pid === process.pid || !isProcessAlive(owner.pid)) return false
	const start = processStart(owner.pid)
	if (owner.start !== undefined && start !== undefined) return owner.start === start
	return looksLikeNode(owner.pid)
}

// PGlite does not lock its folder; two processes on one folder corrupt it.
function acquireLock(dataDir: string): () => void {
	const lockPath = path.join(dataDir, LOCK_FILE)
	const content = JSON.stringify({ pid: process.pid, start: processStart(process.pid) } satisfies LockOwner)
	const write = () => fs.writeFileSync(lockPath, content, { flag: 'wx' })
	try {
		write()
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
		const owner = readLockOwner(lockPath)
		if (owner && ownerIsRunning(owner)) {
			throw new DatabaseLockedError(
				`The data folder ${path.resolve(dataDir)} is in use by another Attune process (pid ${owner.pid}). ` +
					`Stop that process, or set DATA_DIR to a different folder.`,
			)
		}
		// The owner is gone (crash, kill -9), or its pid now belongs to another program: stale.
		fs.rmSync(lockPath, { force: true })
		write()
	}
	return () => {
		try {
			if (readLockOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath)
		} catch {
			// Already gone; nothing to release.
		}
	}
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
	if (options.kind === 'postgres') {
		const { default: postgres } = await import('postgres')
		const { drizzle } = await import('drizzle-orm/postgres-js')
		const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} })
		const db = drizzle({ client, schema, logger: options.logQuery ? { logQuery: options.logQuery } : undefined })
		return {
			db,
			kind: 'postgres',
			close: () => client.end({ timeout: 5 }),
			listen: (channel, onNotify, onListen) => client.listen(channel, () => onNotify(), onListen),
			migrate: async (migrationsFolder) => {
				const { migrate } = await import('drizzle-orm/postgres-js/migrator')
				await migrate(db, { migrationsFolder })
			},
		}
	}

	const { PGlite } = await import('@electric-sql/pglite')
	const { drizzle } = await import('drizzle-orm/pglite')
	const inMemory = options.dataDir.startsWith('memory://')
	let release = () => {}
	if (!inMemory) {
		fs.mkdirSync(options.dataDir, { recursive: true })
		release = acquireLock(options.dataDir)
	}
	try {
		const client = options.loadDataDir
			? await PGlite.create(inMemory ? options.dataDir : path.join(options.dataDir, 'pg'), {
					loadDataDir: options.loadDataDir,
				})
			: inMemory
				? await PGlite.create(options.dataDir)
				: await createOrOpenFolder(path.join(options.dataDir, 'pg'), options.template)
		reuseStatementPlans(client)
		const db = drizzle({ client, schema, logger: options.logQuery ? { logQuery: options.logQuery } : undefined })
		return {
			db,
			kind: 'pglite',
			dumpDataDir: () => client.dumpDataDir('gzip'),
			migrate: async (migrationsFolder) => {
				const { migrate } = await import('drizzle-orm/pglite/migrator')
				await migrate(db, { migrationsFolder })
			},
			close: async () => {
				await client.close()
				release()
			},
		}
	} catch (error) {
		release()
		throw error
	}
}

async function createOrOpenFolder(folder: string, template: string | false | undefined) {
	const { PGlite } = await import('@electric-sql/pglite')
	const isNew = !fs.existsSync(path.join(folder, 'PG_VERSION'))
	const templateFile =
		template === false ? undefined : (template ?? (await import('#db/pglite-template.ts')).pgliteTemplatePath())
	if (!isNew || !templateFile || !fs.existsSync(templateFile)) return PGlite.create(folder)
	try {
		return await PGlite.create(folder, { loadDataDir: new Blob([fs.readFileSync(templateFile)]) })
	} catch (error) {
		// A damaged template must not stop a first start: make the folder the slow way instead.
		console.warn(
			`The PGlite template ${templateFile} could not be used (${String(error)}); creating the database from scratch.`,
		)
		fs.rmSync(folder, { recursive: true, force: true })
		return PGlite.create(folder)
	}
}

// The custom server opens the database before it loads the Remix build, which
// bundles its own copy of this module; globalThis lets both copies share one handle.
declare global {
	var __attuneDatabase: DatabaseHandle | undefined
}

export function setDatabase(handle: DatabaseHandle | undefined): void {
	globalThis.__attuneDatabase = handle
}

export function getDatabaseHandle(): DatabaseHandle {
	const handle = globalThis.__attuneDatabase
	if (!handle) throw new Error('The database has not been opened (call openDatabase + setDatabase first).')
	return handle
}

// db.execute() answers { rows } on PGlite and a row array on postgres.js.
export function rowsOf<T>(result: unknown): T[] {
	if (Array.isArray(result)) return result as T[]
	if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows as T[]
	return []
}

const preparedCache = new WeakMap<Database, Map<string, unknown>>()

// Hot-path queries are built once per database handle: drizzle's query building
// costs more than the query itself on PGlite (measured ~1.7 ms → ~1.0 ms).
export function prepared<T>(name: string, build: (db: Database) => T): T {
	const db = getDb()
	let cache = preparedCache.get(db)
	if (!cache) {
		cache = new Map()
		preparedCache.set(db, cache)
	}
	let query = cache.get(name) as T | undefined
	if (!query) {
		query = build(db)
		cache.set(name, query)
	}
	return query
}

export function getDb(): Database {
	return getDatabaseHandle().db
}
