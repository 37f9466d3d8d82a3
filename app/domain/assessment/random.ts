import { z } from 'zod'

// A small seeded PRNG so item order and the simulation study are reproducible from a stored
// number alone. Not for anything secret: the seed of an attempt is not a security boundary.

// 31 bits, so a seed fits a Postgres `integer` column.
export const MAX_SEED = 0x7fff_ffff

export const seedSchema = z
	.number({ error: 'The order seed must be a number' })
	.int('The order seed must be a whole number')
	.min(0, `The order seed must be between 0 and ${MAX_SEED}`)
	.max(MAX_SEED, `The order seed must be between 0 and ${MAX_SEED}`)

export type Random = {
	/** Uniform in [0, 1). */
	next(): number
	/** Uniform integer in [0, n). */
	int(n: number): number
	/** Uniform in [min, max). */
	uniform(min: number, max: number): number
	/** Standard normal draw (Box–Muller). */
	normal(): number
	/** A shuffled copy (Fisher–Yates); the input is left untouched. */
	shuffle<T>(items: readonly T[]): T[]
	/** An independent stream derived from this stream's seed and a label. */
	fork(label: string): Random
}

/** mulberry32: 32-bit state, full period 2^32, fast and good enough for shuffles and simulation. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

/** FNV-1a over the seed and a label, finished with a murmur-style mix so nearby seeds diverge. */
export function deriveSeed(seed: number, label: string): number {
	let h = 0x811c9dc5 ^ (seed >>> 0)
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i)
		h = Math.imul(h, 0x01000193)
	}
	h ^= h >>> 16
	h = Math.imul(h, 0x85ebca6b)
	h ^= h >>> 13
	h = Math.imul(h, 0xc2b2ae35)
	h ^= h >>> 16
	return h >>> 0
}

export function createRandom(seed: number): Random {
	const next = mulberry32(seed)
	let spareNormal: number | null = null
	const random: Random = {
		next,
		int: (n) => Math.floor(next() * n),
		uniform: (min, max) => min + (max - min) * next(),
		normal() {
			if (spareNormal !== null) {
				const value = spareNormal
				spareNormal = null
				return value
			}
			// 1 - u keeps the log argument in (0, 1].
			const r = Math.sqrt(-2 * Math.log(1 - next()))
			const phi = 2 * Math.PI * next()
			spareNormal = r * Math.sin(phi)
			return r * Math.cos(phi)
		},
		shuffle<T>(items: readonly T[]): T[] {
			const copy = items.slice()
			for (let i = copy.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1))
				const a = copy[i] as T
				copy[i] = copy[j] as T
				copy[j] = a
			}
			return copy
		},
		fork: (label) => createRandom(deriveSeed(seed, label)),
	}
	return random
}
