import { isOverdue, type CalendarDate } from '#app/domain/coaching/dates.ts'

// Who an assignment reaches and when it is done (docs: coaching-model): a team assignment reaches
// the team's members now and later; a scenario is done when the learner completed an attempt started
// from it; the assessment is done when they completed one after it was assigned.

/** The most items an onboarding path holds. */
export const MAX_PATH_ITEMS = 20

export type AssignmentFact = {
	id: string
	kind: 'scenario' | 'assessment'
	scenarioSlug: string | null
	teamId: string | null
	userId: string | null
	dueOn: CalendarDate | null
	createdAt: Date
	pathId: string | null
	pathPosition: number | null
}

export type PersonFacts = {
	teamIds: ReadonlySet<string>
	completedAssignmentIds: ReadonlySet<string>
	lastAssessmentAt: Date | null
}

export function reaches(a: AssignmentFact, userId: string, person: PersonFacts): boolean {
	return a.userId === userId || (a.teamId !== null && person.teamIds.has(a.teamId))
}

export function isDone(a: AssignmentFact, person: PersonFacts): boolean {
	if (a.kind === 'scenario') return person.completedAssignmentIds.has(a.id)
	return person.lastAssessmentAt !== null && person.lastAssessmentAt.getTime() >= a.createdAt.getTime()
}

export type AssignmentState<A extends AssignmentFact> = { assignment: A; done: boolean; overdue: boolean }

/** The learner's items, in to-do order: open before done, overdue first, then by due date and path order. */
export function itemsFor<A extends AssignmentFact>(
	userId: string,
	assignments: readonly A[],
	person: PersonFacts,
	now: Date,
	timeZone: string,
): AssignmentState<A>[] {
	return assignments
		.filter((a) => reaches(a, userId, person))
		.map((assignment) => {
			const done = isDone(assignment, person)
			return { assignment, done, overdue: isOverdue({ dueOn: assignment.dueOn, done }, now, timeZone) }
		})
		.sort(
			(x, y) =>
				Number(x.done) - Number(y.done) ||
				Number(y.overdue) - Number(x.overdue) ||
				(x.assignment.dueOn ?? '9999').localeCompare(y.assignment.dueOn ?? '9999') ||
				(x.assignment.pathPosition ?? 0) - (y.assignment.pathPosition ?? 0) ||
				x.assignment.createdAt.getTime() - y.assignment.createdAt.getTime(),
		)
}

export function summarise(items: ReadonlyArray<{ done: boolean; overdue: boolean }>) {
	return {
		total: items.length,
		done: items.filter((i) => i.done).length,
		overdue: items.filter((i) => i.overdue).length,
	}
}

/** Progress per onboarding path, in the order the paths first appear. */
export function pathProgress(items: ReadonlyArray<AssignmentState<AssignmentFact>>) {
	const out = new Map<string, { pathId: string; done: number; total: number }>()
	for (const item of items) {
		const id = item.assignment.pathId
		if (!id) continue
		const entry = out.get(id) ?? { pathId: id, done: 0, total: 0 }
		entry.total += 1
		if (item.done) entry.done += 1
		out.set(id, entry)
	}
	return [...out.values()]
}
