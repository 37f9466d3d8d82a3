import { expect, test, type Page } from '@playwright/test'
import { playToEnding, signInAs } from './support.ts'

// Issue 13's whole journey: a coach gives an onboarding path; the learner (JavaScript off) completes one
// item and shares an attempt they started on their own; the coach sees both, and writes a note that
// the learner then reads. Screenshots at 1280, 768 and 360 px when ATTUNE_SCREENSHOTS_DIR is set.
const SHOTS = process.env.ATTUNE_SCREENSHOTS_DIR
const COACH = 'priya.coach@northwind.test'
const LEARNER = 'tom@northwind.test'
const LEARNER_NAME = 'Tom Becker'
const PATH = 'Support onboarding: first week'
const ITEM = 'A cancelled delivery the customer is too polite to complain about'
const OWN_SCENARIO = 'catch-up-bill'

async function shoot(page: Page, name: string) {
	if (!SHOTS) return
	for (const width of [1280, 768, 360]) {
		await page.setViewportSize({ width, height: 900 })
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
	}
	await page.setViewportSize({ width: 1280, height: 900 })
}

// Plays the attempt just started to its ending, and returns its id.
async function playToEnd(page: Page) {
	await expect(page).toHaveURL(/\/play\/[0-9a-f-]{36}(#now)?$/)
	await playToEnding(page)
	return /\/play\/([0-9a-f-]{36})/.exec(page.url())![1]!
}

test('a coach gives a path; the learner does one item and shares own practice; the coach sees both and writes a note the learner reads', async ({
	browser,
}) => {
	const coachContext = await browser.newContext()
	const coach = await coachContext.newPage()
	await signInAs(coach, COACH, '/assignments')
	await coach.locator('#give-path').selectOption({ label: `${PATH} (3 items)` })
	await coach.locator('#give-learner').selectOption({ label: LEARNER_NAME })
	await coach.getByRole('button', { name: 'Give path' }).click()
	await expect(coach.getByRole('status')).toHaveText('Path given: 3 assignments.')

	const learnerContext = await browser.newContext({ javaScriptEnabled: false })
	const learner = await learnerContext.newPage()
	await signInAs(learner, LEARNER, '/home')
	const todo = learner.getByRole('region', { name: 'To do' })
	await expect(todo.getByText(`${PATH}: 0 of 3 done`)).toBeVisible()
	await shoot(learner, 'journey-todo')
	await todo.getByRole('link', { name: ITEM }).click()
	await expect(learner.getByRole('heading', { name: 'Who will see it' })).toBeVisible()
	await learner.getByRole('button', { name: 'Start the conversation' }).click()
	const assignedAttempt = await playToEnd(learner)
	await learner.goto('/home')
	await expect(todo.getByText(`${PATH}: 1 of 3 done`)).toBeVisible()

	// Practice started on their own is private until they share it.
	await learner.goto(`/practice/${OWN_SCENARIO}`)
	await learner.getByRole('button', { name: 'Start the conversation' }).click()
	const ownAttempt = await playToEnd(learner)
	await learner.getByRole('link', { name: 'Read your debrief' }).click()
	await expect(learner.getByRole('heading', { name: 'Private: only you see this' })).toBeVisible()
	await learner.getByRole('button', { name: 'Share with my coaches' }).click()
	await expect(learner.getByRole('heading', { name: 'Shared with your coaches' })).toBeVisible()
	await shoot(learner, 'journey-shared-debrief')

	await coach.goto('/teams')
	await coach.getByRole('link', { name: 'Dashboard of Support — Tier 1' }).click()
	const row = coach.getByRole('row', { name: new RegExp(LEARNER_NAME) })
	await expect(row).toContainText('1 of 3 done')
	await shoot(coach, 'journey-dashboard')
	await row.getByRole('link', { name: LEARNER_NAME }).click()
	await expect(coach.getByRole('heading', { name: LEARNER_NAME, level: 1 })).toBeVisible()
	await expect(coach.locator(`a[href$="/attempts/${assignedAttempt}"]`)).toBeVisible()
	await expect(coach.locator(`a[href$="/attempts/${ownAttempt}"]`)).toBeVisible()
	const note = `Good start on the first week (${Date.now()}).`
	await coach.getByRole('textbox', { name: 'Note', exact: true }).fill(note)
	await coach.getByRole('button', { name: 'Add the note' }).click()
	await expect(coach.getByTestId('coach-notes')).toContainText(note)
	await shoot(coach, 'journey-learner-page')

	await learner.goto('/progress')
	await expect(learner.getByTestId('my-notes')).toContainText(note)
	await shoot(learner, 'journey-note-read')
	await coachContext.close()
	await learnerContext.close()
})
