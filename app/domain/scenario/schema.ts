import { z } from 'zod'
import { audiences, channels, customerStyles, difficulties } from '#app/domain/practice/catalogue.ts'
import { STRESS_REACTIONS, STYLES } from '#app/domain/style.ts'
import { outcomes } from '#app/domain/practice/outcomes.ts'
import { skills } from '#app/domain/practice/skills.ts'
import { conditionSchema, NAME_PATTERN } from '#app/domain/scenario/conditions.ts'

// The one place for every text limit, so the checker, the authoring guide and the UI agree.
export const TEXT_LIMITS = {
	title: 80,
	summary: 280,
	personaName: 300,
	mood: 300,
	wants: 300,
	backstory: 600,
	narration: 400,
	says: 600,
	choiceText: 240,
	why: 240,
	endingTitle: 100,
	debrief: 1200,
	meterLabel: 40,
	cueQuestion: 200,
	cueText: 160,
	apartLine: 240,
	tip: 240,
} as const

export const LIMITS = {
	minutes: { min: 2, max: 60 },
	meters: { min: 1, max: 4 },
	choices: { min: 2, max: 4 },
	evidence: { min: -2, max: 2 },
	effect: { min: -100, max: 100 },
	// Replies before the authored "ran out of time" ending; also the longest path a stored
	// attempt may hold, so what the engine writes is always readable back.
	maxReplies: { min: 2, max: 100 },
	idLength: 60,
	// A list of variants: the default plus up to this many conditional lines.
	variants: { max: 6 },
	cueOptions: { min: 2, max: 4 },
	apartLines: { min: 1, max: 3 },
	tips: { min: 1, max: 4 },
	nameLength: 40,
} as const

export const stressReactions = STRESS_REACTIONS
export const flexTags = ['fit', 'neutral', 'miss'] as const
export const nodeTypes = ['turn', 'cue', 'branch', 'ending'] as const
// `when: under_pressure` on a variant: the scenario's pressure meter is below its threshold.
export const UNDER_PRESSURE = 'under_pressure'
// What a cue moment asks when it does not say otherwise.
export const DEFAULT_CUE_QUESTION = 'What is this customer signalling right now?'
export const GOOD_OUTCOME = 'resolved' satisfies (typeof outcomes)[number]
// Always in play: it is computed from the flex tags, so a scenario need not list it.
export const IMPLIED_SKILL = 'style_flex' satisfies (typeof skills)[number]
// `any` is the OR keyword inside conditions, so no meter or flag may be called that.
export const RESERVED_NAMES = ['any'] as const

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const kebabId = (what: string) =>
	z
		.string()
		.max(LIMITS.idLength, `is too long (at most ${LIMITS.idLength} characters)`)
		.regex(
			KEBAB,
			`${what} must be kebab-case: lower-case letters and digits joined by single dashes, like "check-account"`,
		)

const nodeRef = kebabId('a node name')

const name = (what: string) =>
	z
		.string()
		.max(LIMITS.nameLength, `is too long (at most ${LIMITS.nameLength} characters)`)
		.regex(NAME_PATTERN, `${what} must be lower-case letters, digits and _, starting with a letter, like "patience"`)
		.refine(
			(n) => !(RESERVED_NAMES as readonly string[]).includes(n),
			`"any" is reserved for conditions; pick another name`,
		)

const text = (max: number) => z.string().trim().min(1).max(max)

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values)

const choiceSchema = z.strictObject({
	id: kebabId('a choice id'),
	text: text(TEXT_LIMITS.choiceText),
	to: nodeRef,
	effects: z.record(z.string(), z.number().int().min(LIMITS.effect.min).max(LIMITS.effect.max)).optional(),
	set: z.record(z.string(), z.boolean()).optional(),
	evidence: z
		.partialRecord(oneOf(skills), z.number().int().min(LIMITS.evidence.min).max(LIMITS.evidence.max))
		.optional(),
	flex: oneOf(flexTags),
	stress: oneOf(stressReactions).optional(),
	when: conditionSchema.optional(),
	why: text(TEXT_LIMITS.why),
	// The pre-brief tip this reply tries (prebrief.tips[].id): the debrief asks "did you try it?".
	tries: kebabId('a tip id').optional(),
})

