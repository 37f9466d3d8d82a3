// A published version is judged by the rules of its day: on load only its shape and hash count.
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import looping from '#app/domain/scenario/fixtures/looping-trust.yaml?raw'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { scenarioSchema } from '#app/domain/scenario/schema.ts'
import { contentHash, readStoredVersion } from '#app/domain/scenario/stored-version.ts'

describe('readStoredVersion', () => {
	// Stands in for a version published before a stricter rule existed: today's checker rejects it.
	const older = scenarioSchema.parse(parse(looping))
	const stored = JSON.parse(JSON.stringify(older)) as Record<string, unknown>

	it('loads a version that today’s rules would reject, because only its shape is checked', () => {
		expect(parseScenarioSource(looping, 'scenarios/looping-trust.yaml').scenario).toBeUndefined()
		const read = readStoredVersion(stored, contentHash(older))
		expect(read.ok && read.scenario.id).toBe('looping-trust')
	})

	it('refuses a definition whose content no longer matches its hash', () => {
		const tampered = { ...stored, title: 'Changed after publishing' }
		expect(readStoredVersion(tampered, contentHash(older))).toMatchObject({ ok: false })
	})

	it('refuses a definition that is not a scenario at all', () => {
		expect(readStoredVersion({ id: 'x' }, contentHash(older))).toMatchObject({ ok: false })
	})
})
