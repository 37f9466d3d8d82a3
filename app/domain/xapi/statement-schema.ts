import { z } from 'zod'

// The xAPI 1.0.3 statement rules (Data Model, part two of the specification) that a statement an
// LRP sends must follow, as a zod schema: used to check Attune's exports in tests. It covers the
// parts Attune uses and the common rules around them: exactly one inverse functional identifier
// per Agent, IRIs for verb/activity/extension ids, language maps, score bounds, ISO 8601
// durations and timestamps, UUID ids, no unknown properties.

const iri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/, 'must be an IRI (scheme:…)')
// The specification's own examples use UUIDs outside RFC 4122's variant ("12345678-1234-5678-1234-567812345678"),
// and LRSs accept them, so only the textual form is checked.
const uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/)
// RFC 5646 language tags, loosely: primary subtag plus optional subtags.
const languageTag = z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'must be an RFC 5646 language tag')
const languageMap = z.record(languageTag, z.string())
const extensions = z.record(iri, z.unknown())
const isoDuration = z
	.string()
	.regex(
		/^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/,
	)
const timestamp = z.iso.datetime({ offset: true })

const ifiKeys = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const
const ifi = {
	mbox: z
		.string()
		.regex(/^mailto:[^@\s]+@[^@\s]+$/, 'mbox must be a mailto: IRI')
		.optional(),
	mbox_sha1sum: z
		.string()
		.regex(/^[0-9a-f]{40}$/)
		.optional(),
	openid: iri.optional(),
	account: z.strictObject({ homePage: iri, name: z.string().min(1) }).optional(),
}
const countIfis = (v: Record<string, unknown>) => ifiKeys.filter((k) => v[k] !== undefined).length

export const agentSchema = z
	.strictObject({ objectType: z.literal('Agent').optional(), name: z.string().optional(), ...ifi })
	.refine((a) => countIfis(a) === 1, 'an Agent has exactly one inverse functional identifier')

const groupSchema = z
	.strictObject({
		objectType: z.literal('Group'),
		name: z.string().optional(),
		member: z.array(agentSchema).optional(),
		...ifi,
	})
	.refine((g) => countIfis(g) <= 1, 'a Group has at most one inverse functional identifier')
	.refine((g) => countIfis(g) === 1 || (g.member?.length ?? 0) > 0, 'an anonymous Group lists its members')

const actorSchema = z.union([agentSchema, groupSchema])

const verbSchema = z.strictObject({ id: iri, display: languageMap.optional() })

const interactionComponent = z.strictObject({ id: z.string().min(1), description: languageMap.optional() })
const activityDefinition = z.strictObject({
	name: languageMap.optional(),
	description: languageMap.optional(),
	type: iri.optional(),
	moreInfo: iri.optional(),
	extensions: extensions.optional(),
	interactionType: z
		.enum([
			'true-false',
			'choice',
			'fill-in',
			'long-fill-in',
			'matching',
			'performance',
			'sequencing',
			'likert',
			'numeric',
			'other',
		])
		.optional(),
	correctResponsesPattern: z.array(z.string()).optional(),
	choices: z.array(interactionComponent).optional(),
	scale: z.array(interactionComponent).optional(),
	source: z.array(interactionComponent).optional(),
	target: z.array(interactionComponent).optional(),
	steps: z.array(interactionComponent).optional(),
})
export const activitySchema = z.strictObject({
	objectType: z.literal('Activity').optional(),
	id: iri,
	definition: activityDefinition.optional(),
})
const statementRefSchema = z.strictObject({ objectType: z.literal('StatementRef'), id: uuid })

const scoreSchema = z
	.strictObject({
		scaled: z.number().min(-1).max(1).optional(),
		raw: z.number().optional(),
		min: z.number().optional(),
		max: z.number().optional(),
	})
	.refine((s) => s.min === undefined || s.max === undefined || s.min <= s.max, 'score.min must not exceed score.max')
	.refine(
		(s) => s.raw === undefined || ((s.min === undefined || s.raw >= s.min) && (s.max === undefined || s.raw <= s.max)),
		'score.raw must lie between min and max',
	)

const resultSchema = z.strictObject({
	score: scoreSchema.optional(),
	success: z.boolean().optional(),
	completion: z.boolean().optional(),
	response: z.string().optional(),
	duration: isoDuration.optional(),
	extensions: extensions.optional(),
})

const activityList = z.union([activitySchema, z.array(activitySchema)])
const contextSchema = z.strictObject({
	registration: uuid.optional(),
	instructor: actorSchema.optional(),
	team: groupSchema.optional(),
	contextActivities: z
		.strictObject({
			parent: activityList.optional(),
			grouping: activityList.optional(),
			category: activityList.optional(),
			other: activityList.optional(),
		})
		.optional(),
	revision: z.string().optional(),
	platform: z.string().optional(),
	language: languageTag.optional(),
	statement: statementRefSchema.optional(),
	extensions: extensions.optional(),
})

export const statementSchema = z
	.strictObject({
		id: uuid.optional(),
		actor: actorSchema,
		verb: verbSchema,
		object: z.union([activitySchema, agentSchema, groupSchema, statementRefSchema]),
		result: resultSchema.optional(),
		context: contextSchema.optional(),
		timestamp: timestamp.optional(),
		stored: timestamp.optional(),
		authority: actorSchema.optional(),
		version: z
			.string()
			.regex(/^1\.0(\.\d+)?$/)
			.optional(),
		attachments: z.array(z.unknown()).optional(),
	})
	// "revision" and "platform" are only for statements about an Activity.
	.refine(
		(s) =>
			(s.context?.revision === undefined && s.context?.platform === undefined) ||
			!('objectType' in s.object) ||
			s.object.objectType === undefined ||
			s.object.objectType === 'Activity',
		'context.revision and context.platform are only allowed when the object is an Activity',
	)

export type XapiStatement = z.infer<typeof statementSchema>