// A variant's condition: a condition over meters and flags, or the shorthand `under_pressure`.
const variantWhen = z.union([z.literal(UNDER_PRESSURE), conditionSchema], {
	error: () => `must be ${UNDER_PRESSURE} or a condition, like { patience: { lt: 20 } } or { refund_promised: true }`,
})

// When the variant is shown before a cue moment, the right reading of this line (and why).
const cueReadingSchema = z.strictObject({ answer: kebabId('a cue answer'), why: text(TEXT_LIMITS.why) })

const variantSchema = (max: number) =>
	z.strictObject({ when: variantWhen.optional(), text: text(max), cue: cueReadingSchema.optional() })

// A line is plain text, or a list of variants chosen when the node is entered: the first whose
// `when` holds, else the last, which has no `when` (the default line).
const linesSchema = (max: number) =>
	z.union(
		[
			text(max),
			z
				.array(variantSchema(max))
				.min(2, 'a list of variants needs at least two: the conditional lines, then a default without `when`')
				.max(LIMITS.variants.max, `at most ${LIMITS.variants.max} variants`)
				.superRefine((list, ctx) => {
					list.forEach((v, i) => {
						const last = i === list.length - 1
						if (last && v.when !== undefined)
							ctx.addIssue({
								code: 'custom',
								path: [i, 'when'],
								message: 'the last variant is the default line: remove its `when` (or add a default after it)',
							})
						if (!last && v.when === undefined)
							ctx.addIssue({
								code: 'custom',
								path: [i],
								message: 'needs a `when`: only the last variant, the default, may go without one',
							})
					})
				}),
		],
		{
			error: (iss) =>
				iss.input === undefined
					? 'is required'
					: `must be text, or a list of variants (each with text:, and when: on all but the last)`,
		},
	)

const choicesCount = `a turn needs ${LIMITS.choices.min} to ${LIMITS.choices.max} choices`

const turnSchema = z.strictObject({
	type: z.literal('turn'),
	narration: linesSchema(TEXT_LIMITS.narration).optional(),
	says: linesSchema(TEXT_LIMITS.says),
	choices: z
		.array(choiceSchema, {
			error: (iss) => (iss.code === 'invalid_type' ? `${choicesCount}, as a list under "choices:"` : undefined),
		})
		.min(LIMITS.choices.min, {
			error: (iss) => `${choicesCount} (it has ${Array.isArray(iss.input) ? iss.input.length : 0})`,
		})
		.max(LIMITS.choices.max, {
			error: (iss) => `${choicesCount} (it has ${Array.isArray(iss.input) ? iss.input.length : 0})`,
		}),
})

const cueOptionSchema = z.strictObject({ id: kebabId('a cue id'), text: text(TEXT_LIMITS.cueText) })

// A cue-reading moment: before replying to the customer's line in the turn `to` names, the
// learner says what the customer is signalling, from the four styles or a list of cues.
const cueSchema = z.strictObject({
	type: z.literal('cue'),
	question: text(TEXT_LIMITS.cueQuestion).optional(),
	options: z.union([
		z.literal('styles'),
		z
			.array(cueOptionSchema)
			.min(LIMITS.cueOptions.min, `a cue moment needs ${LIMITS.cueOptions.min} to ${LIMITS.cueOptions.max} cues`)
			.max(LIMITS.cueOptions.max, `a cue moment needs ${LIMITS.cueOptions.min} to ${LIMITS.cueOptions.max} cues`),
	]),
	// The right reading: a style (defaults to the persona's) or a cue id; a line variant may override it.
	answer: kebabId('a cue answer').optional(),
	why: text(TEXT_LIMITS.why),
	to: nodeRef,
})

