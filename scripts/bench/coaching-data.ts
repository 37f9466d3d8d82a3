// The coaching data generator (issue 13, Performance): one organisation with many learners,
// teams and decisions, on whichever database is open. Bulk inserts, but every attempt is a real
// walk through a published scenario's machine, every debrief is built by the domain's
// buildDebrief, and every rollup (own and coach-visible) is folded by the domain's nextLevel.
//   npx tsx scripts/bench/coaching-data.ts [--learners 5000] [--teams 200] [--decisions 500000]
// With DATABASE_URL it fills that PostgreSQL database; otherwise an embedded one in DATA_DIR.
import { randomUUID } from 'node:crypto'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '#db/client.server.ts'
import {
	assignments,
	attemptSkillScores,
	attemptStressCounts,
	attempts,
	debriefs,
	decisions,
	memberships,
	organisations,
	skillLevels,
	teamCoaches,
	teamMembers,
	teams,
	users,
} from '#db/schema.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import type { LibraryScenario } from '#app/data/scenario-library.server.ts'
import { buildDebrief, type DebriefContent } from '#app/domain/feedback/debrief.ts'
import { nextLevel, type SkillLevel } from '#app/domain/feedback/skill-levels.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import {
	applyChoice,
	availableChoices,
	currentNodeId,
	initialSnapshot,
	persistSnapshot,
} from '#app/domain/scenario/play.ts'
import type { PathStep } from '#app/domain/scenario/play-context.ts'

export type GeneratorOptions = { learners: number; teams: number; decisions: number; seed?: number }
export type GeneratedOrganisation = {
	organisationId: string
	coachIds: string[]
	teamIds: string[]
	learnerIds: string[]
	counts: Record<string, number>
}

