import type { Viewer } from '#app/auth/session.server.ts'
import {
	abandonAttempt as abandonAttemptRow,
	createOrFindOpenAttempt,
	getOwnAttempt,
	getScenarioVersion,
	recordDecision,
	type AttemptRow,
} from '#app/data/attempts.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { latestProfile, recordEndingStep } from '#app/services/debrief.server.ts'
import { prebriefView, type PrebriefView } from '#app/domain/feedback/prebrief.ts'
import type { MeterView, TranscriptEntry } from '#app/domain/scenario/play-view.ts'
import { compileScenario, type ScenarioMachine } from '#app/domain/scenario/compile.ts'
import { orderChoices } from '#app/domain/feedback/fair-order.ts'
import {
	applyChoice,
	availableChoices,
	currentCue,
	currentNodeId,
	currentTurn,
	endingOf,
	initialSnapshot,
	persistSnapshot,
} from '#app/domain/scenario/play.ts'
import { applyChoiceToContext, applyCueToContext, initialContext } from '#app/domain/scenario/play-context.ts'
import { cueOptions, cueQuestion, hasVariants, turnLines } from '#app/domain/scenario/living.ts'
import { restoreSnapshot } from '#app/domain/scenario/restore.ts'
import { repliesAhead } from '#app/domain/scenario/length.ts'
import type { PlaySnapshot } from '#app/domain/scenario/compile.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { readStoredVersion } from '#app/domain/scenario/stored-version.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { getDb, type Database, type Transaction } from '#db/client.server.ts'

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

// "You and this customer" for the intro page: the learner's latest result (if any) beside the persona.
export async function loadPrebrief(viewer: Viewer, scenario: Scenario): Promise<PrebriefView> {
	const { profile } = await latestProfile(viewer)
	return prebriefView(scenario, profile ? { styles: profile.styles, dot: profile.dot } : null)
}

type CompiledVersion = { scenario: Scenario; machine: ScenarioMachine }

// Versions are immutable, so a compiled machine can be kept for the life of the process.
const compiled = new Map<string, CompiledVersion>()

export async function loadVersion(
	versionId: string,
	db: Database | Transaction = getDb(),
): Promise<ServiceResult<CompiledVersion>> {
	const hit = compiled.get(versionId)
	if (hit) return ok(hit)
	const row = await getScenarioVersion(versionId, db)
	if (!row) return fail.conflict('The scenario this attempt was started on is missing.')
	// A version is immutable and was checked when published: only its shape and hash are checked
	// here, so a rule added later never breaks an attempt in progress.
	const read = readStoredVersion(row.definition, row.contentHash)
	if (!read.ok) return fail.conflict(`This attempt cannot be continued: ${read.message}`)
	const entry = { scenario: read.scenario, machine: compileScenario(read.scenario) }
	compiled.set(versionId, entry)
	return ok(entry)
}

// assignmentId: set (by the assignments service, after checking the assignment reaches the learner)
// when the attempt is started from an assignment; such an attempt is its own, never the practice one.
export type StartInput = { scenarioId: string; restartAttemptId?: string; assignmentId?: string }
export type Started = { attemptId: string; resumed: boolean }

// Start (or restart) a self-started practice attempt on the latest published version (versions are
// stored by publishing, never on a click). There is one in-progress attempt per learner × scenario:
// a second Start (double-click, second tab) lands on the open one.
export async function startAttempt(viewer: Viewer, input: StartInput): Promise<ServiceResult<Started>> {
	const scenario = findScenario(input.scenarioId)
	if (!scenario) return fail.notFound('There is no such scenario in the library.')
	const versionId = scenario.versionId
	const organisationId = viewer.organisation.id
	const userId = viewer.user.id
	const version = await loadVersion(versionId)
	if (!version.ok) return version
	const { machine } = version.value
	return getDb().transaction(async (tx) => {
		// Restart leaves the open attempt behind first, so the new one takes its place.
		if (input.restartAttemptId) await abandonAttemptRow(organisationId, userId, input.restartAttemptId, tx)
		const attempt = await createOrFindOpenAttempt(
			{
				organisationId,
				userId,
				scenarioVersionId: versionId,
				scenarioSlug: scenario.id,
				snapshot: persistSnapshot(machine, initialSnapshot(machine)),
				assignmentId: input.assignmentId ?? null,
			},
			tx,
		)
		return ok({ attemptId: attempt.row.id, resumed: !attempt.created })
	})
}

