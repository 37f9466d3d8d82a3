import { z } from 'zod'
import { STRESS_REACTIONS, type StressReaction } from '#app/domain/style.ts'
import { STRESS_LEVELS } from '#app/domain/feedback/profile.ts'

// Feedback rules are data: a typed table, checked with a zod schema, each rule with a stable id.
// A debrief stores RULES_VERSION, so editing this table never silently rewrites an old debrief:
// bump the version whenever a rule's meaning or wording changes.
export const RULES_VERSION = '2026-12-02.2'

// How the learner's style relates to the customer's: the same, apart on pace (asks/tells) only,
// apart on focus (task/people) only, or apart on both.
export const STYLE_RELATIONS = ['same', 'pace', 'focus', 'opposite'] as const
export type StyleRelation = (typeof STYLE_RELATIONS)[number]

const reaction = z.enum(STRESS_REACTIONS)

const whenSchema = z.discriminatedUnion('on', [
	// The learner's style (or either style of a blend) × the customer's style, and whether any
	// reply in this conversation missed what the customer's style needs.
	z.strictObject({ on: z.literal('style'), relation: z.enum(STYLE_RELATIONS), missed: z.boolean() }),
	z.strictObject({ on: z.literal('balanced'), missed: z.boolean() }),
	// A stress-tagged reply the learner chose, by the level of that reaction in their profile
	// ('none' = no assessment result) and whether the pressure meter was below its threshold.
	z.strictObject({
		on: z.literal('stress_chosen'),
		reaction,
		level: z.enum([...STRESS_LEVELS, 'none']),
		underPressure: z.boolean(),
	}),
	// An elevated reaction that was on offer under pressure and that the learner did not choose.
	z.strictObject({ on: z.literal('stress_resisted'), reaction }),
	// The pre-brief's tip: whether a reply tagged `tries: <tip>` was chosen, and whether the tip was
	// picked for the learner's own style (their self-assessment) or is the one for everyone.
	z.strictObject({ on: z.literal('prebrief'), tried: z.boolean(), forYourStyle: z.boolean() }),
	// The style-flex rate in this conversation (style-neutral, always available).
	z.strictObject({ on: z.literal('flex_rate'), atLeast: z.number().min(0).max(1), below: z.number().min(0).max(1.01) }),
])

export const ruleSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9_]+)*$/),
	when: whenSchema,
	// Placeholders: {tip} {customer} {customerStyle} {aCustomerStyle} {ACustomerStyle} {wants} {yourStyle} {reaction} {tactic} {meter} {steps} {decisions}
	text: z.string().min(10).max(400),
	/** The sentence draws on the self-assessment, so a coach's copy leaves it out (DESIGN §7). */
	usesSelfAssessment: z.boolean(),
})

export type FeedbackRule = z.infer<typeof ruleSchema>
export type RuleCondition = FeedbackRule['when']

// What to try instead of each backup reaction.
export const STRESS_TACTICS: Record<StressReaction, string> = {
	take_over: 'ask one question and let them choose between two options before you decide for them',
	push_harder: 'lower your pace, name their point back to them, then make yours once',
	give_in: 'check what you can actually deliver before you agree, and say "let me check that first" out loud',
	withdraw: 'say what you will do next and by when, even if the full answer needs more detail',
}

// What each reaction looked like in a reply, in plain past tense.
export const STRESS_DEEDS: Record<StressReaction, string> = {
	take_over: 'took the decision over',
	push_harder: 'pushed your point harder',
	give_in: 'gave ground to ease the tension',
	withdraw: 'stepped back into detail or process',
}

