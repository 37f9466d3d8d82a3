import { z } from 'zod'

// Characters no stored text may hold: C0 controls (tab and newline are allowed only in
// multi-line fields), DEL, the non-characters U+FFFE/U+FFFF and lone surrogates. PostgreSQL
// refuses NUL outright, so without this a NUL in a name became a 500.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F\uFFFE\uFFFF]/
// eslint-disable-next-line no-control-regex -- as above
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function hasForbiddenCharacters(value: string, multiline = false): boolean {
	return (multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value) || LONE_SURROGATE.test(value)
}

export type TextOptions = {
	/** Shown when the field is missing or empty, e.g. 'Enter a team name'. */
	required: string
	min?: number
	max: number
	/** Keeps tab, newline and carriage return (notes, descriptions). */
	multiline?: boolean
}

// The one text field for every stored string: trimmed, length-checked, and free of
// characters that break storage or display, each refusal with a message a person can act on.
export function text(options: TextOptions) {
	const min = options.min ?? 1
	return z
		.string({ error: options.required })
		.trim()
		.refine((v) => !hasForbiddenCharacters(v, options.multiline), {
			message: options.multiline
				? 'Remove the invisible control characters from this text'
				: 'Use letters, numbers and punctuation only: no control characters or line breaks',
		})
		.refine((v) => v.length > 0, { message: options.required })
		.refine((v) => v.length >= min, { message: `Use at least ${min} characters` })
		.refine((v) => v.length <= options.max, { message: `Use at most ${options.max} characters` })
}
