// The self-reported stress pattern beside what practice showed (issue 16 item 4). A reaction's
// practice rate is the share of the times a reply showing it was on offer that the learner chose
// it. With only a few chances that share swings by a third or more per choice, so it is shown as
// evidence only from MIN_STRESS_OPPORTUNITIES on, and it is never turned into a verdict on the
// self-report: the two measure different things (how you describe yourself, what you picked in
// scripted conversations).

/** Chances to show a reaction before its practice rate is put beside the self-report. */
export const MIN_STRESS_OPPORTUNITIES = 6

export type StressEvidence =
	| { kind: 'none' }
	| { kind: 'too_few'; offered: number; needed: number; text: string }
	| { kind: 'enough'; offered: number; chosen: number; rate: number; text: string }

export function practiceStressEvidence(tally: { offered: number; chosen: number }): StressEvidence {
	const { offered, chosen } = tally
	if (offered <= 0) return { kind: 'none' }
	if (offered < MIN_STRESS_OPPORTUNITIES) {
		return {
			kind: 'too_few',
			offered,
			needed: MIN_STRESS_OPPORTUNITIES,
			text: `${offered} ${offered === 1 ? 'chance' : 'chances'} so far: too few to put beside your self-assessment (${MIN_STRESS_OPPORTUNITIES} needed).`,
		}
	}
	const rate = chosen / offered
	return {
		kind: 'enough',
		offered,
		chosen,
		rate,
		text: `${chosen} of ${offered} (${Math.round(rate * 100)}%)`,
	}
}

/** One honest sentence under the comparison table, or null when no reaction has enough evidence. */
export function stressComparisonNote(evidence: readonly StressEvidence[], hasSelfReport: boolean): string | null {
	if (!hasSelfReport || !evidence.some((e) => e.kind === 'enough')) return null
	return 'Your self-assessment describes how you see yourself; the practice column counts the replies you chose in scripted role-plays. Where they differ, neither is the wrong one: it is a question worth thinking about.'
}