const styleRules: FeedbackRule[] = [
	{
		id: 'style.same.missed',
		when: { on: 'style', relation: 'same', missed: true },
		text: 'You and {customer} share {aCustomerStyle} style, which can make it easy to assume you know what they need. In this conversation some replies still missed it ({decisions}): {customer} wanted {wants}.',
		usesSelfAssessment: true,
	},
	{
		id: 'style.same.fit',
		when: { on: 'style', relation: 'same', missed: false },
		text: 'You and {customer} share {aCustomerStyle} style, and in this conversation your replies kept to what they wanted: {wants}.',
		usesSelfAssessment: true,
	},
	{
		id: 'style.pace.missed',
		when: { on: 'style', relation: 'pace', missed: true },
		text: 'Your self-assessment places you at a different pace from {aCustomerStyle} customer. In this conversation the pace showed at {decisions}: match theirs before you move on.',
		usesSelfAssessment: true,
	},
	{
		id: 'style.pace.fit',
		when: { on: 'style', relation: 'pace', missed: false },
		text: 'Your self-assessment places you at a different pace from {aCustomerStyle} customer, and in this conversation you matched theirs well.',
		usesSelfAssessment: true,
	},
	{
		id: 'style.focus.missed',
		when: { on: 'style', relation: 'focus', missed: true },
		text: 'Your self-assessment leans the other way from {customer} on task versus people. In this conversation that gap showed at {decisions}: {customer} wanted {wants}.',
		usesSelfAssessment: true,
	},
	{
		id: 'style.focus.fit',
		when: { on: 'style', relation: 'focus', missed: false },
		text: 'Your self-assessment leans the other way from {customer} on task versus people, and in this conversation you bridged it: you gave them {wants}.',
		usesSelfAssessment: true,
	},
	{
		id: 'style.opposite.missed',
		when: { on: 'style', relation: 'opposite', missed: true },
		text: '{ACustomerStyle} customer sits opposite your self-assessed style on both pace and focus, the hardest stretch. In this conversation it showed at {decisions}; {customer} wanted {wants}.',
		usesSelfAssessment: true,
	},
	{
		id: 'style.opposite.fit',
		when: { on: 'style', relation: 'opposite', missed: false },
		text: '{ACustomerStyle} customer sits opposite your self-assessed style on both pace and focus, and in this conversation you flexed all the way across. That is the hardest stretch there is.',
		usesSelfAssessment: true,
	},
	{
		id: 'style.balanced.missed',
		when: { on: 'balanced', missed: true },
		text: 'Your self-assessment puts you near the centre, so you can move in any direction. In this conversation, {decisions} did not give {customer} what {aCustomerStyle} customer wants: {wants}.',
		usesSelfAssessment: true,
	},
	{
		id: 'style.balanced.fit',
		when: { on: 'balanced', missed: false },
		text: 'Your self-assessment puts you near the centre, and in this conversation you used that range to give {customer} what {aCustomerStyle} customer wants.',
		usesSelfAssessment: true,
	},
]

const stressRules: FeedbackRule[] = STRESS_REACTIONS.flatMap((r): FeedbackRule[] => [
	{
		id: `stress.${r}.elevated.pressure`,
		when: { on: 'stress_chosen', reaction: r, level: 'elevated', underPressure: true },
		text: 'Your self-assessment says that when a conversation turns tense you tend to {reaction}. In this conversation, with {meter} low, you {deed} ({decisions}). Next time: {tactic}.',
		usesSelfAssessment: true,
	},
	{
		id: `stress.${r}.elevated.calm`,
		when: { on: 'stress_chosen', reaction: r, level: 'elevated', underPressure: false },
		text: 'Your self-assessment names "{reaction}" as a reaction you tend to have under stress, and in this conversation you {deed} even before the pressure rose ({decisions}). Next time: {tactic}.',
		usesSelfAssessment: true,
	},
	...(['typical', 'low'] as const).flatMap((level): FeedbackRule[] =>
		[true, false].map((underPressure) => ({
			id: `stress.${r}.${level}.${underPressure ? 'pressure' : 'calm'}`,
			when: { on: 'stress_chosen', reaction: r, level, underPressure },
			text: `In this conversation you {deed}${underPressure ? ' with {meter} low' : ''} ({decisions}), a reaction your self-assessment did not flag. Worth noticing; next time: {tactic}.`,
			usesSelfAssessment: true,
		})),
	),
	...[true, false].map((underPressure): FeedbackRule => ({
		id: `stress.${r}.none.${underPressure ? 'pressure' : 'calm'}`,
		when: { on: 'stress_chosen', reaction: r, level: 'none', underPressure },
		text: `In this conversation you {deed}${underPressure ? ' while {meter} was low' : ''} ({decisions}). Next time: {tactic}.`,
		usesSelfAssessment: false,
	})),
	{
		id: `stress.${r}.resisted`,
		when: { on: 'stress_resisted', reaction: r },
		text: 'Your self-assessment names "{reaction}" as a reaction you tend to have under stress. In this conversation it was on offer while {meter} was low ({decisions}) and you did not take it. Well done.',
		usesSelfAssessment: true,
	},
])

