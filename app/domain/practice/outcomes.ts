export const outcomes = ['resolved', 'partly_resolved', 'escalated', 'lost'] as const
export type Outcome = (typeof outcomes)[number]

export const outcomeLabels: Record<Outcome, string> = {
	resolved: 'Resolved',
	partly_resolved: 'Partly resolved',
	escalated: 'Escalated',
	lost: 'Customer lost',
}
