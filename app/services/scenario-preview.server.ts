import { z } from 'zod'
import type { Viewer } from '#app/auth/session.server.ts'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { conditionText } from '#app/domain/scenario/map.ts'
import {
	applyChoice,
	availableChoices,
	currentCue,
	currentNodeId,
	currentTurn,
	endingOf,
	initialSnapshot,
} from '#app/domain/scenario/play.ts'
import type { MeterView } from '#app/domain/scenario/play-view.ts'
import { MAX_PATH_LENGTH } from '#app/domain/scenario/restore.ts'
import type { PlaySnapshot, ScenarioMachine } from '#app/domain/scenario/compile.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { cueQuestion, turnLines } from '#app/domain/scenario/living.ts'
import { loadVersion, transcriptOf } from '#app/services/play.server.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'
import { signValue, verifySignedValue } from '#app/utils/crypto.server.ts'

// The admin preview (issue 11, item 10) plays a published version without writing anything:
// no attempt, decision, debrief, skill level or audit row, so no list, rollup or export can
// count it. The whole state is the version and the replies so far, carried by the browser in
// a value signed with the server's secret and replayed through the machine on every request.

const PURPOSE = 'scenario-preview'

const stateSchema = z.strictObject({
	v: z.uuid(),
	o: z.uuid(),
	u: z.uuid(),
	p: z.array(z.string().min(1).max(80)).max(MAX_PATH_LENGTH),
})
type PreviewState = z.infer<typeof stateSchema>

export const PREVIEW_REFUSED =
	'This preview could not be read: it was changed, it belongs to someone else, or the server has restarted since. Start the preview again.'

type Replayed = { state: PreviewState; scenario: Scenario; machine: ScenarioMachine; snapshot: PlaySnapshot }

async function replay(viewer: Viewer, scenarioId: string, token: string | undefined): Promise<ServiceResult<Replayed>> {
	const listed = getScenarioLibrary().scenarios.find((s) => s.id === scenarioId)
	let state: PreviewState
	if (token === undefined) {
		if (!listed) return fail.notFound('There is no such scenario in the library.')
		state = { v: listed.versionId, o: viewer.organisation.id, u: viewer.user.id, p: [] }
	} else {
		const parsed = stateSchema.safeParse(verifySignedValue(PURPOSE, token))
		if (!parsed.success) return fail.invalid(PREVIEW_REFUSED)
		state = parsed.data
		if (state.o !== viewer.organisation.id || state.u !== viewer.user.id) return fail.invalid(PREVIEW_REFUSED)
	}
	// A preview keeps the version it started on, even if the library is published again meanwhile.
	const version = await loadVersion(state.v)
	if (!version.ok) return version.kind === 'conflict' ? fail.invalid(version.message) : version
	const { scenario, machine } = version.value
	if (scenario.id !== scenarioId) return fail.invalid(PREVIEW_REFUSED)
	let snapshot = initialSnapshot(machine)
	for (const choice of state.p) {
		const next = applyChoice(machine, snapshot, choice)
		if (!next.ok) return fail.invalid(PREVIEW_REFUSED)
		snapshot = next.snapshot
	}
	return ok({ state, scenario, machine, snapshot })
}

export type PreviewView = ReturnType<typeof previewView>

function previewView({ state, scenario, snapshot }: Replayed) {
	const customer = scenario.persona.name
	// The same lines as the learner's play page: variants chosen from the state on entering each node.
	const { transcript, lineShown } = transcriptOf(scenario, snapshot)
	const turn = currentTurn(scenario, snapshot)
	const cue = currentCue(scenario, snapshot)
	const lineNode = cue ? scenario.nodes[cue.to] : turn
	if (lineNode?.type === 'turn' && !(turn && lineShown)) {
		const lines = turnLines(scenario, lineNode, snapshot.context)
		if (lines.narration) transcript.push({ kind: 'narration', text: lines.narration })
		transcript.push({ kind: 'customer', speaker: customer, text: lines.says })
	}
	const offered = new Set(availableChoices(scenario, snapshot).map((c) => c.id))
	const meters: MeterView[] = Object.entries(scenario.meters).map(([id, m]) => ({
		id,
		label: m.label,
		value: snapshot.context.meters[id] ?? m.start,
		min: m.min,
		max: m.max,
	}))
	const ending = endingOf(scenario, snapshot)
	return {
		token: signValue(PURPOSE, state),
		scenario: { id: scenario.id, title: scenario.title, customer, style: scenario.persona.style },
		nodeId: currentNodeId(snapshot),
		replies: snapshot.context.path.length,
		maxReplies: scenario.maxReplies,
		transcript,
		// Authored order, with what an author needs to judge a reply; the learner's page shuffles them.
		cue: cue ? { question: cueQuestion(cue) } : null,
		choices: (turn?.choices ?? (cue ? availableChoices(scenario, snapshot) : [])).map((c) => ({
			id: c.id,
			text: c.text,
			flex: c.flex,
			stress: c.stress ?? null,
			effects: Object.entries(c.effects ?? {}).map(([m, d]) => `${m} ${d > 0 ? '+' : ''}${d}`),
			offered: offered.has(c.id),
			condition: c.when ? conditionText(c.when) : null,
		})),
		meters,
		flags: Object.entries(snapshot.context.flags).map(([name, value]) => ({ name, value })),
		ending: ending ? { id: ending.id, outcome: ending.outcome, title: ending.title, debrief: ending.debrief } : null,
	}
}

// The preview at the state `token` carries, or at the start of the latest published version.
export async function openPreview(
	viewer: Viewer,
	scenarioId: string,
	token?: string,
): Promise<ServiceResult<PreviewView>> {
	const replayed = await replay(viewer, scenarioId, token)
	return replayed.ok ? ok(previewView(replayed.value)) : replayed
}

// One reply: answers the signed state after it. Nothing is stored.
export async function previewChoose(
	viewer: Viewer,
	scenarioId: string,
	token: string,
	choiceId: string,
): Promise<ServiceResult<{ token: string }>> {
	const replayed = await replay(viewer, scenarioId, token)
	if (!replayed.ok) return replayed
	const { state, machine, snapshot } = replayed.value
	const next = applyChoice(machine, snapshot, choiceId)
	if (!next.ok) return fail.invalid(next.message)
	return ok({ token: signValue(PURPOSE, { ...state, p: [...state.p, choiceId] }) })
}