// A small seeded generator: the same options give the same shape of data.
function random(seed: number) {
	let s = seed >>> 0
	return () => {
		s = (s + 0x6d2b79f5) >>> 0
		let t = s
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

type Play = {
	scenario: LibraryScenario
	steps: Array<PathStep & { metersAfter: Record<string, number> }>
	snapshot: Record<string, unknown>
	content: DebriefContent
}

// A pool of finished conversations: random walks through each scenario, replayed by the engine.
function playPool(library: readonly LibraryScenario[], perScenario: number, rnd: () => number): Play[] {
	const pool: Play[] = []
	for (const scenario of library) {
		const machine = compileScenario(scenario)
		for (let n = 0; n < perScenario; n++) {
			let snapshot = initialSnapshot(machine)
			const steps: Play['steps'] = []
			while (snapshot.status !== 'done' && steps.length < 200) {
				const offered = availableChoices(scenario, snapshot)
				const choice = offered[Math.floor(rnd() * offered.length)]
				if (!choice) break
				const node = currentNodeId(snapshot)
				const next = applyChoice(machine, snapshot, choice.id)
				if (!next.ok) break
				snapshot = next.snapshot
				steps.push({ node, choice: choice.id, metersAfter: { ...snapshot.context.meters } })
			}
			if (snapshot.status !== 'done') continue
			const content = buildDebrief({ scenario, machine, path: steps, profile: null })
			pool.push({ scenario, steps, snapshot: persistSnapshot(machine, snapshot), content })
		}
	}
	return pool
}

async function insertAll(db: Database, table: PgTable, rows: Record<string, unknown>[], columns: number) {
	// PostgreSQL takes at most 65,535 parameters per statement.
	const batch = Math.max(1, Math.floor(60_000 / columns))
	for (let i = 0; i < rows.length; i += batch) await db.insert(table).values(rows.slice(i, i + batch) as never)
}

export async function generateCoachingData(
	db: Database,
	library: readonly LibraryScenario[],
	options: GeneratorOptions,
	log: (line: string) => void = () => {},
): Promise<GeneratedOrganisation> {
	if (library.length === 0) throw new Error('The scenario library is empty: publish it first.')
	const rnd = random(options.seed ?? 1)
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
	const pool = playPool(library, 24, rnd)
	const meanSteps = pool.reduce((n, p) => n + p.steps.length, 0) / pool.length
	const attemptsPerLearner = Math.max(1, Math.round(options.decisions / options.learners / meanSteps))
	log(`pool of ${pool.length} finished conversations, ${meanSteps.toFixed(1)} replies each on average`)

	const [org] = await db
		.insert(organisations)
		.values({ name: `Load Org ${options.learners}`, slug: `load-${randomUUID().slice(0, 8)}` })
		.returning()
	const organisationId = org!.id
	const passwordHash = await hashPassword('generated-people-password')
	const coachCount = Math.max(1, Math.round(options.teams / 2))
	const people = [...Array(options.learners + coachCount)].map((_, i) => ({
		id: randomUUID(),
		email: `${i < coachCount ? 'coach' : 'learner'}-${i}-${organisationId.slice(0, 8)}@generated.test`,
		name: `${i < coachCount ? 'Coach' : 'Learner'} ${i}`,
		passwordHash,
	}))
	await insertAll(db, users, people, 5)
	const coachIds = people.slice(0, coachCount).map((p) => p.id)
	const learnerIds = people.slice(coachCount).map((p) => p.id)
	const shareStyle = new Set(learnerIds.filter(() => rnd() < 0.4))
	const shareSkills = new Set(learnerIds.filter(() => rnd() < 0.5))
	await insertAll(
		db,
		memberships,
		people.map((p, i) => ({
			organisationId,
			userId: p.id,
			role: i < coachCount ? 'coach' : 'learner',
			shareStyle: shareStyle.has(p.id),
			shareSkills: shareSkills.has(p.id),
		})),
		6,
	)
	const teamIds = [...Array(options.teams)].map(() => randomUUID())
	await insertAll(
		db,
		teams,
		teamIds.map((id, i) => ({ organisationId, id, name: `Team ${i + 1}` })),
		3,
	)
	await insertAll(
		db,
		teamCoaches,
		teamIds.map((teamId, i) => ({ organisationId, teamId, userId: coachIds[i % coachIds.length]! })),
		3,
	)
	const teamOf = new Map(learnerIds.map((id, i) => [id, teamIds[i % teamIds.length]!]))
	await insertAll(
		db,
		teamMembers,
		learnerIds.map((userId) => ({ organisationId, teamId: teamOf.get(userId)!, userId })),
		3,
	)
	// Five team assignments per team, some due in the past.
	const teamAssignments = new Map<string, string[]>()
	const assignmentRows = teamIds.flatMap((teamId, i) =>
		[...Array(5)].map((_, k) => {
			const id = randomUUID()
			teamAssignments.set(teamId, [...(teamAssignments.get(teamId) ?? []), id])
			const due = new Date(Date.now() + (k - 2) * 7 * 86_400_000).toISOString().slice(0, 10)
			return {
				organisationId,
				id,
				kind: 'scenario' as const,
				scenarioSlug: library[(i + k) % library.length]!.id,
				teamId,
				assignedBy: coachIds[i % coachIds.length]!,
				dueOn: due,
			}
		}),
	)
	await insertAll(db, assignments, assignmentRows, 8)
	log(
		`${options.learners} learners, ${coachCount} coaches, ${options.teams} teams, ${assignmentRows.length} assignments`,
	)

	const counts = { attempts: 0, decisions: 0, debriefs: 0, skillLevels: 0 }
	const chunk = 250 // learners per write batch: bounded memory
	const startOfData = Date.now() - 120 * 86_400_000
	for (let from = 0; from < learnerIds.length; from += chunk) {
		const rows = {
			attempts: [] as Record<string, unknown>[],
			decisions: [] as Record<string, unknown>[],
			debriefs: [] as Record<string, unknown>[],
			scores: [] as Record<string, unknown>[],
			stress: [] as Record<string, unknown>[],
			levels: [] as Record<string, unknown>[],
		}
		for (const userId of learnerIds.slice(from, from + chunk)) {
			const own = new Map<string, SkillLevel>()
			const shared = new Map<string, SkillLevel>()
			const count = Math.max(1, Math.round(attemptsPerLearner * (0.5 + rnd())))
			for (let seq = 1; seq <= count; seq++) {
				const play = pick(pool)
				const attemptId = randomUUID()
				const assigned = rnd() < 0.2 ? pick(teamAssignments.get(teamOf.get(userId)!)!) : null
				const visibility = !assigned && rnd() < 0.4 ? 'shared' : 'private'
				const visibleToCoach = Boolean(assigned) || visibility === 'shared'
				const started = new Date(startOfData + ((seq - 0.5) / count) * 118 * 86_400_000 + rnd() * 3_600_000)
				rows.attempts.push({
					organisationId,
					id: attemptId,
					userId,
					scenarioVersionId: play.scenario.versionId,
					scenarioSlug: play.scenario.id,
					snapshot: play.snapshot,
					step: play.steps.length,
					status: 'completed',
					visibility,
					assignmentId: assigned,
					sharedAt: visibility === 'shared' ? started : null,
					startedAt: started,
					stepStartedAt: started,
					completedAt: new Date(started.getTime() + play.steps.length * 40_000),
				})
				play.steps.forEach((s, i) =>
					rows.decisions.push({
						organisationId,
						attemptId,
						step: i,
						nodeId: s.node,
						choiceId: s.choice,
						metersAfter: s.metersAfter,
						msTaken: 4_000 + Math.floor(rnd() * 30_000),
						createdAt: new Date(started.getTime() + i * 40_000),
					}),
				)
				const content = play.content
				rows.debriefs.push({
					organisationId,
					attemptId,
					userId,
					rollupSeq: seq,
					scenarioSlug: play.scenario.id,
					customerStyle: content.scenario.customerStyle,
					outcome: content.outcome,
					flexTurns: content.flex.turns,
					flexFit: content.flex.fit,
					assessmentResultId: null,
					rulesVersion: content.rulesVersion,
					content,
					createdAt: new Date(started.getTime() + play.steps.length * 40_000),
				})
				for (const s of content.skills) {
					if (!s.inPlay) continue
					rows.scores.push({ organisationId, attemptId, userId, skill: s.skill, score: s.score, rollupSeq: seq })
					own.set(s.skill, nextLevel(own.get(s.skill), s.score))
					if (visibleToCoach) shared.set(s.skill, nextLevel(shared.get(s.skill), s.score))
				}
				for (const [reaction, c] of Object.entries(content.stress)) {
					rows.stress.push({ organisationId, attemptId, userId, reaction, ...c, steps: undefined })
				}
				counts.attempts++
				counts.decisions += play.steps.length
				counts.debriefs++
			}
			for (const [scope, levels] of [
				['own', own],
				['shared', shared],
			] as const) {
				for (const [skill, l] of levels) {
					rows.levels.push({ organisationId, userId, scope, skill, level: l.level, attempts: l.attempts })
					counts.skillLevels++
				}
			}
		}
		await insertAll(db, attempts, rows.attempts, 15)
		await insertAll(db, decisions, rows.decisions, 8)
		await insertAll(db, debriefs, rows.debriefs, 13)
		await insertAll(db, attemptSkillScores, rows.scores, 6)
		await insertAll(
			db,
			attemptStressCounts,
			rows.stress.map(({ steps: _, ...r }) => r),
			7,
		)
		await insertAll(db, skillLevels, rows.levels, 7)
		log(`  ${Math.min(from + chunk, learnerIds.length)} learners written, ${counts.decisions} decisions so far`)
	}
	return { organisationId, coachIds, teamIds, learnerIds, counts }
}

function argument(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`)
	return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

if (process.argv[1]?.endsWith('coaching-data.ts')) {
	const { openDatabase, setDatabase } = await import('#db/client.server.ts')
	const { migrateDatabase } = await import('#db/migrate.ts')
	const { publishScenarioLibrary, refreshScenarioLibrary } = await import('#app/services/scenario-library.server.ts')
	const url = process.env.DATABASE_URL
	const handle = await openDatabase(
		url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: process.env.DATA_DIR ?? '.data' },
	)
	setDatabase(handle)
	await migrateDatabase(handle)
	const published = await publishScenarioLibrary(process.env.SCENARIOS_DIR ?? 'scenarios')
	if (!published.ok) throw new Error(published.message)
	const library = await refreshScenarioLibrary()
	const started = performance.now()
	const result = await generateCoachingData(
		handle.db,
		library.scenarios,
		{ learners: argument('learners', 5000), teams: argument('teams', 200), decisions: argument('decisions', 500_000) },
		console.log,
	)
	console.log(
		`Organisation ${result.organisationId}: ${JSON.stringify(result.counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
	)
	await handle.close()
}
