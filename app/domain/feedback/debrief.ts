import type { ScenarioMachine } from '#app/domain/scenario/compile.ts'
import type { PathStep } from '#app/domain/scenario/play-context.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import type { Outcome } from '#app/domain/practice/outcomes.ts'
import { withArticle } from '#app/domain/feedback/wording.ts'
import {
	STRESS_REACTION_NAMES,
	STRESS_REACTIONS,
	STYLE_NAMES,
	STYLE_SIGNS,
	type Style,
	type StressReaction,
} from '#app/domain/style.ts'
import {
	flexSummary,
	replayPath,
	revisitDecisions,
	skillScores,
	stressCounts,
	type FlexSummary,
	type RevisitedDecision,
	type SkillScore,
	type StressCount,
	type VisitedTurn,
} from '#app/domain/feedback/analysis.ts'
import type { LearnerProfile } from '#app/domain/feedback/profile.ts'
import { pickTip } from '#app/domain/feedback/prebrief.ts'
import {
	FEEDBACK_RULES,
	NOTICE_RULES,
	RULES_VERSION,
	STRESS_DEEDS,
	STRESS_TACTICS,
	type FeedbackRule,
	type RuleCondition,
	type StyleRelation,
} from '#app/domain/feedback/rules.ts'

// The debrief of one finished conversation: a pure function of the scenario version, the
// recorded path and the learner's profile (or null). Its result is stored as it was produced.

export const STYLE_WANTS: Record<Style, string> = {
	director: 'results, speed and control',
	energizer: 'recognition, ideas and energy',
	harmonizer: 'safety, harmony and support',
	analyst: 'accuracy, data and process',
}

export type FeedbackSentence = {
	ruleId: string
	text: string
	/** The decisions (1-based steps) that triggered the rule. */
	steps: number[]
	usesSelfAssessment: boolean
	/** The profile level behind it sits within its uncertainty of a cut-off. */
	tentative: boolean
}

export type DebriefNotice = { ruleId: string; text: string; usesSelfAssessment: boolean }

export type MeterTrace = { id: string; label: string; min: number; max: number; values: number[] }

export type DebriefContent = {
	rulesVersion: string
	resultId: string | null
	scenario: { id: string; title: string; customer: string; customerStyle: Style }
	outcome: Outcome
	ending: { id: string; title: string; text: string }
	meters: MeterTrace[]
	pressure: { meter: string; below: number }
	skills: SkillScore[]
	flex: FlexSummary
	stress: Record<StressReaction, StressCount>
	decisions: RevisitedDecision[]
	feedback: FeedbackSentence[]
	notices: DebriefNotice[]
}

export function styleRelation(yours: Style, theirs: Style): StyleRelation {
	const a = STYLE_SIGNS[yours]
	const b = STYLE_SIGNS[theirs]
	const pace = a.assertiveness !== b.assertiveness
	const focus = a.responsiveness !== b.responsiveness
	return pace && focus ? 'opposite' : pace ? 'pace' : focus ? 'focus' : 'same'
}

const RELATION_DISTANCE: Record<StyleRelation, number> = { same: 0, pace: 1, focus: 1, opposite: 2 }

/** For a blend, the closer of its two styles to the customer's: the one the learner can reach for. */
export function closestRelation(styles: readonly Style[], theirs: Style): StyleRelation | null {
	let best: StyleRelation | null = null
	for (const s of styles) {
		const r = styleRelation(s, theirs)
		if (best === null || RELATION_DISTANCE[r] < RELATION_DISTANCE[best]) best = r
	}
	return best
}

/** "a Director", "an Analyst". */
export function formatSteps(steps: readonly number[]): string {
	if (steps.length <= 1) return steps.join('')
	return `${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]}`
}

function matches(rule: FeedbackRule, predicate: (w: RuleCondition) => boolean) {
	return predicate(rule.when)
}

