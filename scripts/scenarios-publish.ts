// `npm run scenarios:publish`: checks the files in SCENARIOS_DIR in strict mode and stores each
// new valid version in the database (DESIGN §7), broken files with their problems. Running app
// instances reload the catalogue when the publish commits (PostgreSQL NOTIFY). Exits 1 if any file has errors (the
// valid ones are published all the same).
import { formatProblem, hasErrors } from '#app/domain/scenario/problems.ts'
import { publishScenarioLibrary } from '#app/services/scenario-library.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { openDatabase, setDatabase } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'

const env = getEnv()
const database = await openDatabase(
	env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: env.DATA_DIR },
)
setDatabase(database)
await migrateDatabase(database)
const result = await publishScenarioLibrary(env.SCENARIOS_DIR)
await database.close()
if (!result.ok) {
	console.error(result.message)
	process.exit(1)
}
const s = result.value
for (const p of s.problems) console.log(formatProblem(p))
console.log(
	`scenarios:publish: ${s.files} files, ${s.valid} valid (${s.newVersions} new versions), ${s.broken} with errors`,
)
process.exit(hasErrors(s.problems) ? 1 : 0)
