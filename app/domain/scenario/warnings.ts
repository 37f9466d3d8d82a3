import { conditionReferences } from '#app/domain/scenario/conditions.ts'
import type { Issue, PathSegment } from '#app/domain/scenario/problems.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'

// Things that do not break a scenario but make it worse to play or to maintain (issue 11, item 7).
// They run on a valid scenario; none of them blocks it.

// Above this many meter-and-flag combinations per turn, the state search (and any author's
// reasoning about conditions) stops being practical.
export const MAX_COMBINATIONS_PER_TURN = 50_000
// A best-fit reply this much longer than every other reply in its turn gives the answer away.
export const LENGTH_GIVEAWAY = { ratio: 1.5, chars: 40 } as const

const gcd = (a: number, b: number): number => {
	let x = Math.abs(a)
	let y = Math.abs(b)
	while (y) [x, y] = [y, x % y]
	return x
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ')

export function contentWarnings(scenario: Scenario): Issue[] {
	const issues: Issue[] = []
	const warn = (path: PathSegment[], message: string) => issues.push({ path, message, severity: 'warning' })
	const turns = Object.entries(scenario.nodes).flatMap(([id, n]) => (n.type === 'turn' ? [[id, n] as const] : []))

	// A flag that is set but never read changes nothing the learner can notice.
	const read = new Set<string>()
	const setBy = new Set<string>()
	for (const node of Object.values(scenario.nodes)) {
		if (node.type === 'turn') {
			// A line variant that reads a flag is a consequence the learner hears.
			for (const lines of [node.says, node.narration]) {
				if (Array.isArray(lines)) for (const v of lines) for (const r of conditionReferences(v.when)) read.add(r.name)
			}
			for (const c of node.choices) {
				for (const r of conditionReferences(c.when)) read.add(r.name)
				for (const f of Object.keys(c.set ?? {})) setBy.add(f)
			}
		} else if (node.type === 'branch') {
			for (const b of node.branches) for (const r of conditionReferences(b.if)) read.add(r.name)
		}
	}
	scenario.flags?.forEach((f, i) => {
		if (setBy.has(f) && !read.has(f)) {
			warn(['flags', i], `"${f}" is set by a reply but no condition reads it, so setting it changes nothing`)
		}
	})

	for (const [id, node] of turns) {
		// Two replies with the same words cannot be told apart.
		const seen = new Map<string, number>()
		node.choices.forEach((c, i) => {
			const key = normalise(c.text)
			const first = seen.get(key)
			if (first !== undefined) {
				warn(
					['nodes', id, 'choices', i, 'text'],
					`the same text as choices[${first}]: the learner cannot tell them apart`,
				)
			} else seen.set(key, i)
		})
		// Length gives the answer away: the best-fit reply should not stand out by its size.
		const fits = node.choices.map((c, i) => ({ c, i })).filter(({ c }) => c.flex === 'fit')
		const others = node.choices.filter((c) => c.flex !== 'fit')
		if (fits.length > 0 && others.length > 0) {
			const longestOther = Math.max(...others.map((c) => c.text.length))
			for (const { c, i } of fits) {
				if (
					c.text.length >= longestOther * LENGTH_GIVEAWAY.ratio &&
					c.text.length - longestOther >= LENGTH_GIVEAWAY.chars
				) {
					warn(
						['nodes', id, 'choices', i, 'text'],
						`this best-fit reply (${c.text.length} characters) is much longer than the others (at most ${longestOther}): length gives the answer away`,
					)
				}
			}
		}
	}

	// TODO left in any text the learner or a trainer will read.
	const stack: Array<{ value: unknown; path: PathSegment[] }> = [{ value: scenario, path: [] }]
	while (stack.length > 0) {
		const { value, path } = stack.pop()!
		if (typeof value === 'string') {
			if (/\b(TODO|FIXME|TBD)\b/.test(value))
				warn(path, 'still contains a TODO note: finish the text before publishing')
		} else if (Array.isArray(value)) {
			value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }))
		} else if (value !== null && typeof value === 'object') {
			for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] })
		}
	}

	// A meter moved in tiny steps over a wide range multiplies the combinations to follow.
	const values = Object.entries(scenario.meters).map(([name, m]) => {
		let step = m.max - m.min
		step = gcd(step, m.start - m.min)
		for (const [, n] of turns) for (const c of n.choices) step = gcd(step, c.effects?.[name] ?? 0)
		return { name, count: Math.floor((m.max - m.min) / Math.max(step, 1)) + 1, step: Math.max(step, 1), meter: m }
	})
	const combinations = values.reduce((p, v) => p * v.count, 1) * 2 ** (scenario.flags?.length ?? 0)
	if (combinations > MAX_COMBINATIONS_PER_TURN) {
		const worst = values.reduce((a, b) => (b.count > a.count ? b : a))
		warn(
			['meters', worst.name],
			`can take ${worst.count} values (${worst.meter.min} to ${worst.meter.max} in steps of ${worst.step}); with the other meters and flags that is ${combinations} combinations at every turn, too many to check every condition. Use a narrower range or coarser steps (such as 5)`,
		)
	}
	return issues
}
