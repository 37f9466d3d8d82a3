import { createRandom } from '#app/domain/assessment/random.ts'

// Replies are shown in an order shuffled per attempt and turn (DESIGN §2 "Fair order"). The order
// is a pure function of (attempt id, node id): the same on reload, on another device and without
// JavaScript, and nothing is stored. The seed is a hash, not a secret: the point is that the
// authored position (the best reply was always first) no longer gives the answer away.

/** The seed for one turn of one attempt: cyrb53 (two 32-bit lanes, avalanche-mixed) over both ids. */
export function orderSeed(attemptId: string, nodeId: string): number {
	const text = `${attemptId}\u0000${nodeId}`
	let h1 = 0xdeadbeef
	let h2 = 0x41c6ce57
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i)
		h1 = Math.imul(h1 ^ c, 2654435761)
		h2 = Math.imul(h2 ^ c, 1597334677)
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
	return (h1 ^ h2) >>> 0
}

/** A shuffled copy of `choices` (Fisher–Yates driven by the turn's seed); the input is untouched. */
export function orderChoices<T>(attemptId: string, nodeId: string, choices: readonly T[]): T[] {
	return createRandom(orderSeed(attemptId, nodeId)).shuffle(choices)
}
