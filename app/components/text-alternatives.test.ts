import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { MeterBars } from '#app/components/play/meter-bars.tsx'
import { StyleCircle } from '#app/components/style-circle.tsx'

// Each picture's text alternative carries the numbers the picture draws.
const attr = (html: string, cls: string, name: string) =>
	Number(new RegExp(`class="${cls}"[^>]*?\\s${name}="(-?[\\d.]+)"`).exec(html)?.[1])

describe('text alternatives hold the same numbers as the pictures', () => {
	it('style circle: the description gives the plotted position and its uncertainty', () => {
		const dot = { x: -1.5, y: 1.2, se: { x: 0.29, y: 0.31 } }
		const html = renderToStaticMarkup(createElement(StyleCircle, { id: 'c', dot }))
		const desc = /<desc id="c-desc">([^<]*)<\/desc>/.exec(html)?.[1] ?? ''
		expect(desc).toContain('1.2 toward tells and 1.5 toward task, give or take 0.3 and 0.3')
		// The picture: left of centre (task) and above it (tells), as the words say.
		expect(attr(html, 'style-circle__dot', 'cx')).toBeLessThan(0)
		expect(attr(html, 'style-circle__dot', 'cy')).toBeLessThan(0)
	})

	it('style circle: asks and people on the other sides', () => {
		const html = renderToStaticMarkup(createElement(StyleCircle, { id: 'd', dot: { x: 0.44, y: -2 } }))
		expect(html).toMatch(/<desc id="d-desc">[^<]*Position: 2\.0 toward asks and 0\.4 toward people\./)
	})

	it('meters: each bar is labelled with the value it draws and its range, and the number is shown', () => {
		const meters = [
			{ id: 'trust', label: 'Trust', value: 35, min: 0, max: 60 },
			{ id: 'patience', label: 'Patience', value: 80, min: 0, max: 100 },
		]
		const html = renderToStaticMarkup(createElement(MeterBars, { meters }))
		for (const m of meters) {
			const bar = new RegExp(`<meter[^>]*value="${m.value}"[^>]*aria-label="${m.label}: ${m.value} of ${m.max}"`)
			expect(html).toMatch(bar)
			expect(html).toContain(`max="${m.max}"`)
		}
		expect(html.match(/class="meter__value">(\d+)</g)).toEqual(['class="meter__value">35<', 'class="meter__value">80<'])
	})
})
