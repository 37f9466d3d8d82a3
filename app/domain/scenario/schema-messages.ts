import type { z } from 'zod'
import { skills } from '#app/domain/practice/skills.ts'
import { didYouMean, type Issue, type PathSegment } from '#app/domain/scenario/problems.ts'
import { KNOWN_FIELDS } from '#app/domain/scenario/schema.ts'

// zod's default messages are written for developers ("expected string, received number");
// the people reading these are trainers, so every issue kind gets a plain sentence.

const expectedWords: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'a mapping (indented "field: value" lines)',
	record: 'a mapping (indented "name: value" lines)',
	array: 'a list (lines starting with "- ", or [a, b])',
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s)

function describeValue(v: unknown): string {
	if (v === null) return 'empty'
	if (Array.isArray(v)) return 'a list'
	if (typeof v === 'object') return 'a mapping'
	if (typeof v === 'string') return `the text "${clip(v)}"`
	return String(v)
}

const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`

export const friendlyErrorMap: z.core.$ZodErrorMap = (iss) => {
	switch (iss.code) {
		case 'invalid_type': {
			if (iss.input === undefined) return 'is required'
			const want = expectedWords[iss.expected] ?? iss.expected
			if (iss.expected === 'int' && typeof iss.input === 'number') return `must be a whole number, not ${iss.input}`
			return `must be ${want}, not ${describeValue(iss.input)}`
		}
		case 'too_big': {
			const max = Number(iss.maximum)
			if (iss.origin === 'string' && typeof iss.input === 'string') {
				return `is too long: ${iss.input.length} characters (at most ${max})`
			}
			if (iss.origin === 'array' && Array.isArray(iss.input)) return `has ${items(iss.input.length)} (at most ${max})`
			return `must be at most ${max}${typeof iss.input === 'number' ? `, not ${iss.input}` : ''}`
		}
		case 'too_small': {
			const min = Number(iss.minimum)
			if (iss.origin === 'string') return min <= 1 ? 'must not be empty' : `is too short (at least ${min} characters)`
			if (iss.origin === 'array') return `needs at least ${items(min)}`
			return `must be at least ${min}${typeof iss.input === 'number' ? `, not ${iss.input}` : ''}`
		}
		case 'invalid_value': {
			const values = iss.values.map(String)
			const got = typeof iss.input === 'string' ? ` — "${clip(iss.input)}"${didYouMean(iss.input, values)}` : ''
			return values.length === 1 ? `must be ${values[0]}` : `must be one of: ${values.join(', ')}${got}`
		}
		case 'invalid_key':
			return iss.issues[0]?.message ?? 'is not a valid name'
		case 'invalid_union':
			return 'is not in a form this field accepts'
		default:
			return undefined
	}
}

function unknownKeyMessage(parent: readonly PathSegment[], key: string): string {
	if (parent.at(-1) === 'evidence') {
		return `"${key}" is not a skill in the catalogue${didYouMean(key, skills)}; skills are: ${skills.join(', ')}`
	}
	return `unknown field "${key}"${didYouMean(key, KNOWN_FIELDS)}`
}

// One issue per unknown key, each pointing at the key itself rather than at its parent.
export function schemaIssues(error: z.ZodError): Issue[] {
	return error.issues.flatMap((issue): Issue[] => {
		const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol')
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => ({
				path: [...path, key],
				message: unknownKeyMessage(path, key),
				severity: 'error',
			}))
		}
		return [{ path, message: issue.message, severity: 'error' }]
	})
}
