import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { debriefs, decisions } from '#db/schema.ts'
import { action as introAction, loader as introLoader } from '#app/routes/practice.$scenarioId.tsx'
import { action as playAction, loader as playLoader } from '#app/routes/play.$attemptId.tsx'
import type { DebriefContent } from '#app/domain/feedback/debrief.ts'
import type { TranscriptEntry } from '#app/domain/scenario/play-view.ts'
import { addMember, createOrganisation, sessionCookieFor } from '#tests/support/factories.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

// A living scenario through the real routes, services and database: the backup line shown below
// the pressure threshold, a cue moment recorded as a decision with the variant it read, and the
// stored debrief naming the cue that was missed.
const SCENARIO = 'frozen-payment-manager'
const BACKUP = 'Twelve minutes. No. Give me that number.'

type PlayData = {
	play: {
		step: number
		status: string
		nodeId: string
		cue: { question: string } | null
		choices: Array<{ id: string; text: string }>
		transcript: TranscriptEntry[]
	}
}

async function start() {
	const org = await createOrganisation('Living Org')
	const learner = await addMember(org.organisationId, org.admin.id, 'learner', 'Lee Living')
	const cookie = await sessionCookieFor(learner.id, org.organisationId)
	const started = await settle(
		introAction({
			request: formRequest(`/practice/${SCENARIO}`, { intent: 'start' }, { cookie }),
			params: { scenarioId: SCENARIO },
			context: testContext(),
		}),
	)
	expect(started.status).toBe(302)
	return { ...org, cookie, attemptId: started.headers.get('Location')!.split('/').pop()! }
}

async function view(attemptId: string, cookie: string) {
	const res = await settle(
		playLoader({ request: getRequest(`/play/${attemptId}`, cookie), params: { attemptId }, context: testContext() }),
	)
	expect(res.status).toBe(200)
	return ((await res.json()) as PlayData).play
}

async function choose(attemptId: string, cookie: string, choice: string) {
	const { step } = await view(attemptId, cookie)
	const res = await settle(
		playAction({
			request: formRequest(`/play/${attemptId}`, { intent: 'choose', step: String(step), choice }, { cookie }),
			params: { attemptId },
			context: testContext(),
		}),
	)
	expect(res.status).toBe(302)
}

const customerLines = (t: TranscriptEntry[]) => t.flatMap((e) => (e.kind === 'customer' ? [e.text] : []))

describe('a living scenario, played through the routes', () => {
	it('shows the backup line under pressure, records the cue moment and its variant, and debriefs the missed cue', async () => {
		const { organisationId, cookie, attemptId } = await start()
		for (const c of ['long-apology', 'explain-the-policy', 'calm-and-concrete']) await choose(attemptId, cookie, c)

		const atCue = await view(attemptId, cookie)
		expect(atCue.nodeId).toBe('read-the-wait')
		expect(atCue.cue).toEqual({ question: 'What is this customer signalling right now?' })
		expect(atCue.choices.map((c) => c.id).sort()).toEqual([
			'taking-over',
			'wants-control',
			'wants-detail',
			'wants-reassurance',
		])
		expect(customerLines(atCue.transcript).at(-1)).toContain(BACKUP)

		await choose(attemptId, cookie, 'wants-control')
		const afterCue = await view(attemptId, cookie)
		expect(afterCue.nodeId).toBe('on-hold')
		expect(afterCue.cue).toBeNull()
		// The line read at the cue moment is the one replied to: shown once, not repeated.
		expect(customerLines(afterCue.transcript).filter((l) => l.includes(BACKUP))).toHaveLength(1)
		expect(afterCue.transcript).toContainEqual({
			kind: 'cue',
			question: 'What is this customer signalling right now?',
			text: 'She wants control of her own afternoon back',
		})

		for (const c of ['give-her-control', 'own-without-blame', 'make-it-quick', 'prevention-plan', 'brief-confirm'])
			await choose(attemptId, cookie, c)
		expect((await view(attemptId, cookie)).status).toBe('completed')

		const rows = await getDb()
			.select()
			.from(decisions)
			.where(and(eq(decisions.organisationId, organisationId), eq(decisions.attemptId, attemptId)))
			.orderBy(asc(decisions.step))
		const cueRow = rows.find((r) => r.nodeId === 'read-the-wait')
		expect(cueRow).toMatchObject({ step: 4, choiceId: 'wants-control', variant: { says: 0 } })
		expect(rows.find((r) => r.nodeId === 'on-hold')).toMatchObject({
			choiceId: 'give-her-control',
			variant: { says: 0 },
		})
		// Plain lines record no variant.
		expect(rows.find((r) => r.nodeId === 'opening')?.variant).toBeNull()

		const [stored] = await getDb()
			.select()
			.from(debriefs)
			.where(and(eq(debriefs.organisationId, organisationId), eq(debriefs.attemptId, attemptId)))
		const content = stored!.content as unknown as DebriefContent
		expect(content.decisions.find((d) => d.nodeId === 'read-the-wait')).toMatchObject({
			kind: 'cue',
			chosen: { id: 'wants-control' },
			better: { id: 'taking-over', text: 'She is about to take the call over herself' },
		})
		expect(content.skills.find((s) => s.skill === 'cue_reading')).toMatchObject({ inPlay: true, score: 0 })
	})

	it('shows the calm line and reads the cue against it when patience holds', async () => {
		const { cookie, attemptId } = await start()
		for (const c of ['take-charge', 'scope-and-plan']) await choose(attemptId, cookie, c)
		const atCue = await view(attemptId, cookie)
		expect(atCue.nodeId).toBe('read-the-wait')
		expect(customerLines(atCue.transcript).at(-1)).toContain("Twelve minutes? On hold? I've got a site to run.")
	})

	it('gives a learner without a result the persona brief and the tip for everyone on the intro page', async () => {
		const { cookie } = await start()
		const res = await settle(
			introLoader({
				request: getRequest(`/practice/${SCENARIO}`, cookie),
				params: { scenarioId: SCENARIO },
				context: testContext(),
			}),
		)
		const data = (await res.json()) as { prebrief: { you: unknown; tip: { id: string } | null } }
		expect(data.prebrief.you).toBeNull()
		expect(data.prebrief.tip?.id).toBe('hand-her-control')
	})
})
