import { describe, expect, it } from 'vitest'
import { missedCues, scoreCueReading } from '#app/domain/assessment/cues.ts'
import { CURRENT_INSTRUMENT } from '#app/domain/assessment/item-bank.ts'

const instrument = CURRENT_INSTRUMENT

describe('scoreCueReading', () => {
	it('counts correct answers overall and per style, and lists the misses with what was chosen', () => {
		const answers = Object.fromEntries(instrument.vignettes.map((v) => [v.id, v.answer]))
		answers['cue3-14'] = 'analyst' // a Director cue read as Analyst
		answers['cue3-19'] = 'energizer' // a Harmonizer cue read as Energizer
		const reading = scoreCueReading(answers, instrument)
		expect(reading.correct).toBe(instrument.vignettes.length - 2)
		expect(reading.total).toBe(instrument.vignettes.length)
		expect(reading.byStyle.director).toEqual({ correct: 5, total: 6 })
		expect(reading.byStyle.analyst).toEqual({ correct: 6, total: 6 })
		expect(reading.missed).toEqual([
			{ id: 'cue3-14', chosen: 'analyst', answer: 'director' },
			{ id: 'cue3-19', chosen: 'energizer', answer: 'harmonizer' },
		])
	})

	it('gives the missed vignettes with the cue that explains them', () => {
		const reading = scoreCueReading({ 'cue3-14': 'harmonizer' }, instrument)
		const [missed] = missedCues(reading, instrument)
		expect(missed?.vignette.quote).toMatch(/Option two works for us/)
		expect(missed?.vignette.cue).toMatch(/tells and task/)
		expect(missed?.chosen).toBe('harmonizer')
	})
})
