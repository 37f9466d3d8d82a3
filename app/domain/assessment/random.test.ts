import { describe, expect, it } from 'vitest'
import { createRandom, deriveSeed, seedSchema } from '#app/domain/assessment/random.ts'

describe('createRandom', () => {
	it('replays the same sequence from the same seed (stored seeds must rebuild the same order)', () => {
		const a = createRandom(42)
		const b = createRandom(42)
		const first = Array.from({ length: 5 }, () => a.next())
		expect(Array.from({ length: 5 }, () => b.next())).toEqual(first)
		expect(Array.from({ length: 5 }, () => createRandom(43).next())).not.toEqual(first)
	})

	it('keeps draws in range', () => {
		const r = createRandom(7)
		for (let i = 0; i < 1000; i++) {
			const u = r.next()
			expect(u).toBeGreaterThanOrEqual(0)
			expect(u).toBeLessThan(1)
			const k = r.int(5)
			expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true)
		}
	})

	it('draws standard normals with mean ≈ 0 and SD ≈ 1', () => {
		const r = createRandom(1)
		const xs = Array.from({ length: 20_000 }, () => r.normal())
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length
		const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length)
		expect(Math.abs(mean)).toBeLessThan(0.03)
		expect(Math.abs(sd - 1)).toBeLessThan(0.03)
	})

	it('shuffles into a permutation without touching the input', () => {
		const input = [1, 2, 3, 4, 5, 6, 7, 8]
		const out = createRandom(9).shuffle(input)
		expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
		expect([...out].sort()).toEqual(input)
		expect(out).not.toEqual(input)
	})

	it('forks independent, reproducible streams by label', () => {
		expect(createRandom(5).fork('a').next()).toBe(createRandom(5).fork('a').next())
		expect(createRandom(5).fork('a').next()).not.toBe(createRandom(5).fork('b').next())
		expect(deriveSeed(5, 'a')).not.toBe(deriveSeed(6, 'a'))
	})
})

describe('seedSchema', () => {
	it('accepts whole numbers that fit a Postgres integer column, and nothing else', () => {
		expect(seedSchema.safeParse(0).success).toBe(true)
		expect(seedSchema.safeParse(2147483647).success).toBe(true)
		expect(seedSchema.safeParse(2147483648).success).toBe(false)
		expect(seedSchema.safeParse(-1).success).toBe(false)
		expect(seedSchema.safeParse(1.5).success).toBe(false)
	})
})
