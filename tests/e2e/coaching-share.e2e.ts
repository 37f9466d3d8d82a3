import { expect, test, type Page } from '@playwright/test'
import { playToEnding, signInAs, startScenario } from './support.ts'

// A learner shares a private attempt (JavaScript off: learner pages work without it), their coach
// sees it on the learner page and writes a note, and the learner reads the note.
const SCENARIO = 'catch-up-bill'
const SHOTS = process.env.ATTUNE_SCREENSHOTS_DIR

async function shoot(page: Page, name: string) {
	if (!SHOTS) return
	for (const width of [1280, 768, 360]) {
		await page.setViewportSize({ width, height: 900 })
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
	}
	await page.setViewportSize({ width: 1280, height: 900 })
}

test('a learner shares an attempt, the coach sees it and writes a note, the learner reads it', async ({ browser }) => {
	const learnerContext = await browser.newContext({ javaScriptEnabled: false })
	const learner = await learnerContext.newPage()
	await signInAs(learner, 'sam@northwind.test')
	await startScenario(learner, SCENARIO)
	await playToEnding(learner)
	await learner.getByRole('link', { name: 'Read your debrief' }).click()
	await expect(learner.getByRole('heading', { name: 'Private: only you see this' })).toBeVisible()
	await learner.getByRole('button', { name: 'Share with my coaches' }).click()
	await expect(learner.getByRole('heading', { name: 'Shared with your coaches' })).toBeVisible()
	const attemptId = /\/play\/([0-9a-f-]{36})/.exec(learner.url())![1]!
	await learner.goto('/progress')
	await learner.getByRole('button', { name: 'Share my skill levels' }).click()
	await expect(learner.getByText('Skill levels: shared')).toBeVisible()
	await learner.goto('/progress/coach-view')
	await expect(learner.getByRole('heading', { name: 'What my coach sees' })).toBeVisible()
	await shoot(learner, 'coach-view-preview')

	const coachContext = await browser.newContext()
	const coach = await coachContext.newPage()
	await signInAs(coach, 'priya.coach@northwind.test', '/teams')
	await coach.getByRole('link', { name: 'Sam Rivera' }).first().click()
	await coach.getByRole('link', { name: /Coaching page/ }).click()
	await expect(coach.getByRole('heading', { name: 'Sam Rivera', level: 1 })).toBeVisible()
	await expect(coach.getByText('for coaching conversations, not for evaluating people')).toBeVisible()
	await expect(coach.getByTestId('no-style')).toBeVisible()
	await expect(coach.locator(`a[href$="/attempts/${attemptId}"]`)).toBeVisible()
	await expect(coach.getByRole('img', { name: /over \d+ shared attempts/ }).first()).toBeVisible()
	await coach.locator(`a[href$="/attempts/${attemptId}"]`).click()
	await expect(coach.getByRole('heading', { name: 'What this conversation shows' })).toBeVisible()
	await coach.goBack()
	const note = `Nice recovery on the bill call (${Date.now()}).`
	await coach.getByRole('textbox', { name: 'Note', exact: true }).fill(note)
	await coach.getByRole('button', { name: 'Add the note' }).click()
	await expect(coach.getByTestId('coach-notes')).toContainText(note)
	await shoot(coach, 'coach-learner-page')

	await learner.goto('/progress')
	await expect(learner.getByTestId('my-notes')).toContainText(note)
	await shoot(learner, 'progress-with-note')

	// Unsharing takes it away from the coach again.
	await learner.goto(`/play/${attemptId}/debrief`)
	await learner.getByRole('button', { name: 'Unshare' }).click()
	await expect(learner.getByRole('heading', { name: 'Private: only you see this' })).toBeVisible()
	await coach.reload()
	await expect(coach.locator(`a[href$="/attempts/${attemptId}"]`)).toHaveCount(0)
	await learnerContext.close()
	await coachContext.close()
})
