import { z } from 'zod'
import { scenarioOf, type PlaySnapshot, type ScenarioMachine } from '#app/domain/scenario/compile.ts'
import { applyChoice, currentNodeId, initialSnapshot } from '#app/domain/scenario/play.ts'
import { LIMITS } from '#app/domain/scenario/schema.ts'
import { cueOptions } from '#app/domain/scenario/living.ts'

// A snapshot read back from the database is untrusted input. It is accepted only if it is a
// state this exact scenario version can really be in: known resting node, declared meters
// within bounds, declared flags, a path of real choices, and — the strongest check — the
// recorded path, replayed through the machine from the start, must land on exactly this
// state. Then it is rebuilt with `machine.resolveState`, because XState's `transition()`
// cannot work on a raw JSON.parse'd object.

// The engine ends every conversation after the scenario's maxReplies (at most this many), so
// this is exactly what the write path can produce; it also keeps a tampered row's replay cheap.
export const MAX_PATH_LENGTH = LIMITS.maxReplies.max

const persistedShape = z.object({
	status: z.enum(['active', 'done']),
	value: z.string().max(200),
	context: z.strictObject({
		meters: z.record(z.string(), z.number()),
		flags: z.record(z.string(), z.boolean()),
		path: z.array(z.strictObject({ node: z.string(), choice: z.string() })).max(MAX_PATH_LENGTH),
	}),
	// We never invoke or spawn actors, so a snapshot with children was not made by us.
	children: z.record(z.string(), z.never()).optional(),
})

export type RestoreFailure =
	'malformed' | 'unknown_node' | 'status_mismatch' | 'meter' | 'flag' | 'path' | 'replay_mismatch'

export type RestoreResult =
	{ ok: true; snapshot: PlaySnapshot } | { ok: false; reason: RestoreFailure; message: string }

const fail = (reason: RestoreFailure, message: string): RestoreResult => ({ ok: false, reason, message })

const sameRecord = <T>(a: Record<string, T>, b: Record<string, T>) =>
	Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v)

export function restoreSnapshot(machine: ScenarioMachine, persisted: unknown): RestoreResult {
	const scenario = scenarioOf(machine)
	const parsed = persistedShape.safeParse(persisted)
	if (!parsed.success)
		return fail('malformed', 'The saved conversation is not in a form this scenario version understands.')
	const { status, value, context } = parsed.data

	const node = Object.hasOwn(scenario.nodes, value) ? scenario.nodes[value] : undefined
	// Branches route instantly, so a conversation never rests on one.
	if (!node || node.type === 'branch')
		return fail('unknown_node', `The saved conversation is at an unknown step "${value}".`)
	if ((node.type === 'ending') !== (status === 'done')) {
		return fail(
			'status_mismatch',
			'The saved conversation says it has ended, but its step is not an ending (or the reverse).',
		)
	}

	if (context.path.length > scenario.maxReplies) {
		return fail('path', `The saved conversation has more replies than this scenario allows (${scenario.maxReplies}).`)
	}

	const declaredMeters = Object.keys(scenario.meters)
	for (const name of Object.keys(context.meters)) {
		if (!Object.hasOwn(scenario.meters, name))
			return fail('meter', `The saved conversation has an undeclared meter "${name}".`)
	}
	for (const name of declaredMeters) {
		const spec = scenario.meters[name]!
		const v = context.meters[name]
		if (v === undefined) return fail('meter', `The saved conversation is missing the meter "${name}".`)
		if (!Number.isInteger(v) || v < spec.min || v > spec.max) {
			return fail('meter', `The saved meter "${name}" (${v}) is outside ${spec.min}..${spec.max}.`)
		}
	}

	const declaredFlags = scenario.flags ?? []
	for (const name of Object.keys(context.flags)) {
		if (!declaredFlags.includes(name)) return fail('flag', `The saved conversation has an undeclared flag "${name}".`)
	}
	const missingFlag = declaredFlags.find((f) => !(f in context.flags))
	if (missingFlag) return fail('flag', `The saved conversation is missing the flag "${missingFlag}".`)

	for (const [i, step] of context.path.entries()) {
		const n = Object.hasOwn(scenario.nodes, step.node) ? scenario.nodes[step.node] : undefined
		const ids =
			n?.type === 'turn' ? n.choices.map((c) => c.id) : n?.type === 'cue' ? cueOptions(n).map((o) => o.id) : []
		if (!ids.includes(step.choice)) {
			return fail('path', `Step ${i + 1} of the saved conversation refers to a choice this scenario does not have.`)
		}
	}

	// Replay: every recorded choice must have been available where it was made, and the
	// result must be exactly the saved state.
	let replay = initialSnapshot(machine)
	for (const [i, step] of context.path.entries()) {
		if (currentNodeId(replay) !== step.node)
			return fail('replay_mismatch', `Step ${i + 1} of the saved conversation is out of order.`)
		const next = applyChoice(machine, replay, step.choice)
		if (!next.ok)
			return fail('replay_mismatch', `Step ${i + 1} of the saved conversation was not available at that point.`)
		replay = next.snapshot
	}
	if (
		currentNodeId(replay) !== value ||
		!sameRecord(replay.context.meters, context.meters) ||
		!sameRecord(replay.context.flags, context.flags)
	) {
		return fail('replay_mismatch', 'The saved conversation does not match the choices it records.')
	}

	return {
		ok: true,
		snapshot: machine.resolveState({
			value,
			context: {
				meters: { ...context.meters },
				flags: { ...context.flags },
				path: context.path.map((s) => ({ ...s })),
			},
		}),
	}
}
