import { z } from 'zod'

export const BULK_INVITE_MAX = 100

export type EmailListProblem = { line: number; text: string; message: string }

const emailSchema = z.email()

// A pasted list: one address per line (commas and semicolons also separate, as mail programs
// copy them). Every bad line is reported with its number, so the admin can fix them all at once.
export function parseEmailList(input: string): {
	emails: string[]
	lineOf: Map<string, number>
	problems: EmailListProblem[]
} {
	const entries = input
		.split(/\r?\n/)
		.flatMap((line, i) => line.split(/[,;]/).map((part) => ({ line: i + 1, text: part.trim() })))
		.filter((e) => e.text !== '')
	const emails: string[] = []
	const problems: EmailListProblem[] = []
	const firstSeen = new Map<string, number>()
	for (const { line, text } of entries) {
		// "Ada Lovelace <ada@example.com>" as copied from a mail program.
		const address = (/<([^<>]+)>\s*$/.exec(text)?.[1] ?? text).trim().toLowerCase()
		if (address.length > 254 || !emailSchema.safeParse(address).success) {
			problems.push({ line, text: text.slice(0, 80), message: 'is not a valid email address' })
			continue
		}
		const seen = firstSeen.get(address)
		if (seen !== undefined) {
			problems.push({ line, text: address, message: `is already on line ${seen}` })
			continue
		}
		firstSeen.set(address, line)
		emails.push(address)
	}
	if (entries.length === 0) problems.push({ line: 1, text: '', message: 'Paste at least one email address' })
	if (emails.length > BULK_INVITE_MAX) {
		problems.push({ line: 0, text: '', message: `At most ${BULK_INVITE_MAX} addresses at a time` })
	}
	return { emails, lineOf: firstSeen, problems }
}