const branchSchema = z.strictObject({
	type: z.literal('branch'),
	branches: z
		.array(z.strictObject({ if: conditionSchema, to: nodeRef }))
		.min(1, 'a branch needs at least one `if:` condition (or make it a plain link with a turn)'),
	else: z
		.string({
			error: (iss) =>
				iss.input === undefined ? 'a branch needs an `else:` — where to go when no condition holds' : undefined,
		})
		.pipe(nodeRef),
})

const endingSchema = z.strictObject({
	type: z.literal('ending'),
	outcome: oneOf(outcomes),
	title: text(TEXT_LIMITS.endingTitle),
	debrief: text(TEXT_LIMITS.debrief),
})

const nodeSchema = z.discriminatedUnion('type', [turnSchema, cueSchema, branchSchema, endingSchema], {
	error: (iss) => (iss.code === 'invalid_union' ? `type must be one of: ${nodeTypes.join(', ')}` : undefined),
})

const meterSchema = z
	.strictObject({
		label: text(TEXT_LIMITS.meterLabel),
		start: z.number().int(),
		min: z.number().int(),
		max: z.number().int(),
	})
	.superRefine((m, ctx) => {
		if (m.min >= m.max) ctx.addIssue({ code: 'custom', path: ['max'], message: `must be more than min (${m.min})` })
		else if (m.start < m.min || m.start > m.max) {
			ctx.addIssue({ code: 'custom', path: ['start'], message: `must be between min (${m.min}) and max (${m.max})` })
		}
	})

const uniqueList = <T extends z.ZodType<string>>(item: T, what: string) =>
	z.array(item).superRefine((list, ctx) => {
		list.forEach((v, i) => {
			if (list.indexOf(v) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `${what} "${v}" is listed twice` })
		})
	})

export const personaSchema = z.strictObject({
	name: text(TEXT_LIMITS.personaName),
	style: oneOf(customerStyles),
	mood: text(TEXT_LIMITS.mood),
	wants: text(TEXT_LIMITS.wants),
	backstory: text(TEXT_LIMITS.backstory),
})

// "You and this customer", shown on the intro page and revisited in the debrief.
export const prebriefSchema = z.strictObject({
	// Where a learner of each style pulls apart from this customer (1–3 lines per learner style).
	apart: z
		.partialRecord(
			oneOf(STYLES),
			z
				.array(text(TEXT_LIMITS.apartLine))
				.min(LIMITS.apartLines.min)
				.max(LIMITS.apartLines.max, `at most ${LIMITS.apartLines.max} lines`),
		)
		.optional(),
	// Things to try; replies tagged `tries: <id>` try them. A tip with `for` suits those learner styles.
	tips: z
		.array(
			z.strictObject({
				id: kebabId('a tip id'),
				text: text(TEXT_LIMITS.tip),
				for: uniqueList(oneOf(STYLES), 'style').min(1).optional(),
			}),
		)
		.min(LIMITS.tips.min, 'list at least one tip')
		.max(LIMITS.tips.max, `at most ${LIMITS.tips.max} tips`),
})