type LoadedAttempt = CompiledVersion & { attempt: AttemptRow; snapshot: PlaySnapshot }

async function loadAttempt(viewer: Viewer, attemptId: string): Promise<ServiceResult<LoadedAttempt>> {
	const attempt = await getOwnAttempt(viewer.organisation.id, viewer.user.id, attemptId)
	if (!attempt) return fail.notFound('There is no such practice attempt.')
	const version = await loadVersion(attempt.scenarioVersionId)
	if (!version.ok) return version
	const restored = restoreSnapshot(version.value.machine, attempt.snapshot)
	if (!restored.ok) return fail.conflict(`This attempt cannot be continued: ${restored.message}`)
	return ok({ attempt, ...version.value, snapshot: restored.snapshot })
}

export type PlayView = ReturnType<typeof playView>

export async function loadPlay(viewer: Viewer, attemptId: string): Promise<ServiceResult<PlayView>> {
	const loaded = await loadAttempt(viewer, attemptId)
	return loaded.ok ? ok(playView(loaded.value)) : loaded
}

function playView({ attempt, scenario, snapshot }: LoadedAttempt) {
	const { transcript, path, lineShown } = transcriptOf(scenario, snapshot)
	const active = attempt.status === 'in_progress'
	const turn = active ? currentTurn(scenario, snapshot) : undefined
	const cue = active ? currentCue(scenario, snapshot) : undefined
	const customer = scenario.persona.name
	// The line on screen: the current turn's, or at a cue moment the line of the turn it leads to
	// (read before answering it, so it is shown once). Chosen from the state on entering: a reload shows the same.
	const lineNode = cue ? scenario.nodes[cue.to] : turn
	if (lineNode?.type === 'turn' && !(turn && lineShown)) {
		const lines = turnLines(scenario, lineNode, snapshot.context)
		if (lines.narration) transcript.push({ kind: 'narration', text: lines.narration })
		transcript.push({ kind: 'customer', speaker: customer, text: lines.says })
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
		// Fair order: shuffled per attempt and turn, so the authored position gives nothing away.
		cue: cue ? { question: cueQuestion(cue) } : null,
		choices:
			turn || cue
				? orderChoices(attempt.id, currentNodeId(snapshot), availableChoices(scenario, snapshot)).map((c) => ({
						id: c.id,
						text: c.text,
					}))
				: [],
		meters,
		path,
		ending: ending ? { outcome: ending.outcome, title: ending.title, debrief: ending.debrief } : null,
		ahead: turn || cue ? repliesAhead(scenario, currentNodeId(snapshot)) : null,
	}
}

// Which variants the line answered at this step showed (at a cue moment, the line being read).
function shownVariants(scenario: Scenario, nodeId: string, state: PlaySnapshot['context']) {
	const node = scenario.nodes[nodeId]
	const lineNode = node?.type === 'cue' ? scenario.nodes[node.to] : node
	if (lineNode?.type !== 'turn') return null
	const { shown } = turnLines(scenario, lineNode, state)
	return hasVariants(shown) ? shown : null
}

