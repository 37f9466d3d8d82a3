import { expect, test, type Page } from '@playwright/test'
import { CURRENT_INSTRUMENT, findLikertItem } from '#app/domain/assessment/item-bank.ts'
import { acceptInvitation, answerAssessmentPages, inviteMember, signUp, uniqueEmail } from './support.ts'

// The adaptive short form (issue 16 item 7): an admin switches their organisation to it, and a
// learner who answers clearly finishes with fewer questions than the full form. Each run signs up its
// own organisation, so the setting never leaks into the other assessment journeys.

const PASSWORD = 'a long and memorable passphrase'
const FULL_FORM = CURRENT_INSTRUMENT.likertItems.length + CURRENT_INSTRUMENT.vignettes.length
const STRESS_LEVEL = { take_over: 2, push_harder: 3, give_in: 4, withdraw: 2 } as const

test.describe.configure({ timeout: 180_000 })

// A clear "tells + people" answerer: agrees with forward statements, disagrees with their antonyms,
// a coherent stress profile, the checks answered as asked, a style named for every speaker. The
// statement id is in each question's id (q-<id>), and the radio values are the answer codes.
async function answerClearly(page: Page) {
	await expect(page.locator('.assessment__form .button-row')).toBeVisible()
	const questions = page.locator('fieldset.question')
	const count = await questions.count()
	for (let i = 0; i < count; i++) {
		const question = questions.nth(i)
		const id = ((await question.getAttribute('id')) ?? '').replace(/^q-/, '')
		const item = findLikertItem(CURRENT_INSTRUMENT, id)
		let value = 'director'
		if (item?.kind === 'instructed') value = String(item.expected)
		else if (item?.kind === 'axis') value = item.keying === 'forward' ? '5' : '1'
		else if (item?.kind === 'stress') {
			const level = STRESS_LEVEL[item.reaction]
			value = String(item.keying === 'reverse' ? 6 - level : level)
		}
		await question.locator(`input[type="radio"][value="${value}"]`).check()
	}
}

for (const javaScriptEnabled of [true, false]) {
	test(`an admin turns on the short form and a clear learner finishes early (learner JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
		page,
		browser,
	}) => {
		await signUp(page, `Short Form ${javaScriptEnabled ? 'JS' : 'HTML'}`, uniqueEmail('owner'), PASSWORD)
		await page.goto('/admin/organisation')
		const setting = page.getByRole('group', { name: 'Form for new assessments' })
		await expect(setting.getByLabel(/Full form/)).toBeChecked()
		await setting.getByLabel(/Short form/).check()
		await page.getByRole('button', { name: 'Save form' }).click()
		await expect(page.getByRole('status')).toContainText('New assessments start on the short form')
		await expect(page.getByRole('group', { name: 'Form for new assessments' }).getByLabel(/Short form/)).toBeChecked()
		const link = await inviteMember(page, uniqueEmail('learner'), 'learner')

		const context = await browser.newContext({ javaScriptEnabled })
		const learner = await context.newPage()
		await acceptInvitation(learner, link, 'Sol Shortform', PASSWORD)
		await learner.goto('/assessment')
		await learner.getByRole('button', { name: /Start/ }).click()
		await expect(learner).toHaveURL(/\/assessment\/take$/)
		await expect(learner.getByText(/Questions 1–\d+ of up to \d+/)).toBeVisible()

		const asked = await answerAssessmentPages(learner, answerClearly)
		expect(asked).toBeLessThan(FULL_FORM)
		await expect(learner.getByText(/This was the short form: you answered 24 of the 56 style statements/)).toBeVisible()
		await expect(learner.getByRole('heading', { level: 1 })).toContainText('Energizer')
		await context.close()
	})
}
