// New warnings (issue 11, item 7): each fires on its own mistake and not on the clean fixture.
import { describe, expect, it } from 'vitest'
import { edit, positionOf, problemsOf, tiny } from '#app/domain/scenario/fixtures/helpers.ts'

const warnings = (src: string) => problemsOf(src).filter((p) => p.severity === 'warning')

describe('warnings', () => {
	it('the fixture has none', () => {
		expect(warnings(tiny)).toEqual([])
	})

	it('a flag that is set but never read', () => {
		const src = edit(
			tiny,
			['when: { trust: { gte: 60 }, promised: false }', 'when: { trust: { gte: 60 } }'],
			['{ any: [{ promised: true }, { trust: { lt: 30 } }] }', '{ trust: { lt: 30 } }'],
		)
		expect(warnings(src)).toContainEqual(
			expect.objectContaining({
				path: 'flags[0]',
				message: expect.stringContaining('"promised" is set by a reply but no condition reads it'),
			}),
		)
	})

	it('two replies with the same text', () => {
		const src = edit(tiny, ['text: Soon.', 'text: It left the depot today; you will have it Thursday.'])
		expect(warnings(src)).toContainEqual(
			expect.objectContaining({
				path: 'nodes.details.choices[1].text',
				message: expect.stringContaining('the same text as choices[0]'),
			}),
		)
	})

	it('TODO in any text', () => {
		const src = edit(tiny, ['backstory: Runs a flower shop.', 'backstory: Runs a flower shop. TODO add her kids'])
		expect(warnings(src)).toContainEqual(
			expect.objectContaining({ path: 'persona.backstory', ...positionOf(src, 'backstory:', 'backstory') }),
		)
	})

	it('a meter whose range explodes the combinations', () => {
		const src = edit(tiny, [
			'patience: { label: Patience, start: 50, min: 0, max: 100 }',
			'patience: { label: Patience, start: 50, min: 0, max: 100000 }',
		])
		expect(warnings(src)).toContainEqual(
			expect.objectContaining({ path: 'meters.patience', message: expect.stringContaining('can take 20001 values') }),
		)
	})

	it('a best-fit reply much longer than the others', () => {
		const src = edit(tiny, [
			'text: Let me look it up now.',
			'text: Let me look it up now, and while I do, tell me when you need it by so I can check every option for you.',
		])
		expect(warnings(src)).toContainEqual(
			expect.objectContaining({
				path: 'nodes.opening.choices[0].text',
				message: expect.stringContaining('length gives the answer away'),
			}),
		)
	})
})
