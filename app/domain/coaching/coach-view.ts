import type { LineChart } from '#app/domain/feedback/charts.ts'
import type { Skill } from '#app/domain/practice/skills.ts'
import type { Style } from '#app/domain/style.ts'

// The coach's view of one learner, as the page renders it (dates already formatted), shared by the
// coach's learner page and the learner's "what my coach sees" preview.
export type CoachLearnerView = {
	learner: { id: string; name: string }
	sharing: { shareStyle: boolean; shareSkills: boolean }
	/** Only when the learner shares their style: the dot and its headline, never the answers. */
	style: { x: number; y: number; headline: string; home: Style | null } | null
	/** Only when the learner shares their skills: the coach-visible rollup. */
	skills:
		| {
				skill: Skill
				label: string
				level: number
				attempts: number
				earlyDays: boolean
				trend: number[]
				chart: LineChart
		  }[]
		| null
	attempts: {
		attemptId: string
		scenarioSlug: string
		title: string
		outcome: string
		outcomeLabel: string
		customerStyle: string
		date: string
		assigned: boolean
	}[]
	notes: {
		id: string
		body: string
		authorId: string | null
		authorName: string | null
		date: string
		edited: boolean
	}[]
}
