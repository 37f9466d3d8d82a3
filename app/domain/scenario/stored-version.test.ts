// A published version is judged by the rules of its day: on load only its shape and hash count.
import { createHash } from 'node:crypto'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import late from '#app/domain/scenario/fixtures/late-delivery.yaml?raw'
import looping from '#app/domain/scenario/fixtures/looping-trust.yaml?raw'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { canonicalJson, scenarioSchema } from '#app/domain/scenario/schema.ts'
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

describe('readStoredVersion on a version stored by release 0.1', () => {
	// Release 0.1 stored versions without pressure, maxReplies or outOfTime, and hashed what they held.
	const today = scenarioSchema.parse(parse(late))
	const { pressure: _p, maxReplies: _m, outOfTime, ...rest } = today
	const { [outOfTime]: _ending, ...nodes } = today.nodes
	const legacy = JSON.parse(JSON.stringify({ ...rest, nodes })) as Record<string, unknown>
	const legacyHash = createHash('sha256').update(canonicalJson(legacy)).digest('hex')

	it('still loads, so an attempt started before the upgrade can be finished', () => {
		const read = readStoredVersion(legacy, legacyHash)
		expect(read.ok).toBe(true)
		if (!read.ok) return
		expect(read.scenario.maxReplies).toBe(100)
		expect(read.scenario.pressure.meter).toBe(Object.keys(today.meters)[0])
		const stop = read.scenario.nodes[read.scenario.outOfTime]
		expect(stop?.type === 'ending' && stop.outcome).not.toBe('resolved')
	})

	it('still refuses a legacy definition changed after it was stored', () => {
		expect(readStoredVersion({ ...legacy, title: 'Changed' }, legacyHash)).toMatchObject({ ok: false })
	})
})
