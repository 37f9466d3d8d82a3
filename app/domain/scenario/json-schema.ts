import { z } from 'zod'
import { scenarioSchema } from '#app/domain/scenario/schema.ts'

// The scenario format as JSON Schema, for editors' YAML plug-ins (completion and inline
// errors). Generated from the zod schema, so it cannot drift; the checker stays the judge:
// rules across fields (targets, conditions, dead ends) are not expressible here.
export function scenarioJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
		$id: 'https://attune.example/scenario.schema.json',
		title: 'Attune role-play scenario',
		description: 'A role-play scenario file. Run `npm run scenarios:check` for every rule; see scenarios/README.md.',
	}
}
