import { z } from 'zod'
import {
	CURRENT_INSTRUMENT,
	LIKERT_MAX,
	LIKERT_MIN,
	NOT_APPLICABLE,
	isRoleBound,
	type Instrument,
	type LikertResponse,
	type LikertValue,
} from '#app/domain/assessment/item-bank.ts'
import { STYLES, STYLE_NAMES, type Style } from '#app/domain/style.ts'

// The shape of what a learner submits. Answers arrive from HTML forms as strings, so digit
// strings are accepted and turned into numbers; anything else is rejected with a message that
// names the statement (the issue path is the item id).

export type LikertAnswers = Record<string, LikertValue>
/** What a learner submits and what an attempt stores: a Likert answer, or 0 for "doesn't apply"
 * on a role-bound statement. Scoring turns it into LikertAnswers with `applicableAnswers`. */
export type LikertResponses = Record<string, LikertResponse>
export type CueAnswers = Record<string, Style>

/** Which items a submission may and must contain. */
export type AnswerScope = 'partial' | 'complete' | { page: readonly string[] }

const RANGE_MESSAGE = `Answers go from ${LIKERT_MIN} (strongly disagree) to ${LIKERT_MAX} (strongly agree)`

export const likertValueSchema = z.preprocess(
	(value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
	z
		.number({ error: `Choose an answer: ${RANGE_MESSAGE.toLowerCase()}` })
		.int(RANGE_MESSAGE)
		.min(LIKERT_MIN, RANGE_MESSAGE)
		.max(LIKERT_MAX, RANGE_MESSAGE)
		.transform((n) => n as LikertValue),
)

const NOT_APPLICABLE_MESSAGE = '“Doesn’t apply” is offered only on statements about a customer-facing role'

/** A Likert answer, or "doesn't apply" (0); whether 0 is allowed depends on the statement. */
export const likertResponseSchema = z.preprocess(
	(value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
	z
		.number({ error: `Choose an answer: ${RANGE_MESSAGE.toLowerCase()}` })
		.int(RANGE_MESSAGE)
		.min(NOT_APPLICABLE, RANGE_MESSAGE)
		.max(LIKERT_MAX, RANGE_MESSAGE)
		.transform((n) => n as LikertResponse),
)

export const styleAnswerSchema = z.enum(STYLES, {
	error: `Choose one of ${STYLES.map((s) => STYLE_NAMES[s]).join(', ')}`,
})

function scopeIds(all: readonly string[], scope: AnswerScope): { allowed: Set<string>; required: readonly string[] } {
	if (scope === 'partial') return { allowed: new Set(all), required: [] }
	if (scope === 'complete') return { allowed: new Set(all), required: all }
	return { allowed: new Set(scope.page.filter((id) => all.includes(id))), required: scope.page }
}

// One pass over the submitted record, so an unknown id, a bad value and a missing answer are
// all reported together, each at the path of its id.
function answerRecordSchema<T>(
	allIds: readonly string[],
	scope: AnswerScope,
	version: string,
	value: (id: string) => z.ZodType<T>,
	missingMessage: string,
	notARecord: string,
) {
	const ids = scopeIds(allIds, scope)
	const where = typeof scope === 'object' ? `on this page of ${version}` : `in ${version}`
	return z.record(z.string(), z.unknown(), { error: notARecord }).transform((record, ctx) => {
		const out: Record<string, T> = {}
		for (const [id, raw] of Object.entries(record)) {
			if (!ids.allowed.has(id)) {
				ctx.addIssue({ code: 'custom', path: [id], message: `"${id}" is not a question ${where}` })
				continue
			}
			const parsed = value(id).safeParse(raw)
			if (parsed.success) out[id] = parsed.data
			else ctx.addIssue({ code: 'custom', path: [id], message: parsed.error.issues[0]?.message ?? 'Invalid answer' })
		}
		for (const id of ids.required) {
			if (!Object.hasOwn(record, id)) ctx.addIssue({ code: 'custom', path: [id], message: missingMessage })
		}
		return out
	})
}

/** Item id → 1..5, or 0 ("doesn't apply") on a role-bound statement. Unknown ids, out-of-range
 * values, "doesn't apply" elsewhere and (per scope) missing answers are rejected. */
export function likertAnswersSchema(instrument: Instrument = CURRENT_INSTRUMENT, scope: AnswerScope = 'partial') {
	const roleBound = new Set(instrument.likertItems.filter(isRoleBound).map((item) => item.id))
	const responseSchema = likertResponseSchema.refine((v) => v !== NOT_APPLICABLE, NOT_APPLICABLE_MESSAGE)
	return answerRecordSchema<LikertResponse>(
		instrument.likertItems.map((item) => item.id),
		scope,
		instrument.version,
		(id) => (roleBound.has(id) ? likertResponseSchema : responseSchema),
		'Choose an answer for this statement',
		'Answers must be a set of statement ids and values',
	)
}

/** Vignette id → the style the learner picked. */
export function cueAnswersSchema(instrument: Instrument = CURRENT_INSTRUMENT, scope: AnswerScope = 'partial') {
	return answerRecordSchema(
		instrument.vignettes.map((v) => v.id),
		scope,
		instrument.version,
		() => styleAnswerSchema,
		'Choose the style you think this person has',
		'Answers must be a set of question ids and styles',
	)
}

/** How long one page took, measured on the server (first render → accepted submit). */
export const pageTimingSchema = z.object({
	itemCount: z.number().int().min(1),
	durationMs: z.number().int().min(0),
})
export type PageTiming = z.infer<typeof pageTimingSchema>
