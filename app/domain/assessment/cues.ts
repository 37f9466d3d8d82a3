import type { CueAnswers } from '#app/domain/assessment/answers.ts'
import type { CueVignette, Instrument } from '#app/domain/assessment/item-bank.ts'
import type { CueReading } from '#app/domain/assessment/result.ts'
import { STYLES, type Style } from '#app/domain/style.ts'

/** Number right, per style, and every vignette the learner misread (an unanswered one scores nothing but is not listed). */
export function scoreCueReading(answers: Readonly<CueAnswers>, instrument: Instrument): CueReading {
	const byStyle = Object.fromEntries(STYLES.map((s) => [s, { correct: 0, total: 0 }])) as Record<
		Style,
		{ correct: number; total: number }
	>
	const missed: CueReading['missed'] = []
	let correct = 0
	for (const vignette of instrument.vignettes) {
		const chosen = answers[vignette.id]
		const tally = byStyle[vignette.answer]
		tally.total++
		if (chosen === vignette.answer) {
			correct++
			tally.correct++
		} else if (chosen !== undefined) {
			missed.push({ id: vignette.id, chosen, answer: vignette.answer })
		}
	}
	return { correct, total: instrument.vignettes.length, byStyle, missed }
}

export type MissedCue = { vignette: CueVignette; chosen: Style }

/** The missed vignettes with their text and the cue to notice, for the report. */
export function missedCues(reading: CueReading, instrument: Instrument): MissedCue[] {
	return reading.missed.flatMap((m) => {
		const vignette = instrument.vignettes.find((v) => v.id === m.id)
		return vignette ? [{ vignette, chosen: m.chosen }] : []
	})
}
