// Cohen's κ between two raters' categorical ratings of the same items: agreement beyond what the
// raters' own category frequencies would give by chance. Used for the cue vignettes' answer key
// against an independent blind rating (scripts/cue-kappa.ts, docs/assessment.md).

export type KappaResult = { kappa: number; observed: number; expected: number; n: number }

export function cohensKappa<T extends string>(a: readonly T[], b: readonly T[]): KappaResult {
	if (a.length !== b.length || a.length === 0) throw new Error('κ needs two equally long, non-empty lists of ratings')
	const n = a.length
	const count = (xs: readonly T[]) => {
		const m = new Map<T, number>()
		for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1)
		return m
	}
	const ca = count(a)
	const cb = count(b)
	const observed = a.filter((x, i) => x === b[i]).length / n
	let expected = 0
	for (const [category, k] of ca) expected += (k / n) * ((cb.get(category) ?? 0) / n)
	// Both raters using one and the same category throughout: agreement is perfect but uninformative.
	const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected)
	return { kappa, observed, expected, n }
}
