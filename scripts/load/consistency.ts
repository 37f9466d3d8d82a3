// After a load run (or a crash and restart): does the database hold exactly what the server
// acknowledged, and is every attempt's stored snapshot the one its decisions produce?
//   - every decision is recorded once (the key guarantees it) and the steps run 1..n with no gap,
//     in time order, n being the attempt's step counter;
//   - replaying the decisions through the scenario version's machine from its start visits each
//     decision's node, gives its meters, and lands exactly on the stored snapshot and status;
//   - a completed attempt has its debrief (written in the ending step's transaction);
//   - every acknowledged decision is there, with the reply that was acknowledged.
import { asc, eq, inArray } from 'drizzle-orm'
import { compileScenario, type ScenarioMachine } from '#app/domain/scenario/compile.ts'
import { applyChoice, currentNodeId, initialSnapshot, persistSnapshot } from '#app/domain/scenario/play.ts'
import { readStoredVersion } from '#app/domain/scenario/stored-version.ts'
import type { Database } from '#db/client.server.ts'
import { attempts, debriefs, decisions, scenarioVersions } from '#db/schema.ts'

export type AcknowledgedDecision = { attemptId: string; step: number; choiceId: string }

export type ConsistencyReport = {
	attempts: number
	decisions: number
	completed: number
	acknowledged: number
	// Recorded decisions nobody saw acknowledged, and whether each is its attempt's last one (a reply
	// whose answer was lost when the server or the client stopped; never one in the middle).
	unacknowledged: Array<{ attemptId: string; step: number; last: boolean }>
	problems: string[]
}

// jsonb does not keep key order: compare values, not strings.
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical)
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, v]) => v !== undefined)
				.sort(([a], [b]) => (a < b ? -1 : 1))
				.map(([k, v]) => [k, canonical(v)]),
		)
	}
	return value
}
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

export async function checkConsistency(
	db: Database,
	options: { organisationIds?: string[]; acknowledged?: AcknowledgedDecision[] } = {},
): Promise<ConsistencyReport> {
	const problems: string[] = []
	const scope = options.organisationIds
	const attemptRows = await db
		.select()
		.from(attempts)
		.where(scope ? inArray(attempts.organisationId, scope) : undefined)
	const decisionRows = await db
		.select()
		.from(decisions)
		.where(scope ? inArray(decisions.organisationId, scope) : undefined)
		.orderBy(asc(decisions.attemptId), asc(decisions.step))
	const debriefRows = await db
		.select({ attemptId: debriefs.attemptId })
		.from(debriefs)
		.where(scope ? inArray(debriefs.organisationId, scope) : undefined)
	const withDebrief = new Set(debriefRows.map((d) => d.attemptId))

	const byAttempt = new Map<string, typeof decisionRows>()
	for (const d of decisionRows) {
		const list = byAttempt.get(d.attemptId) ?? []
		list.push(d)
		byAttempt.set(d.attemptId, list)
	}

	const machines = new Map<string, ScenarioMachine | string>()
	async function machineFor(versionId: string) {
		let hit = machines.get(versionId)
		if (hit === undefined) {
			const [row] = await db.select().from(scenarioVersions).where(eq(scenarioVersions.id, versionId))
			const read = row ? readStoredVersion(row.definition, row.contentHash) : undefined
			hit = read?.ok ? compileScenario(read.scenario) : `version ${versionId} cannot be read`
			machines.set(versionId, hit)
		}
		return hit
	}

	let completed = 0
	for (const attempt of attemptRows) {
		const where = `attempt ${attempt.id}`
		const list = byAttempt.get(attempt.id) ?? []
		byAttempt.delete(attempt.id)
		if (list.length !== attempt.step) {
			problems.push(`${where}: step counter ${attempt.step} but ${list.length} decisions`)
		}
		list.forEach((d, i) => {
			if (d.step !== i + 1) problems.push(`${where}: decision #${i + 1} has step ${d.step} (a gap or a double)`)
			const previous = list[i - 1]
			if (previous && d.createdAt < previous.createdAt)
				problems.push(`${where}: step ${d.step} recorded before its predecessor`)
		})
		const machine = await machineFor(attempt.scenarioVersionId)
		if (typeof machine === 'string') {
			problems.push(`${where}: ${machine}`)
			continue
		}
		let snapshot = initialSnapshot(machine)
		for (const d of list) {
			if (currentNodeId(snapshot) !== d.nodeId) {
				problems.push(`${where}: step ${d.step} was taken on ${d.nodeId}, replay is on ${currentNodeId(snapshot)}`)
				break
			}
			const next = applyChoice(machine, snapshot, d.choiceId)
			if (!next.ok) {
				problems.push(`${where}: step ${d.step} replays to an error: ${next.message}`)
				break
			}
			snapshot = next.snapshot
			if (!same(snapshot.context.meters, d.metersAfter))
				problems.push(`${where}: step ${d.step} meters differ on replay`)
		}
		if (!same(persistSnapshot(machine, snapshot), attempt.snapshot)) {
			problems.push(`${where}: the stored snapshot is not what its ${list.length} decisions produce`)
		}
		const done = snapshot.status === 'done'
		if (attempt.status === 'completed') {
			completed++
			if (!done) problems.push(`${where}: completed, but its decisions do not reach an ending`)
			if (!withDebrief.has(attempt.id)) problems.push(`${where}: completed without its debrief`)
		} else if (done) {
			problems.push(`${where}: its decisions reach an ending, but it is ${attempt.status}`)
		}
	}
	for (const [attemptId] of byAttempt) problems.push(`decisions for attempt ${attemptId}, which does not exist`)

	const recorded = new Map(decisionRows.map((d) => [`${d.attemptId}:${d.step}`, d.choiceId]))
	const acknowledged = options.acknowledged ?? []
	const seen = new Set<string>()
	for (const a of acknowledged) {
		const key = `${a.attemptId}:${a.step}`
		if (seen.has(key)) problems.push(`step ${a.step} of attempt ${a.attemptId} was acknowledged twice`)
		seen.add(key)
		const choice = recorded.get(key)
		if (choice === undefined) problems.push(`acknowledged step ${a.step} of attempt ${a.attemptId} is lost`)
		else if (choice !== a.choiceId) {
			problems.push(`acknowledged step ${a.step} of attempt ${a.attemptId} holds ${choice}, not ${a.choiceId}`)
		}
	}
	const lastStep = new Map<string, number>()
	for (const d of decisionRows) lastStep.set(d.attemptId, Math.max(lastStep.get(d.attemptId) ?? 0, d.step))
	const unacknowledged = decisionRows
		.filter((d) => !seen.has(`${d.attemptId}:${d.step}`))
		.map((d) => ({ attemptId: d.attemptId, step: d.step, last: lastStep.get(d.attemptId) === d.step }))
	return {
		attempts: attemptRows.length,
		decisions: decisionRows.length,
		completed,
		acknowledged: acknowledged.length,
		unacknowledged: options.acknowledged ? unacknowledged : [],
		problems,
	}
}