export const scenarioSchema = z
	.strictObject({
		id: kebabId('the scenario id'),
		title: text(TEXT_LIMITS.title),
		summary: text(TEXT_LIMITS.summary),
		audience: oneOf(audiences),
		channel: oneOf(channels),
		minutes: z.number().int().min(LIMITS.minutes.min).max(LIMITS.minutes.max),
		difficulty: oneOf(difficulties),
		persona: personaSchema,
		skills: uniqueList(oneOf(skills), 'skill').min(1, 'list at least one skill in play'),
		meters: z.record(name('a meter name'), meterSchema).superRefine((m, ctx) => {
			const n = Object.keys(m).length
			if (n < LIMITS.meters.min || n > LIMITS.meters.max) {
				ctx.addIssue({
					code: 'custom',
					message: `needs ${LIMITS.meters.min} to ${LIMITS.meters.max} meters (it has ${n})`,
				})
			}
		}),
		// The meter whose fall means "this customer is under pressure" (DESIGN §7): backup-behaviour
		// variants and "under pressure" feedback rules read it.
		pressure: z.strictObject({ meter: name('a meter name'), below: z.number().int() }),
		flags: uniqueList(name('a flag name'), 'flag').optional(),
		prebrief: prebriefSchema.optional(),
		// A runaway conversation ends cleanly: after this many replies the engine routes to the
		// `outOfTime` ending (branches do not count).
		maxReplies: z.number().int().min(LIMITS.maxReplies.min).max(LIMITS.maxReplies.max),
		outOfTime: nodeRef,
		start: nodeRef,
		nodes: z.record(nodeRef, nodeSchema),
	})
	.superRefine((s, ctx) => {
		const pressureMeter = s.meters[s.pressure.meter]
		if (!pressureMeter) {
			ctx.addIssue({
				code: 'custom',
				path: ['pressure', 'meter'],
				message: `undeclared meter "${s.pressure.meter}"; name one of: ${Object.keys(s.meters).join(', ')}`,
			})
		} else if (s.pressure.below <= pressureMeter.min || s.pressure.below > pressureMeter.max) {
			ctx.addIssue({
				code: 'custom',
				path: ['pressure', 'below'],
				message: `must be above the meter's min (${pressureMeter.min}) and at most its max (${pressureMeter.max})`,
			})
		}
		s.prebrief?.tips.forEach((t, i) => {
			if (s.prebrief!.tips.findIndex((u) => u.id === t.id) !== i)
				ctx.addIssue({
					code: 'custom',
					path: ['prebrief', 'tips', i, 'id'],
					message: `tip id "${t.id}" is listed twice`,
				})
		})
		// A condition key must mean one thing: either a meter or a flag.
		s.flags?.forEach((f, i) => {
			if (f in s.meters) ctx.addIssue({ code: 'custom', path: ['flags', i], message: `"${f}" is already a meter name` })
		})
	})

export type Scenario = z.infer<typeof scenarioSchema>
export type Persona = Scenario['persona']
export type Meter = Scenario['meters'][string]
export type ScenarioNode = Scenario['nodes'][string]
export type TurnNode = Extract<ScenarioNode, { type: 'turn' }>
export type BranchNode = Extract<ScenarioNode, { type: 'branch' }>
export type EndingNode = Extract<ScenarioNode, { type: 'ending' }>
export type CueNode = Extract<ScenarioNode, { type: 'cue' }>
export type Lines = TurnNode['says']
export type Variant = Exclude<Lines, string>[number]
export type Prebrief = NonNullable<Scenario['prebrief']>
export type Choice = TurnNode['choices'][number]
export type FlexTag = (typeof flexTags)[number]
export type { StressReaction } from '#app/domain/style.ts'

// Every field name the format knows, for "did you mean" hints on unknown fields.
export const KNOWN_FIELDS: readonly string[] = [
	...Object.keys(scenarioSchema.shape),
	...Object.keys(personaSchema.shape),
	...Object.keys(choiceSchema.shape),
	...Object.keys(turnSchema.shape),
	...Object.keys(branchSchema.shape),
	...Object.keys(endingSchema.shape),
	...Object.keys(cueSchema.shape),
	...Object.keys(prebriefSchema.shape),
	'for',
	'answer',
	'label',
	'start',
	'min',
	'max',
	'if',
]

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
	}
	return JSON.stringify(value)
}

// Stable JSON of a validated scenario (keys sorted, list order kept): the same content always
// gives the same string, so hashing it identifies a scenario version regardless of YAML layout.
export function canonicalScenarioJson(scenario: Scenario): string {
	return canonical(scenario)
}

/** The same canonical form for any stored JSON value (a version written by an older format). */
export function canonicalJson(value: unknown): string {
	return canonical(value)
}
