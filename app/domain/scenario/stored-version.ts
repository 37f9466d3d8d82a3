import { createHash } from 'node:crypto'
import { friendlyErrorMap } from '#app/domain/scenario/schema-messages.ts'
import {
	canonicalJson,
	canonicalScenarioJson,
	LIMITS,
	scenarioSchema,
	type Scenario,
} from '#app/domain/scenario/schema.ts'

// A published version is immutable: it was checked in strict mode when it was published. Read
// back, it is only shape-checked and its content hash recomputed, so a rule added later never
// breaks an attempt in progress on an older version.

export function contentHash(scenario: Scenario): string {
	return createHash('sha256').update(canonicalScenarioJson(scenario)).digest('hex')
}

export type StoredVersionResult = { ok: true; scenario: Scenario } | { ok: false; message: string }

type Definition = Record<string, unknown>
const isObject = (v: unknown): v is Definition => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Versions stored before the format gained `pressure`, `maxReplies` and `outOfTime` (release 0.1)
 * lack them. Their hash was taken over what they hold, so it is checked first; then the missing
 * fields get the values the engine of their day behaved by: no pressure threshold worth naming
 * (the first meter, at the bottom fifth of its range), the old 100-reply read limit, and the first
 * ending that did not go well as the place a runaway conversation stops.
 */
function upgradeLegacy(definition: Definition): Definition {
	const meters = isObject(definition.meters) ? definition.meters : {}
	const nodes = isObject(definition.nodes) ? definition.nodes : {}
	const upgraded: Definition = { ...definition }
	if (upgraded.pressure === undefined) {
		const [meter, range] = Object.entries(meters)[0] ?? []
		const min = isObject(range) && typeof range.min === 'number' ? range.min : 0
		const max = isObject(range) && typeof range.max === 'number' ? range.max : 100
		upgraded.pressure = { meter, below: Math.max(min + 1, Math.round(min + (max - min) / 5)) }
	}
	upgraded.maxReplies ??= LIMITS.maxReplies.max
	if (upgraded.outOfTime === undefined) {
		const endings = Object.entries(nodes).filter(([, n]) => isObject(n) && n.type === 'ending')
		const poor = endings.find(([, n]) => isObject(n) && n.outcome !== 'resolved') ?? endings[0]
		upgraded.outOfTime = poor?.[0]
	}
	return upgraded
}

const LEGACY_FIELDS = ['pressure', 'maxReplies', 'outOfTime'] as const

export function readStoredVersion(definition: unknown, expectedHash: string): StoredVersionResult {
	const legacy = isObject(definition) && LEGACY_FIELDS.some((f) => definition[f] === undefined)
	if (legacy) {
		// The hash of a legacy version covers its own fields only.
		if (createHash('sha256').update(canonicalJson(definition)).digest('hex') !== expectedHash) {
			return { ok: false, message: 'The stored scenario definition does not match its content hash.' }
		}
	}
	const parsed = scenarioSchema.safeParse(legacy ? upgradeLegacy(definition) : definition, { error: friendlyErrorMap })
	if (!parsed.success) return { ok: false, message: 'The stored scenario definition is not in the expected form.' }
	if (!legacy && contentHash(parsed.data) !== expectedHash) {
		return { ok: false, message: 'The stored scenario definition does not match its content hash.' }
	}
	return { ok: true, scenario: parsed.data }
}
