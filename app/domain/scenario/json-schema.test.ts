// The committed JSON Schema (for editors) is exactly what the zod schema generates today.
import fs from 'node:fs'
import { expect, it } from 'vitest'
import { scenarioJsonSchema } from '#app/domain/scenario/json-schema.ts'

it('scenarios/scenario.schema.json is up to date (regenerate with npm run scenarios:schema)', () => {
	const committed = JSON.parse(
		fs.readFileSync(new URL('../../../scenarios/scenario.schema.json', import.meta.url), 'utf8'),
	) as Record<string, unknown>
	expect(committed).toEqual(scenarioJsonSchema())
	expect(committed.required).toEqual(expect.arrayContaining(['maxReplies', 'outOfTime', 'pressure', 'nodes']))
})
