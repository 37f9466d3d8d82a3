import { z } from 'zod'
import { audiences, channels, customerStyles, difficulties } from '#app/domain/practice/catalogue.ts'
import { outcomes } from '#app/domain/practice/outcomes.ts'
import { skills } from '#app/domain/practice/skills.ts'

// One place for every text limit, so the checker, the guide and the UI agree.
export const TEXT_LIMITS = {
	title: 80,
	summary: 280,
	persona: 300,
	backstory: 600,
	narration: 400,
	says: 600,
	choiceText: 240,
	why: 240,
	endingTitle: 100,
	debrief: 1200,
	label: 40,
} as const

export const stressReactions = ['take_over', 'push_harder', 'give_in', 'withdraw'] as const
export const flexTags = ['fit', 'neutral', 'miss'] as const

const kebabId = z
	.string({ error: 'must be a text id' })
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes')
	.max(80, 'must be at most 80 characters')

const text = (max: number) =>
	z
		.string({ error: 'must be text' })
		.trim()
		.min(1, 'must not be empty')
		.max(max, `is too long (at most ${max} characters)`)

const comparisonSchema = z
	.strictObject(
		{
			lt: z.number().optional(),
			lte: z.number().optional(),
			gt: z.number().optional(),
			gte: z.number().optional(),
			eq: z.number().optional(),
		},
		{ error: 'must compare a meter with lt, lte, gt, gte or eq' },
	)
	.refine((c) => Object.values(c).some((v) => v !== undefined), 'needs at least one of lt, lte, gt, gte, eq')

export type Comparison = z.infer<typeof comparisonSchema>

// Conditions are data: meter comparisons and flag values, ANDed; `any` gives OR.
export type Condition = { any?: Condition[] } & { [key: string]: Comparison | boolean | Condition[] | undefined }

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z
		.record(z.string(), z.union([comparisonSchema, z.boolean(), z.array(conditionSchema)]))
		.superRefine((cond, ctx) => {
			for (const [key, value] of Object.entries(cond)) {
				if (key === 'any' && !Array.isArray(value)) {
					ctx.addIssue({ code: 'custom', path: [key], message: '`any` must be a list of conditions' })
				}
				if (key !== 'any' && Array.isArray(value)) {
					ctx.addIssue({ code: 'custom', path: [key], message: 'only `any` may hold a list of conditions' })
				}
			}
		}),
)

const choiceSchema = z.strictObject({
	id: kebabId,
	text: text(TEXT_LIMITS.choiceText),
	to: kebabId,
	effects: z.record(z.string(), z.number().int().min(-100).max(100)).optional(),
	set: z.record(z.string(), z.boolean()).optional(),
	evidence: z.record(z.string(), z.number().int().min(-2).max(2)).optional(),
	flex: z.enum(flexTags, { error: 'must be fit, neutral or miss' }),
	stress: z.enum(stressReactions, { error: 'must be take_over, push_harder, give_in or withdraw' }).optional(),
	when: conditionSchema.optional(),
	why: text(TEXT_LIMITS.why),
})

const turnSchema = z.strictObject({
	type: z.literal('turn'),
	narration: text(TEXT_LIMITS.narration).optional(),
	says: text(TEXT_LIMITS.says),
	choices: z.array(choiceSchema, { error: 'a turn needs a list of choices' }),
})

const branchSchema = z.strictObject({
	type: z.literal('branch'),
	branches: z.array(z.strictObject({ if: conditionSchema, to: kebabId })).min(1, 'needs at least one condition'),
	else: kebabId.optional(),
})

const endingSchema = z.strictObject({
	type: z.literal('ending'),
	outcome: z.enum(outcomes, { error: 'must be resolved, partly_resolved, escalated or lost' }),
	title: text(TEXT_LIMITS.endingTitle),
	debrief: text(TEXT_LIMITS.debrief),
})

const nodeSchema = z.discriminatedUnion('type', [turnSchema, branchSchema, endingSchema], {
	error: 'type must be turn, branch or ending',
})

const meterSchema = z
	.strictObject({
		label: text(TEXT_LIMITS.label),
		start: z.number().int(),
		min: z.number().int(),
		max: z.number().int(),
	})
	.refine((m) => m.min < m.max && m.start >= m.min && m.start <= m.max, 'needs min < max and start between them')

export const scenarioSchema = z.strictObject({
	id: kebabId,
	title: text(TEXT_LIMITS.title),
	summary: text(TEXT_LIMITS.summary),
	audience: z.enum(audiences, { error: `must be one of ${audiences.join(', ')}` }),
	channel: z.enum(channels, { error: `must be one of ${channels.join(', ')}` }),
	minutes: z.number().int().min(2).max(60),
	difficulty: z.enum(difficulties, { error: `must be one of ${difficulties.join(', ')}` }),
	persona: z.strictObject({
		name: text(TEXT_LIMITS.persona),
		style: z.enum(customerStyles, { error: `must be one of ${customerStyles.join(', ')}` }),
		mood: text(TEXT_LIMITS.persona),
		wants: text(TEXT_LIMITS.persona),
		backstory: text(TEXT_LIMITS.backstory),
	}),
	skills: z.array(z.enum(skills, { error: `must be one of ${skills.join(', ')}` })).min(1),
	meters: z
		.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'meter names are lower_snake_case'), meterSchema)
		.refine((m) => Object.keys(m).length >= 1 && Object.keys(m).length <= 4, 'needs 1 to 4 meters'),
	flags: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'flag names are lower_snake_case')).optional(),
	start: kebabId,
	nodes: z.record(kebabId, nodeSchema),
})

export type Scenario = z.infer<typeof scenarioSchema>
export type ScenarioNode = Scenario['nodes'][string]
export type TurnNode = Extract<ScenarioNode, { type: 'turn' }>
export type BranchNode = Extract<ScenarioNode, { type: 'branch' }>
export type EndingNode = Extract<ScenarioNode, { type: 'ending' }>
export type Choice = TurnNode['choices'][number]

// Stable JSON (sorted keys): the same scenario always hashes to the same version.
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
	}
	return JSON.stringify(value)
}
