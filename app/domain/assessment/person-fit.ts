import type { LikertAnswers } from '#app/domain/assessment/answers.ts'
import { LIKERT_MAX, LIKERT_MIDPOINT, LIKERT_MIN, type Instrument } from '#app/domain/assessment/item-bank.ts'
import { AXES, STRESS_REACTIONS } from '#app/domain/style.ts'

// A Mahalanobis distance of the answer vector under a one-factor model per scale (each axis and
// each stress reaction): items share a mean, an SD and one common inter-item correlation ρ, which
// follows from the scale's α by Spearman–Brown. Attentive answers move together within a scale;
// random answers do not, and they are also more spread out than real answers, so both raise the
// distance. With Σ = s²((1 − ρ)I + ρ11ᵀ), Woodbury gives a closed form per scale, no matrix needed.

export type ScaleModel = { mean: number; itemSd: number; alpha: number }

export type PersonFitModel = { scales: { itemIds: string[]; reverse: boolean[]; model: ScaleModel }[] }

/** Average inter-item correlation implied by α for k items (Spearman–Brown, inverted). */
export function interItemCorrelation(alpha: number, k: number): number {
	const a = Math.min(Math.max(alpha, 0), 0.99)
	return a / (k - a * (k - 1))
}

/** D² for one scale's standardised answers. */
export function scaleDistance(z: readonly number[], rho: number): number {
	const k = z.length
	const psi = 1 - rho
	const sum = z.reduce((s, v) => s + v, 0)
	const sumSq = z.reduce((s, v) => s + v * v, 0)
	return sumSq / psi - ((rho / (psi * psi)) * sum * sum) / (1 + (k * rho) / psi)
}

export function buildPersonFitModel(
	instrument: Instrument,
	axes: Record<(typeof AXES)[number], ScaleModel>,
	stress: ScaleModel,
): PersonFitModel {
	const scales: PersonFitModel['scales'] = []
	for (const axis of AXES) {
		const items = instrument.likertItems.filter((i) => i.kind === 'axis' && i.axis === axis)
		scales.push({
			itemIds: items.map((i) => i.id),
			reverse: items.map((i) => i.kind === 'axis' && i.keying === 'reverse'),
			model: axes[axis],
		})
	}
	for (const reaction of STRESS_REACTIONS) {
		const items = instrument.likertItems.filter((i) => i.kind === 'stress' && i.reaction === reaction)
		scales.push({
			itemIds: items.map((i) => i.id),
			reverse: items.map((i) => i.kind === 'stress' && i.keying === 'reverse'),
			model: stress,
		})
	}
	return { scales }
}

/** Mahalanobis D² divided by the number of items (about 1 for an answer pattern like the norm
 * group's), or null when a scale is unanswered. */
export function personFit(answers: Readonly<LikertAnswers>, model: PersonFitModel): number | null {
	let total = 0
	let items = 0
	for (const scale of model.scales) {
		const z: number[] = []
		scale.itemIds.forEach((id, j) => {
			const v = answers[id]
			if (v === undefined) return
			const keyed = scale.reverse[j] ? LIKERT_MIN + LIKERT_MAX - v : v
			z.push((keyed - scale.model.mean) / scale.model.itemSd)
		})
		if (z.length < 2) continue
		total += scaleDistance(z, interItemCorrelation(scale.model.alpha, z.length))
		items += z.length
	}
	return items === 0 ? null : total / items
}

export const DEFAULT_STRESS_SCALE: ScaleModel = { mean: LIKERT_MIDPOINT, itemSd: 1.15, alpha: 0.7 }
