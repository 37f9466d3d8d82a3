import { describe, expect, it } from 'vitest'
import { skillTrendChart } from '#app/domain/coaching/skill-trend-chart.ts'

describe('skillTrendChart', () => {
	it('draws one point per attempt, scaled 0..100, ending at the last level', () => {
		const chart = skillTrendChart({ id: 'clarity', label: 'Clarity', levels: [0.2, 0.5, 0.8] })
		const line = chart.lines[0]!
		expect(line.d.match(/[ML]/g)).toHaveLength(3)
		expect(line.last.value).toBe(80)
		expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '50', '100'])
		// A higher level sits higher on the chart (smaller y).
		expect(line.last.y).toBeLessThan(chart.height / 2)
	})

	it('draws a single attempt as a visible flat line', () => {
		const line = skillTrendChart({ id: 'empathy', label: 'Empathy', levels: [0.4] }).lines[0]!
		expect(line.d.match(/[ML]/g)).toHaveLength(2)
		expect(line.last.value).toBe(40)
		expect(skillTrendChart({ id: 'empathy', label: 'Empathy', levels: [0.4] }).xTicks.map((t) => t.label)).toEqual([
			'1',
		])
	})
})
