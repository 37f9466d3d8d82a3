import fs from 'node:fs'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Transcript } from '#app/components/play/transcript.tsx'
import { checkScenarioData } from '#app/domain/scenario/check.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { turnLines } from '#app/domain/scenario/living.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { initialSnapshot } from '#app/domain/scenario/play.ts'

// Issue 14: markup an author writes into a scenario line is text on the page, never HTML.
const MARKUP = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'

describe('a scenario line with markup', () => {
	it('is accepted by the checker and rendered inert in the transcript', () => {
		const file = 'scenarios/catch-up-bill.yaml'
		const { scenario } = parseScenarioSource(fs.readFileSync(file, 'utf8'), file)
		if (!scenario) throw new Error('the shipped scenario did not parse')
		const start = scenario.nodes[scenario.start]
		if (start?.type !== 'turn') throw new Error('expected the scenario to open on a turn')
		start.says = `Hello ${MARKUP}`
		expect(checkScenarioData(scenario, { strict: true }).scenario).toBeDefined() // no errors: an author could publish it

		const lines = turnLines(scenario, start, initialSnapshot(compileScenario(scenario)).context)
		const html = renderToStaticMarkup(
			createElement(Transcript, {
				entries: [
					{ kind: 'customer', speaker: scenario.persona.name, text: lines.says },
					{ kind: 'learner', text: MARKUP },
				],
				customerName: scenario.persona.name,
			}),
		)
		expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;')
		expect(html).not.toContain('<script')
		expect(html).not.toContain('<img')
	})
})
