import type { Instrument } from '#app/domain/assessment/item-bank.ts'
import { cohensKappa } from '#app/domain/assessment/kappa.ts'
import type { Style } from '#app/domain/style.ts'

/** Where the independent blind rating of the current vignettes is kept (relative to the repo root). */
export const BLIND_RATING_FILE = 'docs/cue-rating/blind-rating.json'
export const KAPPA_BAR = 0.8

/** κ between the answer key and a blind rating, with every disagreement and every unrated vignette. */
export function blindRatingAgreement(
	instrument: Instrument,
	rating: { instrumentVersion: string; ratings: Record<string, Style> },
) {
	if (rating.instrumentVersion !== instrument.version) {
		throw new Error(`The rating is of ${rating.instrumentVersion}, not ${instrument.version}`)
	}
	const rated = instrument.vignettes.filter((v) => rating.ratings[v.id] !== undefined)
	const missing = instrument.vignettes.filter((v) => rating.ratings[v.id] === undefined).map((v) => v.id)
	const key = rated.map((v) => v.answer)
	const blind = rated.map((v) => rating.ratings[v.id] as Style)
	const disagreements = rated.flatMap((v, i) =>
		key[i] === blind[i] ? [] : [{ id: v.id, key: v.answer, blind: blind[i] }],
	)
	return { ...cohensKappa(key, blind), missing, disagreements }
}
