// The cue vignettes' answer key against an independent blind rating (issue 16).
//   npx tsx scripts/cue-kappa.ts --sheet   prints the rater's sheet: vignettes and the four styles, no key, no cue
//   npx tsx scripts/cue-kappa.ts           prints Cohen's κ between the key and docs/cue-rating/blind-rating.json
// The rating file is { "instrumentVersion", "rater", "ratings": { "<vignette id>": "<style>" } }; the
// rater must have seen only the sheet. Exit code 1 when the file is missing or incomplete, or κ < .8.
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { CURRENT_INSTRUMENT } from '#app/domain/assessment/item-bank.ts'
import { createRandom } from '#app/domain/assessment/random.ts'
import { STYLES_PRIMER } from '#app/domain/assessment/report-notes.ts'
import { blindRatingAgreement, BLIND_RATING_FILE, KAPPA_BAR } from '#app/domain/assessment/cue-rating.ts'
import { STYLES, STYLE_DESCRIPTIONS, STYLE_NAMES } from '#app/domain/style.ts'

const instrument = CURRENT_INSTRUMENT

if (process.argv.includes('--sheet')) {
	console.log(`# Read the speaker (${instrument.version}): rating sheet\n`)
	console.log(`${STYLES_PRIMER.intro}\n`)
	for (const s of STYLES) console.log(`- **${STYLE_NAMES[s]}**: ${STYLE_DESCRIPTIONS[s]}`)
	console.log(`\n${STYLES_PRIMER.note} Answer with one of: ${STYLES.join(', ')}.\n`)
	// Shuffled, so the order of the bank (grouped by style as written) gives nothing away.
	for (const v of createRandom(16).shuffle([...instrument.vignettes]))
		console.log(`- ${v.id} (${v.channel}) ${v.setting} “${v.quote}”`)
} else {
	if (!existsSync(BLIND_RATING_FILE)) {
		console.log(
			`No blind rating yet: ${BLIND_RATING_FILE} is missing. Print the sheet with --sheet and give it to a rater.`,
		)
		process.exitCode = 1
	} else {
		const file = z
			.object({ instrumentVersion: z.string(), rater: z.string(), ratings: z.record(z.string(), z.enum(STYLES)) })
			.parse(JSON.parse(readFileSync(BLIND_RATING_FILE, 'utf8')))
		const r = blindRatingAgreement(instrument, file)
		console.log(`Instrument ${instrument.version}, rater: ${file.rater}`)
		console.log(`Vignettes rated: ${r.n} of ${instrument.vignettes.length}; missing: ${r.missing.join(', ') || 'none'}`)
		console.log(`Agreement ${(r.observed * 100).toFixed(1)}% (chance ${(r.expected * 100).toFixed(1)}%)`)
		console.log(`Cohen's κ = ${r.kappa.toFixed(3)} (bar ≥ ${KAPPA_BAR})`)
		for (const d of r.disagreements) console.log(`  ${d.id}: key ${d.key}, blind ${d.blind}`)
		if (r.missing.length > 0 || r.kappa < KAPPA_BAR) process.exitCode = 1
	}
}
