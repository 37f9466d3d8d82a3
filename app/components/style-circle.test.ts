import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { StyleCircle, type StyleCircleProps } from '#app/components/style-circle.tsx'

const render = (props: StyleCircleProps) => renderToStaticMarkup(createElement(StyleCircle, props))
const attr = (html: string, cls: string, name: string) =>
	Number(new RegExp(`class="${cls}"[^>]*?\\s${name}="(-?[\\d.]+)"`).exec(html)?.[1])

describe('StyleCircle (server-rendered)', () => {
	it('labels the four quadrants and both axes', () => {
		const html = render({ dot: null })
		for (const name of ['Director', 'Energizer', 'Harmonizer', 'Analyst', 'tells', 'asks', 'task', 'people']) {
			expect(html).toContain(`>${name}</text>`)
		}
		expect(html).not.toContain('style-circle__dot')
		expect(html).toContain('No result is shown yet.')
	})

	it('puts a tells + task result top left, with its uncertainty, and describes it for screen readers', () => {
		const html = render({ id: 'me', dot: { x: -1.5, y: 1.2, se: { x: 0.29, y: 0.3 } } })
		expect(attr(html, 'style-circle__dot', 'cx')).toBeLessThan(0)
		expect(attr(html, 'style-circle__dot', 'cy')).toBeLessThan(0)
		expect(attr(html, 'style-circle__uncertainty', 'rx')).toBeCloseTo(11.6, 1)
		expect(html).toContain('role="img"')
		expect(html).toContain('aria-labelledby="me-title me-desc"')
		expect(html).toMatch(/<desc id="me-desc">[^<]*Director/)
	})

	it('describes a centre result as balanced, not as a style', () => {
		const html = render({ dot: { x: 0, y: 0 } })
		expect(html).toMatch(/<desc[^>]*>[^<]*The dot shows your result: Balanced\./)
	})

	it('draws earlier results as faded dots with their labels, and keeps far-out dots inside the rim', () => {
		const html = render({
			dot: { x: 9, y: 0.1 },
			history: [
				{ x: 0.4, y: -0.8, label: 'March 2025' },
				{ x: 0.9, y: -0.2, label: 'June 2025' },
			],
		})
		expect(html.match(/style-circle__history-dot/g)).toHaveLength(2)
		expect(html).toContain('<title>June 2025</title>')
		expect(attr(html, 'style-circle__dot style-circle__dot--beyond', 'cx')).toBeLessThan(100)
	})

	it('uses no inline styles (the production CSP forbids them)', () => {
		expect(render({ dot: { x: 1, y: 1, se: { x: 0.3, y: 0.3 } }, history: [{ x: 0, y: 1, label: 'a' }] })).not.toMatch(
			/style="/,
		)
	})
})