function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`)
}

export function buildDebrief(input: {
	scenario: Scenario
	machine: ScenarioMachine
	path: readonly PathStep[]
	profile: LearnerProfile
	rules?: readonly FeedbackRule[]
}): DebriefContent {
	const { scenario, profile } = input
	const rules = input.rules ?? FEEDBACK_RULES
	const replay = replayPath(scenario, input.machine, input.path)
	if (!replay.ending) throw new Error('A debrief needs a finished conversation.')
	const turns = replay.turns
	const customerStyle = scenario.persona.style
	const flex = flexSummary(turns)
	const stress = stressCounts(turns)
	const meterLabel = scenario.meters[scenario.pressure.meter]?.label.toLowerCase() ?? scenario.pressure.meter
	const base = {
		customer: scenario.persona.name,
		customerStyle: STYLE_NAMES[customerStyle],
		aCustomerStyle: withArticle(STYLE_NAMES[customerStyle]),
		ACustomerStyle: withArticle(STYLE_NAMES[customerStyle], true),
		wants: STYLE_WANTS[customerStyle],
		meter: meterLabel,
	}
	const feedback: FeedbackSentence[] = []
	const say = (
		rule: FeedbackRule | undefined,
		steps: number[],
		extra: Record<string, string> = {},
		tentative = false,
	) => {
		if (!rule || steps.length === 0) return
		feedback.push({
			ruleId: rule.id,
			text: fill(rule.text, {
				...base,
				...extra,
				steps: formatSteps(steps),
				decisions: `${steps.length > 1 ? 'decisions' : 'decision'} ${formatSteps(steps)}`,
			}),
			steps: [...steps],
			usesSelfAssessment: rule.usesSelfAssessment,
			tentative,
		})
	}
	const stepsWhere = (pred: (t: VisitedTurn) => boolean) => turns.filter(pred).map((t) => t.step)
	const replySteps = (pred: (t: VisitedTurn) => boolean) => stepsWhere((t) => t.kind === 'turn' && pred(t))

	// Flex rate, style-neutral.
	if (flex.rate !== null) {
		const rate = flex.rate
		const rule = rules.find((r) => matches(r, (w) => w.on === 'flex_rate' && rate >= w.atLeast && rate < w.below))
		const fitSteps = replySteps((t) => t.chosen.flex === 'fit')
		say(rule, rate > 0 && fitSteps.length ? fitSteps : replySteps(() => true))
	}

	// Learner's style × customer's style.
	const missSteps = replySteps((t) => t.chosen.flex === 'miss')
	const missed = missSteps.length > 0
	const steps = missed ? missSteps : replySteps((t) => t.chosen.flex === 'fit')
	if (profile && profile.styles.length > 0) {
		const relation = closestRelation(profile.styles, customerStyle)
		const rule = rules.find((r) =>
			matches(r, (w) => w.on === 'style' && w.relation === relation && w.missed === missed),
		)
		say(rule, steps, { yourStyle: profile.styles.map((s) => STYLE_NAMES[s]).join('–') })
	} else if (profile) {
		const rule = rules.find((r) => matches(r, (w) => w.on === 'balanced' && w.missed === missed))
		say(rule, steps)
	}

	// Stress-tagged replies chosen, by the level of that reaction in the learner's own profile.
	for (const reaction of STRESS_REACTIONS) {
		const level = profile ? profile.stress[reaction].level : 'none'
		const tentative = profile ? profile.stress[reaction].borderline : false
		const extra = {
			reaction: STRESS_REACTION_NAMES[reaction].toLowerCase(),
			deed: STRESS_DEEDS[reaction],
			tactic: STRESS_TACTICS[reaction],
		}
		for (const underPressure of [true, false]) {
			const chosen = stepsWhere((t) => t.chosen.stress === reaction && t.underPressure === underPressure)
			const rule = rules.find((r) =>
				matches(
					r,
					(w) =>
						w.on === 'stress_chosen' &&
						w.reaction === reaction &&
						w.level === level &&
						w.underPressure === underPressure,
				),
			)
			say(rule, chosen, extra, tentative)
		}
		if (level === 'elevated') {
			const resisted = stepsWhere(
				(t) => t.underPressure && t.shown.some((c) => c.stress === reaction) && t.chosen.stress !== reaction,
			)
			const rule = rules.find((r) => matches(r, (w) => w.on === 'stress_resisted' && w.reaction === reaction))
			say(rule, resisted, extra, tentative)
		}
	}

	// The pre-brief's tip, and whether a reply that tries it was chosen (or at least on offer).
	const tip = pickTip(scenario.prebrief, profile?.styles ?? [])
	if (tip) {
		const forYourStyle = Boolean(profile && tip.for?.some((s) => profile.styles.includes(s)))
		const tried = stepsWhere((t) => t.kind === 'turn' && t.chosen.tries === tip.id)
		const offered = stepsWhere((t) => t.kind === 'turn' && t.shown.some((c) => c.tries === tip.id))
		const rule = rules.find((r) =>
			matches(r, (w) => w.on === 'prebrief' && w.tried === tried.length > 0 && w.forYourStyle === forYourStyle),
		)
		say(rule, tried.length ? tried : offered, { tip: tip.text })
	}

	const notices: DebriefNotice[] = []
	const notice = (n: (typeof NOTICE_RULES)[keyof typeof NOTICE_RULES]) =>
		notices.push({ ruleId: n.id, text: n.text, usesSelfAssessment: n.usesSelfAssessment })
	if (!profile) notice(NOTICE_RULES.noProfile)
	else if (profile.flagged) notice(NOTICE_RULES.flagged)

	return {
		rulesVersion: RULES_VERSION,
		resultId: profile?.resultId ?? null,
		scenario: { id: scenario.id, title: scenario.title, customer: scenario.persona.name, customerStyle },
		outcome: replay.ending.outcome,
		ending: { id: replay.ending.id, title: replay.ending.title, text: replay.ending.debrief },
		meters: Object.entries(scenario.meters).map(([id, m]) => ({
			id,
			label: m.label,
			min: m.min,
			max: m.max,
			values: replay.meterSeries.map((s) => s[id] ?? m.start),
		})),
		pressure: { ...scenario.pressure },
		skills: skillScores(turns),
		flex,
		stress,
		decisions: revisitDecisions(turns),
		feedback,
		notices,
	}
}

/** A coach's copy leaves out every sentence drawn from the self-assessment unless the learner shares their style. */
export function coachCopy(content: DebriefContent, learnerSharesStyle: boolean): DebriefContent {
	if (learnerSharesStyle) return content
	return {
		...content,
		resultId: null,
		feedback: content.feedback.filter((f) => !f.usesSelfAssessment),
		notices: content.notices.filter((n) => !n.usesSelfAssessment),
	}
}
