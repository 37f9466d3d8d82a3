import fs from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bestReply } from '#app/domain/feedback/analysis.ts'
import { orderChoices } from '#app/domain/feedback/fair-order.ts'
import { createRandom } from '#app/domain/assessment/random.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { applyChoice, availableChoices, currentNodeId, initialSnapshot } from '#app/domain/scenario/play.ts'
import { GOOD_OUTCOME, type Scenario } from '#app/domain/scenario/schema.ts'

const dir = new URL('../../../scenarios/', import.meta.url)
const library: Scenario[] = fs
	.readdirSync(dir)
	.filter((f) => /\.ya?ml$/.test(f))
	.sort()
	.map((f) => parseScenarioSource(fs.readFileSync(new URL(f, dir), 'utf8'), f).scenario)
	.filter((s): s is Scenario => s !== undefined)

const ATTEMPTS = 1000
const attemptIds = Array.from({ length: ATTEMPTS }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)

// Upper tail of the χ² distribution: Q(df/2, x/2), the regularised upper incomplete gamma
// (series below a+1, continued fraction above; Numerical Recipes §6.2).
function logGamma(z: number): number {
	const g = [
		76.180091729471, -86.505320329417, 24.014098240831, -1.2317395724502, 0.0012086509738662, -0.0000053952393849,
	]
	const x = z
	let y = z
	let tmp = x + 5.5
	tmp -= (x + 0.5) * Math.log(tmp)
	let ser = 1.00000000019002
	for (const c of g) ser += c / ++y
	return -tmp + Math.log((2.506628274631 * ser) / x)
}
export function chiSquareP(x: number, df: number): number {
	const a = df / 2
	const z = x / 2
	if (z <= 0) return 1
	if (z < a + 1) {
		let sum = 1 / a
		let term = sum
		for (let n = 1; n < 500; n++) {
			term *= z / (a + n)
			sum += term
			if (Math.abs(term) < Math.abs(sum) * 1e-14) break
		}
		return 1 - sum * Math.exp(-z + a * Math.log(z) - logGamma(a))
	}
	let b = z + 1 - a
	let c = 1 / 1e-300
	let d = 1 / b
	let h = d
	for (let i = 1; i < 500; i++) {
		const an = -i * (i - a)
		b += 2
		d = an * d + b
		if (Math.abs(d) < 1e-300) d = 1e-300
		c = b + an / c
		if (Math.abs(c) < 1e-300) c = 1e-300
		d = 1 / d
		const delta = d * c
		h *= delta
		if (Math.abs(delta - 1) < 1e-14) break
	}
	return Math.exp(-z + a * Math.log(z) - logGamma(a)) * h
}

describe('chiSquareP', () => {
	it('matches known critical values', () => {
		expect(chiSquareP(3.841, 1)).toBeCloseTo(0.05, 3)
		expect(chiSquareP(5.991, 2)).toBeCloseTo(0.05, 3)
		expect(chiSquareP(11.345, 3)).toBeCloseTo(0.01, 3)
	})
})

describe('orderChoices', () => {
	it('is a pure function of the attempt id and the node id', () => {
		fc.assert(
			fc.property(
				fc.uuid(),
				fc.string({ maxLength: 60 }),
				fc.array(fc.integer(), { minLength: 2, maxLength: 4 }),
				(a, n, xs) => {
					const first = orderChoices(a, n, xs)
					expect(orderChoices(a, n, xs)).toEqual(first)
					expect(orderChoices(a, n, [...xs])).toEqual(first)
					// A permutation: nothing added or lost, and the input is left untouched.
					expect([...first].sort()).toEqual([...xs].sort())
				},
			),
		)
	})

	it('differs between attempts (the order is not fixed per turn)', () => {
		const orders = new Set(attemptIds.slice(0, 50).map((a) => orderChoices(a, 'opening', [1, 2, 3, 4]).join()))
		expect(orders.size).toBeGreaterThan(10)
	})

	it('puts the best-fit reply in every position equally often over every turn of the shipped library', () => {
		const byCount = new Map<number, number[]>()
		let turns = 0
		for (const s of library) {
			for (const [nodeId, node] of Object.entries(s.nodes)) {
				if (node.type !== 'turn') continue
				turns++
				const best = bestReply(node.choices)!
				const k = node.choices.length
				const counts = byCount.get(k) ?? new Array<number>(k).fill(0)
				for (const a of attemptIds) counts[orderChoices(a, nodeId, node.choices).indexOf(best)]!++
				byCount.set(k, counts)
			}
		}
		expect(turns).toBeGreaterThan(20)
		for (const [k, counts] of byCount) {
			const total = counts.reduce((s, c) => s + c, 0)
			const expected = total / k
			const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0)
			const p = chiSquareP(chi2, k - 1)
			console.log(
				`fair order, turns with ${k} replies: best-fit position counts ${counts.join('/')}; χ²=${chi2.toFixed(2)}, p=${p.toFixed(3)}`,
			)
			expect(p).toBeGreaterThan(0.01)
		}
	})

	it('no longer lets "always the first reply shown" win: prints its best-ending rate beside a random clicker', () => {
		const play = (s: Scenario, attemptId: string, pick: (n: number) => number, shuffle: boolean) => {
			const machine = compileScenario(s)
			let snap = initialSnapshot(machine)
			for (let i = 0; i < 200 && snap.status === 'active'; i++) {
				const shown = availableChoices(s, snap)
				const ordered = shuffle ? orderChoices(attemptId, currentNodeId(snap), shown) : shown
				const next = applyChoice(machine, snap, ordered[pick(ordered.length)]!.id)
				if (!next.ok) throw new Error(next.message)
				snap = next.snapshot
			}
			const end = s.nodes[currentNodeId(snap)]
			return end?.type === 'ending' && end.outcome === GOOD_OUTCOME
		}
		const n = 100
		let firstAuthored = 0
		let firstShown = 0
		let random = 0
		const rng = createRandom(7)
		for (const s of library) {
			if (play(s, 'authored', () => 0, false)) firstAuthored++
			for (const a of attemptIds.slice(0, n)) {
				if (play(s, a, () => 0, true)) firstShown++
				if (play(s, a, (k) => rng.int(k), true)) random++
			}
		}
		const total = library.length * n
		console.log(
			`best ending reached: first reply in authored order ${firstAuthored}/${library.length} scenarios; ` +
				`first reply shown (fair order) ${((100 * firstShown) / total).toFixed(1)}%; random clicker ${((100 * random) / total).toFixed(1)}% (${total} plays each)`,
		)
		// Clicking the first reply shown is no better than clicking at random (within noise).
		expect(firstShown / total).toBeLessThan(random / total + 0.05)
	}, 60_000)
})
