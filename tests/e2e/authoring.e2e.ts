import { expect, test, type Page } from '@playwright/test'
import { signInAs } from './support.ts'

// Issue 11: a tenant admin sees a shipped scenario's map, coverage and outline, and previews it to
// an ending, with JavaScript on and off, without anything being recorded.
const ADMIN = 'admin@northwind.test'
const SCENARIO = 'cautious-discovery' // the shipped scenario with the most nodes and arrows

test('the map, coverage and outline of a shipped scenario render', async ({ page }) => {
	await signInAs(page, ADMIN, '/admin/scenarios')
	await page.getByRole('link', { name: 'Map and coverage' }).first().click()
	await expect(page).toHaveURL(/\/admin\/scenarios\/[a-z0-9-]+$/)
	await page.goto(`/admin/scenarios/${SCENARIO}`)

	await expect(page.getByRole('heading', { name: 'Path coverage' })).toBeVisible()
	await expect(page.getByTestId('path-count')).toHaveText(/^(\d[\d,]*|More than 10⁶)$/)
	await expect(page.locator('.coverage-table tbody tr')).not.toHaveCount(0)

	const map = page.getByRole('region', { name: 'Scenario map, scrollable' })
	await expect(map.locator('svg[role="img"]')).toBeVisible()
	// One box per node, endings coloured by outcome. The shipped library has no warnings today, so
	// nothing is pinned (pinning is covered by map.test.ts and scenario-authoring.test.ts).
	const nodes = map.locator('[data-node]')
	const outline = page.locator('.scenario-outline > li')
	await expect(nodes).not.toHaveCount(0)
	expect(await nodes.count()).toBe(await outline.count())
	await expect(map.locator('.scenario-map__node--ending')).not.toHaveCount(0)
	await expect(map.locator('.scenario-map__node--branch')).not.toHaveCount(0)
	await expect(map.locator('[data-node] circle')).toHaveCount(0)

	// Text no smaller than 12 px, and no two labels or boxes overlapping, as drawn in the browser.
	const { smallest, overlaps } = await map.evaluate((root) => {
		const texts = [...root.querySelectorAll('text')]
		const smallest = Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize)))
		const boxes = [
			...root.querySelectorAll('.scenario-map__label rect, [data-node] > rect, [data-node] > polygon'),
		].map((e) => e.getBoundingClientRect())
		let overlaps = 0
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++) {
				const a = boxes[i]!
				const b = boxes[j]!
				if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
					overlaps++
			}
		return { smallest, overlaps }
	})
	expect(smallest).toBeGreaterThanOrEqual(12)
	expect(overlaps).toBe(0)
	if (process.env.ATTUNE_SCREENSHOTS_DIR) {
		await map.screenshot({ path: `${process.env.ATTUNE_SCREENSHOTS_DIR}/map-${SCENARIO}-1280.png` })
	}

	// The outline links each route to its target node.
	await outline.first().locator('ul a').first().click()
	await expect(page).toHaveURL(/#node-[a-z0-9-]+$/)
})

async function finishedAttemptCount(page: Page) {
	await page.goto('/progress')
	return page.locator('.attempt-list > li').count()
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`preview with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled })

		test('plays to an ending and records nothing', async ({ page }) => {
			test.setTimeout(120_000) // one round trip per reply
			await signInAs(page, ADMIN)
			const finishedBefore = await finishedAttemptCount(page)
			await page.goto(`/practice/${SCENARIO}`)
			const startButton = page.getByRole('button', { name: /Start the conversation|Start over/ })
			const startLabel = (await startButton.textContent())?.trim()

			await page.goto(`/admin/scenarios/${SCENARIO}`)
			await page.getByRole('link', { name: 'Preview', exact: true }).click()
			await expect(page).toHaveURL(new RegExp(`/admin/scenarios/${SCENARIO}/preview$`))
			await expect(page.getByRole('note')).toContainText('records nothing')
			const replies = page.locator('form[aria-label="Your reply"] button[name="choice"]')
			for (let i = 0; i < 40 && (await replies.count()) > 0; i++) {
				// A reply, or a reading at a cue moment: each adds one answer to the transcript.
				const answers = page.locator('.transcript__entry--learner, .transcript__entry--cue')
				const before = await answers.count()
				// Vary the route a little: the last reply offered, then the first.
				await (i % 2 ? replies.first() : replies.last()).click()
				await expect(answers).toHaveCount(before + 1)
			}
			await expect(page.locator('.ending .outcome')).toHaveText(/Resolved|Partly resolved|Escalated|Customer lost/)
			await expect(page.getByRole('link', { name: 'Preview again' })).toBeVisible()

			// Nothing counts it: no new finished role-play, no attempt to resume.
			expect(await finishedAttemptCount(page)).toBe(finishedBefore)
			await page.goto(`/practice/${SCENARIO}`)
			await expect(page.getByRole('button', { name: /Start the conversation|Start over/ })).toHaveText(startLabel ?? '')
		})
	})
}

test('a tampered preview state gets a 400 with a message', async ({ page }) => {
	await signInAs(page, ADMIN, `/admin/scenarios/${SCENARIO}/preview`)
	const state = await page.locator('input[name="state"]').inputValue()
	const [body, signature] = state.split('.')
	const response = await page.goto(
		`/admin/scenarios/${SCENARIO}/preview?state=${body}.${signature?.split('').reverse().join('')}`,
	)
	expect(response?.status()).toBe(400)
	await expect(page.getByText(/could not be read/)).toBeVisible()
})
