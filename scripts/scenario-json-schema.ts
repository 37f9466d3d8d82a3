// `npm run scenarios:schema`: writes scenarios/scenario.schema.json from the zod schema.
import fs from 'node:fs'
import { scenarioJsonSchema } from '#app/domain/scenario/json-schema.ts'

fs.writeFileSync('scenarios/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, '\t')}\n`)
console.log('wrote scenarios/scenario.schema.json')
