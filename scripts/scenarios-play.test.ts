// The terminal playtest plays through the real engine to an ending.
import { execFileSync } from 'node:child_process'
import { expect, it } from 'vitest'

it('plays a shipped scenario to an ending from piped replies, showing meters and flags', () => {
	const out = execFileSync('npx', ['tsx', 'scripts/scenarios-play.ts', 'scenarios/catch-up-bill.yaml'], {
		input: '1\n'.repeat(30),
		encoding: 'utf8',
	})
	expect(out).toContain('Elaine Fischer: ')
	expect(out).toMatch(/\[Trust \d+ · Engagement \d+ .*replies 0\/14\]/)
	expect(out).toMatch(/■ .+ \(resolved\)/)
}, 60_000)
