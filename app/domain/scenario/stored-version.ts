import { createHash } from 'node:crypto'
import { friendlyErrorMap } from '#app/domain/scenario/schema-messages.ts'
import { canonicalScenarioJson, scenarioSchema, type Scenario } from '#app/domain/scenario/schema.ts'

// A published version is immutable: it was checked in strict mode when it was published. Read
// back, it is only shape-checked and its content hash recomputed, so a rule added later never
// breaks an attempt in progress on an older version.

export function contentHash(scenario: Scenario): string {
	return createHash('sha256').update(canonicalScenarioJson(scenario)).digest('hex')
}

export type StoredVersionResult = { ok: true; scenario: Scenario } | { ok: false; message: string }

export function readStoredVersion(definition: unknown, expectedHash: string): StoredVersionResult {
	const parsed = scenarioSchema.safeParse(definition, { error: friendlyErrorMap })
	if (!parsed.success) return { ok: false, message: 'The stored scenario definition is not in the expected form.' }
	if (contentHash(parsed.data) !== expectedHash) {
		return { ok: false, message: 'The stored scenario definition does not match its content hash.' }
	}
	return { ok: true, scenario: parsed.data }
}