// The conversation so far, line by line, with the variants that were shown when each step was
// entered (recomputed from the recorded path: the meters before a step decide its line).
export function transcriptOf(scenario: Scenario, snapshot: PlaySnapshot) {
	const transcript: TranscriptEntry[] = []
	const customer = scenario.persona.name
	const path: Array<{ nodeId: string; choiceText: string }> = []
	let context = initialContext(scenario)
	let lineShown = false
	for (const step of snapshot.context.path) {
		const node = scenario.nodes[step.node]
		if (node?.type === 'cue') {
			const target = scenario.nodes[node.to]
			if (target?.type === 'turn') {
				const lines = turnLines(scenario, target, context)
				if (lines.narration) transcript.push({ kind: 'narration', text: lines.narration })
				transcript.push({ kind: 'customer', speaker: customer, text: lines.says })
				lineShown = true
			}
			const option = cueOptions(node).find((o) => o.id === step.choice)
			transcript.push({ kind: 'cue', question: cueQuestion(node), text: option?.text ?? '' })
			context = applyCueToContext(context, step.node, step.choice)
			continue
		}
		if (node?.type !== 'turn') continue
		if (!lineShown) {
			const lines = turnLines(scenario, node, context)
			if (lines.narration) transcript.push({ kind: 'narration', text: lines.narration })
			transcript.push({ kind: 'customer', speaker: customer, text: lines.says })
		}
		lineShown = false
		const choice = node.choices.find((c) => c.id === step.choice)
		transcript.push({ kind: 'learner', text: choice?.text ?? '' })
		path.push({ nodeId: step.node, choiceText: choice?.text ?? '' })
		if (choice) context = applyChoiceToContext(scenario, context, step.node, choice)
	}
	// `lineShown`: a cue moment was just answered, so the line of the turn it led to is already on screen.
	return { transcript, path, lineShown }
}

export type ChooseOutcome = 'recorded' | 'stale'

export async function choose(
	viewer: Viewer,
	attemptId: string,
	input: { step: number; choiceId: string },
): Promise<ServiceResult<ChooseOutcome>> {
	const loaded = await loadAttempt(viewer, attemptId)
	if (!loaded.ok) return loaded
	const { attempt, machine, scenario, snapshot } = loaded.value
	// Another tab or a double-click got there first: nothing to write.
	if (attempt.status !== 'in_progress' || attempt.step !== input.step) return ok('stale')
	const nodeId = currentNodeId(snapshot)
	const variant = shownVariants(scenario, nodeId, snapshot.context)
	const result = applyChoice(machine, snapshot, input.choiceId)
	if (!result.ok) return fail.invalid(result.message)
	// One statement (see recordDecision): the step move and the decision row commit together.
	const record = {
		organisationId: viewer.organisation.id,
		userId: viewer.user.id,
		attemptId,
		expectedStep: input.step,
		previousStepStartedAt: attempt.stepStartedAt,
		snapshot: persistSnapshot(machine, result.snapshot),
		finished: result.snapshot.status === 'done',
		decision: { nodeId, choiceId: input.choiceId, metersAfter: result.snapshot.context.meters, variant },
	}
	// The ending step also stores the debrief and updates the skill levels, in one transaction.
	const outcome = record.finished
		? await recordEndingStep(viewer, {
				record,
				scenario,
				machine,
				path: result.snapshot.context.path,
				scenarioSlug: attempt.scenarioSlug,
			})
		: await recordDecision(record)
	return ok(outcome.ok ? 'recorded' : 'stale')
}

// Leaves an attempt; answers the scenario it belonged to, so the learner can go back to it.
export async function abandonAttempt(
	viewer: Viewer,
	attemptId: string,
): Promise<ServiceResult<{ scenarioId: string }>> {
	const attempt = await getOwnAttempt(viewer.organisation.id, viewer.user.id, attemptId)
	if (!attempt) return fail.notFound('There is no such practice attempt.')
	// A finished attempt stays as it is; leaving it is not an error.
	await abandonAttemptRow(viewer.organisation.id, viewer.user.id, attemptId)
	return ok({ scenarioId: attempt.scenarioSlug })
}
