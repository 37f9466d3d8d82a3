import { describe, expect, it } from 'vitest'
import { tiny } from '#app/domain/scenario/fixtures/helpers.ts'
import { conditionText, nodeOrder, pinProblems, scenarioMapGraph, scenarioOutline } from '#app/domain/scenario/map.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'

const scenario = parseScenarioSource(tiny, 'scenarios/tiny.yaml').scenario!

describe('scenario map graph', () => {
	it('has one node per scenario node, of the right kind, endings with their outcome', () => {
		const graph = scenarioMapGraph(scenario)
		expect(graph.nodes.map((n) => [n.id, n.kind, n.outcome])).toEqual([
			['opening', 'turn', undefined],
			['details', 'turn', undefined],
			['timeout', 'ending', 'lost'],
			['decide', 'branch', undefined],
			['good', 'ending', 'resolved'],
			['bad', 'ending', 'lost'],
			['okay', 'ending', 'partly_resolved'],
		])
		expect(graph.nodes.find((n) => n.id === 'opening')).toMatchObject({ start: true, detail: '2 replies' })
		expect(graph.nodes.find((n) => n.id === 'timeout')?.outOfTime).toBe(true)
	})

	it('merges replies to the same node into one arrow and labels conditional ones', () => {
		const edges = scenarioMapGraph(scenario).edges.map((e) => [e.from, e.to, e.label, e.conditional])
		expect(edges).toEqual([
			['opening', 'details', 'check, promise', false],
			['details', 'decide', 'plan, vague', false],
			['details', 'good', 'bonus if trust ≥ 60 and not promised', true],
			['decide', 'bad', 'patience < 20', true],
			['decide', 'okay', '(promised or trust < 30)', true],
			['decide', 'good', 'else', true],
			['opening', 'timeout', 'after 6 replies', true],
		])
	})

	it('pins problems on the node their field path points into, numbered in list order', () => {
		const problems = [{ path: 'title' }, { path: 'nodes.details.choices[1].text' }, { path: 'nodes.details.says' }]
		expect([...pinProblems(problems)]).toEqual([['details', [2, 3]]])
		const graph = scenarioMapGraph(scenario, problems)
		expect(graph.nodes.find((n) => n.id === 'details')?.problems).toEqual([2, 3])
		expect(graph.nodes.find((n) => n.id === 'opening')?.problems).toEqual([])
	})

	it('drops arrows to nodes that do not exist', () => {
		const broken = { ...scenario, nodes: { ...scenario.nodes, decide: { ...scenario.nodes.decide!, else: 'nowhere' } } }
		expect(scenarioMapGraph(broken as typeof scenario).edges.some((e) => e.to === 'nowhere')).toBe(false)
	})
})

describe('scenario outline', () => {
	it('lists every node once, in reading order, with where each reply goes', () => {
		const outline = scenarioOutline(scenario)
		expect(outline.map((o) => o.id)).toEqual(nodeOrder(scenario))
		expect(new Set(outline.map((o) => o.id))).toEqual(new Set(Object.keys(scenario.nodes)))
		expect(outline[0]).toMatchObject({ id: 'opening', kind: 'turn', text: 'Where is my parcel?' })
		expect(outline[0]?.routes).toEqual([
			{ label: '“Let me look it up now.” (check, fit)', to: 'details' },
			{ label: '“It will be there tomorrow, promise.” (promise, neutral)', to: 'details' },
		])
		expect(outline.find((o) => o.id === 'decide')?.routes.at(-1)).toEqual({ label: 'else', to: 'good' })
	})

	it('writes conditions in words', () => {
		expect(conditionText({ a: { gte: 1, lt: 5 }, f: true })).toBe('a ≥ 1 and a < 5 and f')
	})
})
