// How long the scenario checker takes (issue 11, item 5): the shipped library, and a generated
// 1,000-node scenario of the issue's shape (two meters on 0–100 moved in steps of 5, three
// flags, 2–4 replies per turn). The target is under 0.5 s for the generated file.
//   npm run bench:scenario-check
// Prints numbers; it never fails on a time.
import fs from 'node:fs'
import path from 'node:path'
import { stringify } from 'yaml'
import { checkScenarioData } from '#app/domain/scenario/check.ts'
import { checkLibrary, isScenarioFileName } from '#app/domain/scenario/library.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { exploreStates } from '#app/domain/scenario/state-space.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { reportFigures } from './report.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.floor(sorted.length / 2)]!
}

// Wall time and this process's CPU time: on a shared machine the CPU figure is the steadier one.
function time<T>(fn: () => T): { ms: number; cpu: number; result: T } {
	const wall: number[] = []
	const cpu: number[] = []
	let result!: T
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now()
		const used = process.cpuUsage()
		result = fn()
		const spent = process.cpuUsage(used)
		wall.push(performance.now() - started)
		cpu.push((spent.user + spent.system) / 1000)
	}
	return { ms: median(wall), cpu: median(cpu), result }
}

const fmt = (t: { ms: number; cpu: number }) => `${t.ms.toFixed(0)} ms wall, ${t.cpu.toFixed(0)} ms CPU`

// A small seeded generator, so every run checks the same scenario.
function random(seed: number) {
	let s = seed >>> 0
	return () => {
		s = (s + 0x6d2b79f5) >>> 0
		let t = s
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

// Layers of turns that move forward (so every path ends), with branches on meters and flags
// every few layers and endings at the end; some replies are shown only under a condition, but
// every turn keeps at least one reply without one.
export function generatedScenario(nodeCount = 1000, seed = 1): Scenario {
	const rnd = random(seed)
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
	const step = () => pick([-10, -5, 5, 10])
	const endings = ['resolved', 'partly_resolved', 'escalated', 'lost'] as const
	const nodes: Record<string, Scenario['nodes'][string]> = {}
	const endingCount = 4
	const bodyCount = nodeCount - endingCount - 1
	const endingIds = Array.from({ length: endingCount }, (_, i) => `end-${i}`)
	const id = (i: number) => (i >= bodyCount ? endingIds[i % endingCount]! : `n-${i}`)
	for (let i = 0; i < bodyCount; i++) {
		const ahead = () => id(i + 1 + Math.floor(rnd() * 6))
		if (i % 10 === 9) {
			nodes[`n-${i}`] = {
				type: 'branch',
				branches: [
					{ if: { patience: { lt: 30 } }, to: id(i + 1) },
					// Some conversations end early, and every ending is reached.
					{
						if: { any: [{ promised: true }, { trust: { gte: 90 } }] },
						to: endingIds[Math.floor(i / 10) % endingCount]!,
					},
				],
				else: ahead(),
			}
			continue
		}
		const replies = 2 + Math.floor(rnd() * 3)
		nodes[`n-${i}`] = {
			type: 'turn',
			says: `Customer line ${i}.`,
			choices: Array.from({ length: replies }, (_, c) => ({
				id: `c${c}`,
				text: `Reply ${c} at step ${i}.`,
				// The first reply always goes to the next node, so every node is reachable.
				to: c === 0 ? id(i + 1) : ahead(),
				effects: { patience: step(), trust: step() },
				...(rnd() < 0.2 ? { set: { [pick(['promised', 'checked', 'escalated'])]: rnd() < 0.7 } } : {}),
				...(c > 0 && rnd() < 0.2 ? { when: { trust: { gte: 20 + 5 * Math.floor(rnd() * 8) } } } : {}),
				...(c === 0 ? { evidence: { clarity: 1 } } : {}),
				flex: pick(['fit', 'neutral', 'miss'] as const),
				why: 'Because.',
			})),
		}
	}
	endingIds.forEach((e, i) => {
		nodes[e] = { type: 'ending', outcome: endings[i % endings.length]!, title: `Ending ${i}`, debrief: 'Done.' }
	})
	nodes['out-of-time'] = { type: 'ending', outcome: 'lost', title: 'Out of time', debrief: 'She had to go.' }
	return {
		id: 'generated',
		title: 'A generated scenario',
		summary: 'For the checker benchmark.',
		audience: 'onboarding',
		channel: 'call',
		minutes: 10,
		difficulty: 'medium',
		persona: { name: 'Test', style: 'director', mood: 'Busy', wants: 'Speed', backstory: 'None.' },
		skills: ['clarity'],
		meters: {
			patience: { label: 'Patience', start: 50, min: 0, max: 100 },
			trust: { label: 'Trust', start: 50, min: 0, max: 100 },
		},
		pressure: { meter: 'patience', below: 30 },
		flags: ['promised', 'checked', 'escalated'],
		maxReplies: 100,
		outOfTime: 'out-of-time',
		start: 'n-0',
		nodes,
	}
}

if (import.meta.url === `file://${process.argv[1]}`) main()

function main() {
	const dir = process.env.SCENARIOS_DIR || 'scenarios'
	const library = fs
		.readdirSync(dir)
		.filter(isScenarioFileName)
		.sort()
		.map((f) => ({ file: path.join(dir, f), source: fs.readFileSync(path.join(dir, f), 'utf8') }))

	const shipped = time(() => checkLibrary(library, { strict: true }))
	const shippedStates = library
		.map((f) => parseScenarioSource(f.source, f.file).scenario)
		.reduce((n, s) => n + (s ? exploreStates(s).stateCount : 0), 0)

	const scenario = generatedScenario()
	const source = stringify(scenario)
	const data = time(() => checkScenarioData(scenario, { strict: true }))
	const file = time(() => parseScenarioSource(source, 'scenarios/generated.yaml', { strict: true }))
	const search = time(() => exploreStates(scenario))
	const errors = file.result.problems.filter((p) => p.severity === 'error')

	console.log(`scenario checker (median of ${RUNS} runs)`)
	console.log(
		`  shipped library: ${library.length} files, ${shippedStates} states searched: ${fmt(shipped)} (parse + all rules, strict)`,
	)
	console.log(
		`  generated scenario: ${Object.keys(scenario.nodes).length} nodes, ${source.split('\n').length} YAML lines, ${search.result.stateCount} states (${search.result.complete ? 'complete' : 'INCOMPLETE'})`,
	)
	console.log(`    state search alone:             ${fmt(search)}`)
	console.log(`    all rules on parsed data:       ${fmt(data)}`)
	console.log(`    whole file (YAML parse + rules): ${fmt(file)}`)
	console.log(`    errors: ${errors.length}${errors[0] ? ` (first: ${errors[0].path}: ${errors[0].message})` : ''}`)
	reportFigures({
		libraryMs: shipped.ms,
		libraryFiles: library.length,
		generatedMs: file.ms,
		rulesMs: data.ms,
		searchMs: search.ms,
	})
}
