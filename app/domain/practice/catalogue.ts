// No zod here: the practice and play pages use these labels in the browser (the JavaScript
// budget, docs/architecture.md). The filter's schema is in catalogue-filter.ts.
import { STYLE_NAMES, STYLES } from '#app/domain/style.ts'

export const audiences = ['onboarding', 'difficult-calls', 'sales'] as const
export const channels = ['call', 'chat', 'in-person'] as const
export const difficulties = ['easy', 'medium', 'hard'] as const
export const customerStyles = STYLES

export const audienceLabels: Record<(typeof audiences)[number], string> = {
	onboarding: 'Onboarding',
	'difficult-calls': 'Difficult calls',
	sales: 'Sales',
}
export const channelLabels: Record<(typeof channels)[number], string> = {
	call: 'Phone call',
	chat: 'Chat',
	'in-person': 'In person',
}
export const difficultyLabels: Record<(typeof difficulties)[number], string> = {
	easy: 'Easy',
	medium: 'Medium',
	hard: 'Hard',
}
export const styleLabels = STYLE_NAMES

export type CatalogueEntry = {
	id: string
	title: string
	audience: (typeof audiences)[number]
	channel: (typeof channels)[number]
	difficulty: (typeof difficulties)[number]
	style: (typeof customerStyles)[number]
}

export type CatalogueFilter = {
	audience?: (typeof audiences)[number]
	channel?: (typeof channels)[number]
	difficulty?: (typeof difficulties)[number]
	style?: (typeof customerStyles)[number]
}

export function filterCatalogue<T extends CatalogueEntry>(entries: T[], filter: CatalogueFilter): T[] {
	const order = { easy: 0, medium: 1, hard: 2 } as const
	return entries
		.filter(
			(e) =>
				(!filter.audience || e.audience === filter.audience) &&
				(!filter.channel || e.channel === filter.channel) &&
				(!filter.difficulty || e.difficulty === filter.difficulty) &&
				(!filter.style || e.style === filter.style),
		)
		.sort((a, b) => order[a.difficulty] - order[b.difficulty] || a.title.localeCompare(b.title))
}
