import type { Viewer } from '#app/auth/session.server.ts'
import {
	abandonAttempt as abandonAttemptRow,
	createAttempt,
	ensureScenarioVersion,
	getOwnAttempt,
	getScenarioVersion,
	listOwnAttempts,
	recordDecision,
} from '#app/data/attempts.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import type { MeterView, TranscriptEntry } from '#app/domain/scenario/play-view.ts'
import { checkScenarioData } from '#app/domain/scenario/check.ts'
import { compileScenario, type ScenarioMachine } from '#app/domain/scenario/compile.ts'
import {
	applyChoice,
	availableChoices,
	currentNodeId,
	currentTurn,
	endingOf,
	initialSnapshot,
	persistSnapshot,
} from '#app/domain/scenario/play.ts'
import { restoreSnapshot } from '#app/domain/scenario/restore.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { badRequest, httpError, notFound } from '#app/utils/http.server.ts'
import { repliesAhead } from '#app/domain/scenario/length.ts'

export function getLibrary() {
	return getScenarioLibrary()
}

export function findScenario(id: string) {
	return getScenarioLibrary().scenarios.find((s) => s.id === id)
}

// What the catalogue and the intro page both show about a scenario.
export function scenarioSummary(s: Scenario) {
	return {
		id: s.id,
		title: s.title,
		summary: s.summary,
		audience: s.audience,
		channel: s.channel,
		difficulty: s.difficulty,
		minutes: s.minutes,
	}
}

type CompiledVersion = { scenario: Scenario; machine: ScenarioMachine }

// Versions are immutable, so a compiled machine can be kept for the life of the process.
const compiled = new Map<string, CompiledVersion>()

async function loadVersion(versionId: string): Promise<CompiledVersion> {
	const hit = compiled.get(versionId)
	if (hit) return hit
	const row = await getScenarioVersion(versionId)
	if (!row) throw httpError(409, 'The scenario this attempt was started on is missing.')
	// Stored definitions are read back through the same checks as files.
	const checked = checkScenarioData(row.definition)
	if (!checked.scenario) throw httpError(409, 'The stored scenario definition for this attempt is not valid.')
	const entry = { scenario: checked.scenario, machine: compileScenario(checked.scenario) }
	compiled.set(versionId, entry)
	return entry
}

export async function listInProgress(viewer: Viewer) {
	const rows = await listOwnAttempts(viewer.organisation.id, viewer.user.id)
	return rows.filter((r) => r.status === 'in_progress')
}

export async function startAttempt(viewer: Viewer, scenarioId: string): Promise<string> {
	const scenario = findScenario(scenarioId)
	if (!scenario) throw notFound('There is no such scenario in the library.')
	const { contentHash, file: _file, warnings: _warnings, ...definition } = scenario
	const versionId = await ensureScenarioVersion({
		slug: scenario.id,
		contentHash,
		title: scenario.title,
		definition,
	})
	const { machine } = await loadVersion(versionId)
	const attempt = await createAttempt({
		organisationId: viewer.organisation.id,
		userId: viewer.user.id,
		scenarioVersionId: versionId,
		scenarioSlug: scenario.id,
		snapshot: persistSnapshot(machine, initialSnapshot(machine)),
	})
	return attempt.id
}

async function loadAttempt(viewer: Viewer, attemptId: string) {
	const attempt = await getOwnAttempt(viewer.organisation.id, viewer.user.id, attemptId)
	if (!attempt) throw notFound('There is no such practice attempt.')
	const version = await loadVersion(attempt.scenarioVersionId)
	const restored = restoreSnapshot(version.machine, attempt.snapshot)
	if (!restored.ok) throw httpError(409, `This attempt cannot be continued: ${restored.message}`)
	return { attempt, ...version, snapshot: restored.snapshot }
}

export type PlayView = Awaited<ReturnType<typeof loadPlay>>

export async function loadPlay(viewer: Viewer, attemptId: string) {
	const { attempt, scenario, snapshot } = await loadAttempt(viewer, attemptId)
	const transcript: TranscriptEntry[] = []
	const customer = scenario.persona.name
	const path: Array<{ nodeId: string; choiceText: string }> = []
	for (const step of snapshot.context.path) {
		const node = scenario.nodes[step.node]
		if (node?.type !== 'turn') continue
		if (node.narration) transcript.push({ kind: 'narration', text: node.narration })
		transcript.push({ kind: 'customer', speaker: customer, text: node.says })
		const choiceText = node.choices.find((c) => c.id === step.choice)?.text ?? ''
		transcript.push({ kind: 'learner', text: choiceText })
		path.push({ nodeId: step.node, choiceText })
	}
	const turn = attempt.status === 'in_progress' ? currentTurn(scenario, snapshot) : undefined
	if (turn) {
		if (turn.narration) transcript.push({ kind: 'narration', text: turn.narration })
		transcript.push({ kind: 'customer', speaker: customer, text: turn.says })
	}
	const ending = endingOf(scenario, snapshot)
	const meters: MeterView[] = Object.entries(scenario.meters).map(([id, m]) => ({
		id,
		label: m.label,
		value: snapshot.context.meters[id] ?? m.start,
		min: m.min,
		max: m.max,
	}))
	return {
		attemptId: attempt.id,
		status: attempt.status,
		step: attempt.step,
		turnNumber: snapshot.context.path.length + 1,
		nodeId: currentNodeId(snapshot),
		scenario: { id: scenario.id, title: scenario.title, customer, style: scenario.persona.style },
		transcript,
		choices: turn ? availableChoices(scenario, snapshot).map((c) => ({ id: c.id, text: c.text })) : [],
		meters,
		path,
		ending: ending ? { outcome: ending.outcome, title: ending.title, debrief: ending.debrief } : null,
		ahead: turn ? repliesAhead(scenario, currentNodeId(snapshot)) : null,
	}
}

export type ChooseOutcome = 'recorded' | 'stale'

export async function choose(
	viewer: Viewer,
	attemptId: string,
	input: { step: number; choiceId: string },
): Promise<ChooseOutcome> {
	const { attempt, machine, snapshot } = await loadAttempt(viewer, attemptId)
	// Another tab or a double-click got there first: nothing to write.
	if (attempt.status !== 'in_progress' || attempt.step !== input.step) return 'stale'
	const nodeId = currentNodeId(snapshot)
	const result = applyChoice(machine, snapshot, input.choiceId)
	if (!result.ok) throw badRequest(result.message)
	const outcome = await recordDecision({
		organisationId: viewer.organisation.id,
		userId: viewer.user.id,
		attemptId,
		expectedStep: input.step,
		previousStepStartedAt: attempt.stepStartedAt,
		snapshot: persistSnapshot(machine, result.snapshot),
		finished: result.snapshot.status === 'done',
		decision: { nodeId, choiceId: input.choiceId, metersAfter: result.snapshot.context.meters },
	})
	return outcome.ok ? 'recorded' : 'stale'
}

export async function abandonAttempt(viewer: Viewer, attemptId: string): Promise<void> {
	await abandonAttemptRow(viewer.organisation.id, viewer.user.id, attemptId)
}
