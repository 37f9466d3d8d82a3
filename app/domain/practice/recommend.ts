import { outcomes, type Outcome } from '#app/domain/practice/outcomes.ts'
import { skillLabels, type Skill } from '#app/domain/practice/skills.ts'
import { STYLE_NAMES, STYLE_SIGNS, type Style } from '#app/domain/style.ts'

// The ONE "what next" function, shared by the debrief, Home and the assessment report's
// "Practise next": a scenario that targets the learner's weakest skill, or the customer style
// their replies fit least well, from scenarios not yet resolved where possible, with its reason
// in one line.

export type RecommendableScenario = {
	id: string
	title: string
	style: Style
	customer: string
	skills: readonly string[]
	difficulty: 'easy' | 'medium' | 'hard'
}

export type PracticeHistory = {
	/** Running skill levels (0..1) with how many attempts they rest on. */
	levels: Partial<Record<Skill, { level: number; attempts: number }>>
	/** Style-flex rate per customer style practised so far. */
	flexByStyle: Partial<Record<Style, { rate: number; turns: number }>>
	/** Best outcome reached per scenario id (any ending counts as done). */
	best: Record<string, Outcome>
	/** The learner's own style from the assessment, or null. */
	home: Style | null
}

export type Recommendation = { id: string; title: string; style: Style; customer: string; reason: string }

const DIFFICULTY = { easy: 0, medium: 1, hard: 2 } as const
const pct = (x: number) => `${Math.round(x * 100)} %`

// Styles ordered from furthest to nearest the learner's own (both axes apart first).
function distanceFrom(home: Style, s: Style) {
	const a = STYLE_SIGNS[home]
	const b = STYLE_SIGNS[s]
	return Number(a.assertiveness !== b.assertiveness) + Number(a.responsiveness !== b.responsiveness)
}

export function recommendNext(
	scenarios: readonly RecommendableScenario[],
	history: PracticeHistory,
	limit = 1,
): Recommendation[] {
	// Unresolved first, then never tried before partly done, then easier first.
	const rank = (s: RecommendableScenario) => {
		const best = history.best[s.id]
		const state = best === 'resolved' ? 3 : best === undefined ? 0 : 1 + outcomes.indexOf(best) / 10
		return state * 10 + DIFFICULTY[s.difficulty]
	}
	const pool = [...scenarios].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title))
	const out: Recommendation[] = []
	const take = (s: RecommendableScenario | undefined, reason: string) => {
		if (s && out.length < limit && !out.some((o) => o.id === s.id))
			out.push({ id: s.id, title: s.title, style: s.style, customer: s.customer, reason })
	}

	const practised = Object.entries(history.levels).filter(([k, v]) => k !== 'style_flex' && v && v.attempts > 0)
	const weakest = practised.sort((a, b) => a[1]!.level - b[1]!.level)[0] as [Skill, { level: number }] | undefined
	const flexed = Object.entries(history.flexByStyle).filter(([, v]) => v && v.turns > 0) as Array<
		[Style, { rate: number }]
	>
	const leastFlexed = flexed.sort((a, b) => a[1].rate - b[1].rate)[0]

	const bySkill = (skill: Skill) => () =>
		take(
			pool.find((s) => s.skills.includes(skill)),
			`Practises ${skillLabels[skill].toLowerCase()}, your lowest skill so far (${pct(weakest![1].level)}).`,
		)
	const byStyle = (style: Style, rate: number) => () =>
		take(
			pool.find((s) => s.style === style),
			`A ${STYLE_NAMES[style]} customer: the style your replies have fitted least so far (${pct(rate)}).`,
		)
	const steps: Array<() => void> = []
	if (weakest && leastFlexed && leastFlexed[1].rate < weakest[1].level)
		steps.push(byStyle(leastFlexed[0], leastFlexed[1].rate), bySkill(weakest[0]))
	else {
		if (weakest) steps.push(bySkill(weakest[0]))
		if (leastFlexed) steps.push(byStyle(leastFlexed[0], leastFlexed[1].rate))
	}
	for (const step of steps) step()

	// Styles not met yet, furthest from the learner's own first (the report's earlier logic).
	const met = new Set(Object.keys(history.flexByStyle))
	const unmet = [...new Set(pool.map((s) => s.style))].filter((s) => !met.has(s))
	if (history.home) unmet.sort((a, b) => distanceFrom(history.home!, b) - distanceFrom(history.home!, a))
	for (const style of unmet) {
		if (style === history.home) continue
		take(
			pool.find((s) => s.style === style),
			history.home
				? `A ${STYLE_NAMES[style]} customer: a style ${distanceFrom(history.home, style) === 2 ? 'furthest from' : 'different from'} your own, not practised yet.`
				: `A ${STYLE_NAMES[style]} customer, a style you have not practised yet.`,
		)
	}
	for (const s of pool) take(s, history.best[s.id] === 'resolved' ? 'Practise it again.' : 'Not resolved yet.')
	return out
}
