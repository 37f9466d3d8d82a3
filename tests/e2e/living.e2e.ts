import { expect, test, type Page } from '@playwright/test'
import { choose as press, signInAs, startScenario } from './support.ts'

// A living role-play end to end: the pre-brief, a customer pushed below her pressure threshold
// (her backup line appears), a cue moment answered wrongly, and the debrief showing the missed cue.
// scenarios/frozen-payment-manager.yaml is this journey's scenario (see /work/briefs/living-format.md).
const SCENARIO = 'frozen-payment-manager'
const SHOTS = process.env.ATTUNE_SCREENSHOTS_DIR
const BACKUP_LINE = "Twelve minutes. No. Give me that number. I'll ring them myself from the car"
const CALM_LINE = "Twelve minutes? On hold? I've got a site to run."

test.describe.configure({ timeout: 240_000 })

async function shoot(page: Page, name: string) {
	if (!SHOTS) return
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 900 })
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
	}
	await page.setViewportSize({ width: 1280, height: 900 })
}

// Answers every assessment page with a fixed, attentive-looking pattern (as assessment.e2e.ts does).
async function takeAssessment(page: Page) {
	await page.goto('/assessment')
	const restart = page.getByRole('button', { name: 'Start over' })
	if (await restart.isVisible()) await restart.click()
	else await page.getByRole('button', { name: /Start/ }).click()
	await expect(page).toHaveURL(/\/assessment\/take$/)
	for (let pageNo = 0; pageNo < 20; pageNo++) {
		await expect(page.locator('.assessment__form .button-row')).toBeVisible()
		const questions = page.locator('fieldset.question')
		const count = await questions.count()
		for (let i = 0; i < count; i++) {
			const options = questions.nth(i).locator('input[type="radio"]')
			await options.nth((i * 3 + pageNo) % (await options.count())).check()
		}
		const finish = page.getByRole('button', { name: 'Finish and see my report' })
		if (await finish.isVisible()) {
			await finish.click()
			break
		}
		const progress = await page.getByText(/Questions \d+–\d+ of \d+/).textContent()
		await page.getByRole('button', { name: 'Save and continue' }).click()
		await expect(page.getByText(/Questions \d+–\d+ of \d+/)).not.toHaveText(progress ?? '')
	}
	await expect(page).toHaveURL(/\/assessment\/results\/[0-9a-f-]{36}$/)
}

// Replies are shuffled per attempt: pick them by their words.
const choose = (page: Page, text: string | RegExp) => press(page, page.getByRole('button', { name: text }))

async function playBelowThresholdThroughCue(page: Page, shots: string) {
	await choose(page, /^I'm so sorry you've had this experience/)
	await choose(page, /^For your protection, our fraud policy/)
	// Patience is now 0; the calm reply brings it to 10, still below the threshold of 20.
	await choose(page, /^I'd much rather keep your business/)

	// The cue moment: her backup line (a Director takes over), read before replying to it.
	await expect(page.locator('.transcript__entry--customer').last()).toContainText(BACKUP_LINE)
	await expect(page.locator('.transcript').getByText(CALM_LINE)).toHaveCount(0)
	await expect(page.getByText('What is this customer signalling right now?')).toBeVisible()
	await expect(page.locator('form[aria-label="Your reading"] button[name="choice"]')).toHaveCount(4)
	await shoot(page, `${shots}-cue`)
	// A reload shows the same line: the variant comes from the saved state, not from chance.
	await page.reload()
	await expect(page.locator('.transcript__entry--customer').last()).toContainText(BACKUP_LINE)
	await choose(page, 'She wants control of her own afternoon back')

	// Then the conversation goes on with replies to that same line, shown once.
	await expect(page.getByText('You read:')).toBeVisible()
	await expect(page.locator('.transcript').getByText(BACKUP_LINE)).toHaveCount(1)
	await expect(page.locator('form[aria-label="Your reply"]')).toBeVisible()
	await choose(page, /^No need to sit through hold music/)
	for (let i = 0; i < 12 && (await page.locator('.ending').count()) === 0; i++) {
		await press(page, page.locator('form[aria-label="Your reply"] button[name="choice"]').first())
	}
	await expect(page.locator('.ending .outcome')).toBeVisible()

	await page.getByRole('link', { name: 'Read your debrief' }).click()
	await expect(page).toHaveURL(/\/debrief$/)
	const cue = page.locator('.decision__cue')
	await expect(cue).toContainText('You read: She wants control of her own afternoon back')
	await expect(cue).toContainText('The cue you missed: She is about to take the call over herself')
	await expect(cue).toContainText('under pressure a Director takes over')
	await expect(page.getByText(BACKUP_LINE).first()).toBeVisible()
	await expect(page.getByText('Reading cues').first()).toBeVisible()
	await shoot(page, `${shots}-debrief`)
}

test('with a self-assessment result and JavaScript on: pre-brief dot, backup line, cue moment, missed cue', async ({
	page,
}) => {
	await signInAs(page, 'diego@northwind.test')
	await takeAssessment(page)
	await page.goto(`/practice/${SCENARIO}`)
	const prebrief = page.locator('section.prebrief')
	await expect(prebrief.getByRole('heading', { name: 'You and Carla Benedetti' })).toBeVisible()
	// The learner's own dot beside the customer's marker on the circle.
	await expect(prebrief.locator('.style-circle__result')).toHaveCount(1)
	await expect(prebrief.locator('.style-circle__other')).toContainText('Carla')
	await expect(prebrief.getByText('One thing to try:')).toBeVisible()
	await expect(prebrief.getByText('Take the self-assessment')).toHaveCount(0)
	await shoot(page, 'living-prebrief')
	await startScenario(page, SCENARIO)
	await playBelowThresholdThroughCue(page, 'living-js')
	// The debrief comes back to the pre-brief's tip.
	await expect(page.getByText(/the thing to try with Carla Benedetti/i)).toBeVisible()
})

test('without a result and with JavaScript off: the persona brief alone, and the same journey', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await signInAs(page, 'noah@northwind.test')
	await page.goto(`/practice/${SCENARIO}`)
	const prebrief = page.locator('section.prebrief')
	await expect(prebrief.locator('.style-circle__result')).toHaveCount(0)
	await expect(prebrief.getByRole('link', { name: 'Take the self-assessment' })).toBeVisible()
	await expect(prebrief.getByText('Carla Benedetti is a Director.')).toBeVisible()
	await shoot(page, 'living-prebrief-no-result')
	await startScenario(page, SCENARIO)
	await playBelowThresholdThroughCue(page, 'living-nojs')
	await context.close()
})