const flexRules: FeedbackRule[] = [
	{
		id: 'flex.strong',
		when: { on: 'flex_rate', atLeast: 0.75, below: 1.01 },
		text: 'In this conversation most of your replies fit what {customer} needed as {aCustomerStyle} customer: {wants}.',
		usesSelfAssessment: false,
	},
	{
		id: 'flex.mixed',
		when: { on: 'flex_rate', atLeast: 0.4, below: 0.75 },
		text: 'In this conversation about half of your replies fit what {customer} needed as {aCustomerStyle} customer ({wants}). The ones that did not are marked below.',
		usesSelfAssessment: false,
	},
	{
		id: 'flex.low',
		when: { on: 'flex_rate', atLeast: 0, below: 0.4 },
		text: 'In this conversation few replies fit what {customer} needed as {aCustomerStyle} customer: {wants}. Listen for those cues first next time.',
		usesSelfAssessment: false,
	},
]

// The debrief comes back to the pre-brief: did they try the one thing suggested? A tip picked
// for the learner's own style draws on the self-assessment, so a coach's copy leaves it out.
const prebriefRules: FeedbackRule[] = [
	{
		id: 'prebrief.yours.tried',
		when: { on: 'prebrief', tried: true, forYourStyle: true },
		text: 'Before you started, the thing to try with {customer}, given your style, was: "{tip}" You tried it at {decisions}.',
		usesSelfAssessment: true,
	},
	{
		id: 'prebrief.yours.not-tried',
		when: { on: 'prebrief', tried: false, forYourStyle: true },
		text: 'Before you started, the thing to try with {customer}, given your style, was: "{tip}" You had the chance at {decisions} and chose otherwise; look for that reply next time.',
		usesSelfAssessment: true,
	},
	{
		id: 'prebrief.any.tried',
		when: { on: 'prebrief', tried: true, forYourStyle: false },
		text: 'The thing to try with {customer} was: "{tip}" You tried it at {decisions}.',
		usesSelfAssessment: false,
	},
	{
		id: 'prebrief.any.not-tried',
		when: { on: 'prebrief', tried: false, forYourStyle: false },
		text: 'The thing to try with {customer} was: "{tip}" You had the chance at {decisions} and chose otherwise; look for that reply next time.',
		usesSelfAssessment: false,
	},
]

export const FEEDBACK_RULES: readonly FeedbackRule[] = z
	.array(ruleSchema)
	.superRefine((rules, ctx) => {
		const seen = new Set<string>()
		rules.forEach((r, i) => {
			if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id "${r.id}"` })
			seen.add(r.id)
		})
	})
	.parse([...flexRules, ...styleRules, ...stressRules, ...prebriefRules])

// Notices are not feedback about decisions, but they carry ids too.
export const NOTICE_RULES = {
	noProfile: {
		id: 'notice.no-profile',
		text: 'This feedback is about the conversation only. Take the self-assessment and later debriefs will connect what you did to how you tend to communicate.',
		usesSelfAssessment: false,
	},
	flagged: {
		id: 'notice.flagged-result',
		text: 'Your latest self-assessment was flagged for answer quality, so treat the sentences drawn from it as a tentative reading, not a verdict. A retake makes them firmer.',
		usesSelfAssessment: true,
	},
} as const
