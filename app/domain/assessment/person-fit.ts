import type { LikertAnswers } from '#app/domain/assessment/answers.ts'
import { LIKERT_MAX, LIKERT_MIDPOINT, LIKERT_MIN, type Instrument } from '#app/domain/assessment/item-bank.ts'
import type { Norms } from '#app/domain/assessment/norms.ts'
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

// The random-responding index: how much better uniform random answering explains the pattern than
// the best-fitting attentive one. The attentive reference is a graded-response pattern with nominal
// item parameters (a deliberately modest discrimination, so weak real items still fit it), one
// position per scale and one acquiescence shift per person; a likelihood ratio against a
// uniform-random responder is the classic mixture test for careless responding (cf. the lz
// person-fit family). It needs no item parameters from real data, and an all-same pattern fits
// the attentive reference well, so it complements the long-string check rather than repeating it.
export const RANDOM_INDEX_MODEL = {
	discrimination: 1.0,
	thresholds: [-2, -0.75, 0.75, 2],
	/** Person positions tried per scale, and acquiescence shifts tried per person (latent units). */
	thetaRange: 4,
	acquiescenceRange: 1,
	step: 0.1,
} as const

let categoryLogs: { offset: number; logs: number[][] } | null = null
function categoryLogTable() {
	if (categoryLogs) return categoryLogs
	const m = RANDOM_INDEX_MODEL
	const reach = m.thetaRange + m.acquiescenceRange
	const offset = Math.round(reach / m.step)
	const logs: number[][] = []
	for (let g = -offset; g <= offset; g++) {
		const eta = g * m.step
		const atLeast = m.thresholds.map((b) => 1 / (1 + Math.exp(-m.discrimination * (eta - b))))
		const p = [
			1 - atLeast[0]!,
			atLeast[0]! - atLeast[1]!,
			atLeast[1]! - atLeast[2]!,
			atLeast[2]! - atLeast[3]!,
			atLeast[3]!,
		]
		logs.push(p.map((x) => Math.log(x)))
	}
	categoryLogs = { offset, logs }
	return categoryLogs
}

/**
 * Per answered item, log L(uniform random) − max log L(attentive). Above 0 the pattern is more
 * likely random than from any attentive position; null when no scale has two answers.
 */
export function randomResponseIndex(answers: Readonly<LikertAnswers>, model: PersonFitModel): number | null {
	const m = RANDOM_INDEX_MODEL
	const { offset, logs } = categoryLogTable()
	const thetaSteps = Math.round(m.thetaRange / m.step)
	const acqSteps = Math.round(m.acquiescenceRange / m.step)
	const categories = LIKERT_MAX - LIKERT_MIN + 1
	// best[c] = Σ over scales of the best log-likelihood at acquiescence c.
	const best = new Array<number>(2 * acqSteps + 1).fill(0)
	let items = 0
	for (const scale of model.scales) {
		// Raw answer counts; a forward item sees η = θ + c, a reverse item η = −θ + c.
		const forward = new Array<number>(categories).fill(0)
		const reverse = new Array<number>(categories).fill(0)
		let k = 0
		scale.itemIds.forEach((id, j) => {
			const v = answers[id]
			if (v === undefined) return
			;(scale.reverse[j] ? reverse : forward)[v - LIKERT_MIN]!++
			k++
		})
		if (k < 2) continue
		items += k
		const logL = (counts: number[], g: number) => {
			const row = logs[g + offset]!
			let l = 0
			for (let i = 0; i < categories; i++) if (counts[i]) l += counts[i]! * row[i]!
			return l
		}
		const f: number[] = []
		const r: number[] = []
		for (let g = -offset; g <= offset; g++) {
			f.push(logL(forward, g))
			r.push(logL(reverse, g))
		}
		for (let c = -acqSteps; c <= acqSteps; c++) {
			let top = -Infinity
			for (let t = -thetaSteps; t <= thetaSteps; t++) {
				const l = f[t + c + offset]! + r[-t + c + offset]!
				if (l > top) top = l
			}
			best[c + acqSteps]! += top
		}
	}
	if (items === 0) return null
	return Math.log(1 / categories) - Math.max(...best) / items
}

// The person-fit reference comes from the norms, with α capped and a generous item SD: a
// reference stricter than real items would flag attentive people (docs/assessment.md §3).
const PERSON_FIT_ALPHA_CAP = 0.9
const PERSON_FIT_ITEM_SD = 1.2
const fitModels = new Map<string, PersonFitModel>()
export function personFitModelFor(instrument: Instrument, norms: Norms): PersonFitModel {
	const key = `${instrument.version}:${norms.id}`
	let model = fitModels.get(key)
	if (!model) {
		const axis = (alpha: number) => ({
			mean: LIKERT_MIDPOINT,
			itemSd: PERSON_FIT_ITEM_SD,
			alpha: Math.min(alpha, PERSON_FIT_ALPHA_CAP),
		})
		model = buildPersonFitModel(
			instrument,
			{ assertiveness: axis(norms.axes.assertiveness.alpha), responsiveness: axis(norms.axes.responsiveness.alpha) },
			{ ...DEFAULT_STRESS_SCALE, itemSd: PERSON_FIT_ITEM_SD },
		)
		if (fitModels.size > 50) fitModels.clear()
		fitModels.set(key, model)
	}
	return model
}
