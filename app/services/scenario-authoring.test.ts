import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scenarioMapGraph } from '#app/domain/scenario/map.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { layoutScenarioMap } from '#app/services/scenario-authoring.server.ts'

// The largest shipped scenario (most nodes and arrows) must lay out with no label or box overlapping another.
function largestShipped() {
	const files = fs.readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))
	const parsed = files.map((f) => parseScenarioSource(fs.readFileSync(`scenarios/${f}`, 'utf8'), `scenarios/${f}`))
	const sizes = parsed.map((p) => scenarioMapGraph(p.scenario!))
	const i = sizes.reduce(
		(best, g, j) =>
			g.edges.length + g.nodes.length > sizes[best]!.edges.length + sizes[best]!.nodes.length ? j : best,
		0,
	)
	return { scenario: parsed[i]!.scenario!, graph: sizes[i]! }
}

type Box = { id: string; x: number; y: number; width: number; height: number }
const overlap = (a: Box, b: Box) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('layoutScenarioMap', () => {
	it('places every node and label of the largest shipped scenario without overlaps', async () => {
		const { graph } = largestShipped()
		const layout = await layoutScenarioMap(graph)
		const boxes: Box[] = [...layout.nodes, ...layout.edges.map((e) => ({ id: `label ${e.id}`, ...e.labelBox! }))]
		expect(layout.edges.every((e) => e.labelBox && e.points.length >= 2)).toBe(true)
		for (const b of boxes) {
			expect(b.x).toBeGreaterThanOrEqual(0)
			expect(b.x + b.width).toBeLessThanOrEqual(layout.width)
			expect(b.y + b.height).toBeLessThanOrEqual(layout.height)
		}
		const clashes = boxes.flatMap((a, i) =>
			boxes
				.slice(i + 1)
				.filter((b) => overlap(a, b))
				.map((b) => `${a.id} × ${b.id}`),
		)
		expect(clashes).toEqual([])
	}, 30_000)
})
