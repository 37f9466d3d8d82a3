import { describe, expect, it } from 'vitest'
import { catalogueFilterSchema } from '#app/domain/practice/catalogue-filter.ts'
import { filterCatalogue, type CatalogueEntry } from '#app/domain/practice/catalogue.ts'

const entries: CatalogueEntry[] = [
	{ id: 'a', title: 'Zed', audience: 'sales', channel: 'call', difficulty: 'hard', style: 'analyst' },
	{ id: 'b', title: 'Beta', audience: 'onboarding', channel: 'chat', difficulty: 'easy', style: 'harmonizer' },
	{ id: 'c', title: 'Alpha', audience: 'onboarding', channel: 'call', difficulty: 'easy', style: 'director' },
]

describe('filterCatalogue', () => {
	it('combines filters and lists easier scenarios first', () => {
		expect(filterCatalogue(entries, {}).map((e) => e.id)).toEqual(['c', 'b', 'a'])
		expect(filterCatalogue(entries, { audience: 'onboarding', channel: 'call' }).map((e) => e.id)).toEqual(['c'])
		expect(filterCatalogue(entries, { style: 'analyst' }).map((e) => e.id)).toEqual(['a'])
	})

	it('ignores unknown filter values instead of failing', () => {
		const filter = catalogueFilterSchema.parse({ audience: 'nonsense', style: 'director' })
		expect(filter).toEqual({ audience: undefined, channel: undefined, difficulty: undefined, style: 'director' })
	})
})
