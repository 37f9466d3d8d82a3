import { expect, test, type Page } from '@playwright/test'
import { playToEnding, signInAs } from './support.ts'

// Issue 13: a coach gives an onboarding path; the learner (JavaScript off) sees the to-do list, is told
// who will see the assigned attempt, completes one item; the coach's team dashboard shows it done.
const SHOTS = process.env.ATTUNE_SCREENSHOTS_DIR
const COACH = 'priya.coach@northwind.test'
const LEARNER = 'sam@northwind.test'
const PATH = 'Support onboarding: first week'
const ITEM = 'A cancelled delivery the customer is too polite to complain about'

async function shoot(page: Page, name: string) {
	if (!SHOTS) return
	for (const width of [1280, 768, 360]) {
		await page.setViewportSize({ width, height: 900 })
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
	}
	await page.setViewportSize({ width: 1280, height: 900 })
}

test('a coach gives an onboarding path, the learner completes one item, the dashboard shows it done', async ({
	browser,
}) => {
	const coachContext = await browser.newContext()
	const coach = await coachContext.newPage()
	await signInAs(coach, COACH, '/assignments')
	await coach.locator('#give-path').selectOption({ label: `${PATH} (3 items)` })
	await coach.locator('#give-learner').selectOption({ label: 'Sam Rivera' })
	await coach.getByRole('button', { name: 'Give path' }).click()
	await expect(coach.getByRole('status')).toHaveText('Path given: 3 assignments.')
	await expect(coach.getByRole('row', { name: new RegExp(`${ITEM}.*Sam Rivera`) }).first()).toBeVisible()
	await shoot(coach, 'coaching-assignments')

	const learnerContext = await browser.newContext({ javaScriptEnabled: false })
	const learner = await learnerContext.newPage()
	await signInAs(learner, LEARNER, '/practice')
	await expect(learner.getByRole('link', { name: /Home\s*3 new/ })).toBeVisible()
	await learner.getByRole('link', { name: /Home/ }).first().click()
	const todo = learner.getByRole('region', { name: 'To do' })
	await expect(todo.getByText(`${PATH}: 0 of 3 done`)).toBeVisible()
	await expect(todo.getByRole('link', { name: ITEM })).toBeVisible()
	await expect(todo.getByText(/assigned by Priya Shah/).first()).toBeVisible()
	await shoot(learner, 'coaching-todo')
	// The badge is gone once Home has been opened.
	await learner.goto('/practice')
	await expect(learner.getByRole('link', { name: /3 new/ })).toHaveCount(0)
	await learner.goto('/home')

	await todo.getByRole('link', { name: ITEM }).click()
	await expect(learner.getByRole('heading', { name: 'Who will see it' })).toBeVisible()
	await expect(learner.getByText(/Priya Shah/).first()).toBeVisible()
	await shoot(learner, 'coaching-who-sees')
	await learner.getByRole('button', { name: 'Start the conversation' }).click()
	await expect(learner).toHaveURL(/\/play\/[0-9a-f-]{36}$/)
	await playToEnding(learner)
	await learner.goto('/home')
	await expect(todo.getByText(`${PATH}: 1 of 3 done`)).toBeVisible()
	await expect(todo.locator('li.todo--done')).toContainText(ITEM)

	await coach.goto('/teams')
	await coach.getByRole('link', { name: 'Dashboard of Support — Tier 1' }).click()
	await expect(
		coach.getByText('Scores are for coaching conversations, not for evaluating people.', { exact: false }),
	).toBeVisible()
	const sam = coach.getByRole('row', { name: /Sam Rivera/ })
	await expect(sam).toContainText('1 of 3 done')
	await expect(sam).toContainText('today')
	await shoot(coach, 'coaching-dashboard')
	await coachContext.close()
	await learnerContext.close()
})
