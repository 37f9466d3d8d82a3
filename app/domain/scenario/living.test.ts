import { describe, expect, it } from 'vitest'
import { buildDebrief, coachCopy } from '#app/domain/feedback/debrief.ts'
import { weightedEvidence } from '#app/domain/feedback/analysis.ts'
import type { LearnerProfile, ReactionLevel } from '#app/domain/feedback/profile.ts'
import { prebriefView } from '#app/domain/feedback/prebrief.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { edit, positionAfter } from '#app/domain/scenario/fixtures/helpers.ts'
import living from '#app/domain/scenario/fixtures/living.yaml?raw'
import { cueChoices, turnLines } from '#app/domain/scenario/living.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { applyChoice, availableChoices, currentCue, currentNodeId, initialSnapshot } from '#app/domain/scenario/play.ts'
import type { Choice, Scenario } from '#app/domain/scenario/schema.ts'
import type { Style } from '#app/domain/style.ts'

const FILE = 'scenarios/living-parcel.yaml'
const parse = (src: string) => parseScenarioSource(src, FILE)
const scenario = parse(living).scenario as Scenario
const machine = compileScenario(scenario)

// Plays the given choice ids from the start; throws if one is not on offer.
function play(...choices: string[]) {
	let snapshot = initialSnapshot(machine)
	for (const id of choices) {
		const next = applyChoice(machine, snapshot, id)
		if (!next.ok) throw new Error(`${id}: ${next.message}`)
		snapshot = next.snapshot
	}
	return snapshot
}

const lineAtNextStep = (...choices: string[]) => {
	const s = play(...choices)
	const node = scenario.nodes['next-step']
	if (node?.type !== 'turn') throw new Error('fixture changed')
	return turnLines(scenario, node, s.context)
}

describe('line variants', () => {
	it('the fixture passes the checker with no problems at all', () => {
		expect(parse(living).problems).toEqual([])
	})

	it('shows the default line when nothing special happened', () => {
		expect(lineAtNextStep('straight', 'wants-a-decision')).toEqual({
			says: 'Right. So what are my options?',
			narration: undefined,
			shown: { says: 2 },
		})
	})

	it('shows the backup line below the pressure threshold (under_pressure), before a flag variant', () => {
		const line = lineAtNextStep('explain', 'wants-a-decision')
		expect(line.says).toMatch(/^No\. Here's what you'll do/)
		expect(line.shown).toEqual({ says: 0 })
	})

	it('shows a delayed consequence of an over-promise through a flag condition', () => {
		expect(lineAtNextStep('promise', 'wants-a-decision').says).toBe("Today, you said. So it'll be here by six?")
	})

	it('chooses the same variant from the same snapshot every time (a reload shows the same line)', () => {
		const a = lineAtNextStep('explain', 'taking-over')
		const b = lineAtNextStep('explain', 'taking-over')
		expect(a).toEqual(b)
	})
})

describe('cue moments', () => {
	it('take a step of their own and record the reading in the path, changing no meter', () => {
		const before = play('straight')
		expect(currentCue(scenario, before)?.id).toBe('read-her')
		const after = play('straight', 'wants-sympathy')
		expect(currentNodeId(after)).toBe('next-step')
		expect(after.context.path.at(-1)).toEqual({ node: 'read-her', choice: 'wants-sympathy' })
		expect(after.context.meters).toEqual(before.context.meters)
	})

	it('refuse an option that is not theirs', () => {
		expect(applyChoice(machine, play('straight'), 'two-options')).toMatchObject({ ok: false, reason: 'unavailable' })
	})

	it('score the reading against the line shown: under pressure the right reading changes', () => {
		const right = (s: ReturnType<typeof play>) =>
			availableChoices(scenario, s).find((c: Choice) => (c.evidence?.cue_reading ?? 0) > 0)?.id
		expect(right(play('straight'))).toBe('wants-a-decision')
		expect(right(play('explain'))).toBe('taking-over')
		const node = scenario.nodes['read-her']
		if (node?.type !== 'cue') throw new Error('fixture changed')
		expect(cueChoices(scenario, node, play('explain').context).map((c) => c.evidence?.cue_reading)).toEqual([-1, -1, 2])
	})
})

describe('the checker on living scenarios', () => {
	const problems = (src: string) => parse(src).problems

	it('reports a variant condition on an undeclared meter, with file and line', () => {
		const src = edit(living, ['      - when: { promised_today: true }', '      - when: { temper: { lt: 5 } }'])
		expect(problems(src)).toContainEqual(
			expect.objectContaining({
				severity: 'error',
				path: 'nodes.next-step.says[1].when.temper',
				message: expect.stringContaining('undeclared meter "temper"'),
				line: positionAfter(src, '{ temper:', 'temper').line,
			}),
		)
	})

	it('warns when a variant can never be shown', () => {
		const src = edit(living, ['      - when: under_pressure', '      - when: { patience: { gt: 100 } }'])
		expect(problems(src)).toContainEqual(
			expect.objectContaining({
				severity: 'warning',
				path: 'nodes.next-step.says[0].when',
				message: expect.stringContaining('never shown'),
			}),
		)
	})

	it('warns when the default line can never be shown', () => {
		const src = edit(living, ['      - when: under_pressure', '      - when: { patience: { gte: 0 } }'])
		expect(problems(src)).toContainEqual(
			expect.objectContaining({ severity: 'warning', path: 'nodes.next-step.says[2].text' }),
		)
	})

	it('requires a `when` on every variant but the last', () => {
		const src = edit(
			living,
			['      - when: { promised_today: true }\n', '      - '],
			['        text: "Today', 'text: "Today'],
		)
		expect(problems(src)).toContainEqual(
			expect.objectContaining({
				severity: 'error',
				path: 'nodes.next-step.says[1]',
				message: 'needs a `when`: only the last variant, the default, may go without one',
			}),
		)
	})

	it('requires a cue moment to lead to a turn, name one of its options, and the scenario to list cue_reading', () => {
		const src = edit(
			living,
			['    to: next-step\n  next-step:', '    to: settle\n  next-step:'],
			['    answer: wants-a-decision', '    answer: wants-a-refund'],
			[
				'skills: [clarity, realistic_promises, de_escalation, cue_reading]',
				'skills: [clarity, realistic_promises, de_escalation]',
			],
		)
		const errors = problems(src).filter((p) => p.severity === 'error')
		expect(errors.map((p) => p.path)).toEqual(
			expect.arrayContaining(['nodes.read-her.to', 'nodes.read-her.answer', 'skills']),
		)
	})

	it("checks a variant's cue answer against the cue moment before it", () => {
		const src = edit(living, ['cue: { answer: taking-over,', 'cue: { answer: took-over,'])
		expect(problems(src)).toContainEqual(
			expect.objectContaining({ severity: 'error', path: 'nodes.next-step.says[0].cue.answer' }),
		)
	})

	it('requires `tries:` to name a pre-brief tip, and warns about a tip no reply tries', () => {
		const src = edit(living, ['        tries: offer-a-choice', '        tries: offer-choice'])
		const found = problems(src)
		expect(found).toContainEqual(
			expect.objectContaining({
				severity: 'error',
				path: 'nodes.next-step.choices[0].tries',
				message: expect.stringContaining('did you mean "offer-a-choice"'),
			}),
		)
		const untried = problems(edit(living, ['        tries: offer-a-choice\n', '']))
		expect(untried).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'prebrief.tips[1].id' }))
	})
})

const typical: ReactionLevel = { level: 'typical', borderline: false }
const profile = (styles: Style[]): LearnerProfile => ({
	resultId: 'result-1',
	styles,
	dot: { x: -0.4, y: 0.6 },
	flagged: false,
	stress: { take_over: typical, push_harder: typical, give_in: typical, withdraw: typical },
})
const debrief = (steps: Array<[string, string]>, p: LearnerProfile) =>
	buildDebrief({ scenario, machine, path: steps.map(([node, choice]) => ({ node, choice })), profile: p })

describe('the debrief of a living scenario', () => {
	const underPressure: Array<[string, string]> = [
		['opening', 'explain'],
		['read-her', 'wants-a-decision'],
		['next-step', 'two-options'],
	]

	it('shows the cue that was missed: the reading given, the right one and why', () => {
		const d = debrief(underPressure, null)
		const cue = d.decisions.find((x) => x.nodeId === 'read-her')
		expect(cue).toMatchObject({
			kind: 'cue',
			question: 'What is this customer signalling right now?',
			says: "No. Here's what you'll do: cancel it, refund me, and I'll buy one in town.",
			chosen: { id: 'wants-a-decision' },
			better: { id: 'taking-over', text: 'She is taking the call over' },
		})
		expect(d.skills.find((s) => s.skill === 'cue_reading')).toMatchObject({ inPlay: true, score: 0 })
		expect(d.decisions.find((x) => x.nodeId === 'next-step')?.says).toMatch(/^No\./)
	})

	it('leaves cue moments out of the style-flex rate', () => {
		expect(debrief(underPressure, null).flex).toMatchObject({ turns: 2, fit: 1, miss: 1 })
	})

	it('a right reading scores cue_reading in full and has nothing better', () => {
		const d = debrief(
			[
				['opening', 'straight'],
				['read-her', 'wants-a-decision'],
				['next-step', 'two-options'],
			],
			null,
		)
		expect(d.decisions.find((x) => x.nodeId === 'read-her')?.better).toBeNull()
		expect(d.skills.find((s) => s.skill === 'cue_reading')).toMatchObject({ inPlay: true, score: 1 })
	})

	it("comes back to the pre-brief tip picked for the learner's style, marked as drawn from the self-assessment", () => {
		const d = debrief(
			[
				['opening', 'straight'],
				['read-her', 'wants-a-decision'],
				['next-step', 'two-options'],
			],
			profile(['harmonizer']),
		)
		const f = d.feedback.find((x) => x.ruleId.startsWith('prebrief'))
		expect(f).toMatchObject({ ruleId: 'prebrief.yours.tried', steps: [1], usesSelfAssessment: true })
		expect(f?.text).toContain('Give her the answer first')
		expect(coachCopy(d, false).feedback.some((x) => x.ruleId.startsWith('prebrief'))).toBe(false)
		expect(coachCopy(d, true).feedback.some((x) => x.ruleId.startsWith('prebrief'))).toBe(true)
	})

	it('says when the tip was on offer but not tried', () => {
		const d = debrief(underPressure, profile(['analyst']))
		expect(d.feedback.find((x) => x.ruleId.startsWith('prebrief'))).toMatchObject({
			ruleId: 'prebrief.yours.not-tried',
			steps: [1],
		})
	})

	it('without a result, follows up the tip for everyone, which a coach may see', () => {
		const d = debrief(underPressure, null)
		expect(d.feedback.find((x) => x.ruleId.startsWith('prebrief'))).toMatchObject({
			ruleId: 'prebrief.any.tried',
			steps: [3],
			usesSelfAssessment: false,
		})
	})
})

describe('de-escalation evidence weighed by its effect on the pressure meter', () => {
	const reply = (id: string, e: number): Choice => ({
		id,
		text: id,
		to: 'x',
		flex: 'neutral',
		why: 'x',
		evidence: { de_escalation: e },
	})
	const turn = (changes: Record<string, number>) => ({ pressureChange: changes, pressureScale: 20 })

	it('counts a calming reply more when it really eased the pressure, less when it did not', () => {
		expect(weightedEvidence(turn({ a: 20 }), reply('a', 2), 'de_escalation')).toBe(4)
		expect(weightedEvidence(turn({ a: 10 }), reply('a', 2), 'de_escalation')).toBe(3)
		expect(weightedEvidence(turn({ a: 0 }), reply('a', 2), 'de_escalation')).toBe(2)
		expect(weightedEvidence(turn({ a: -20 }), reply('a', 2), 'de_escalation')).toBe(1)
	})

	it('counts an escalating reply more against when it sent the meter down', () => {
		expect(weightedEvidence(turn({ a: -20 }), reply('a', -2), 'de_escalation')).toBe(-4)
		expect(weightedEvidence(turn({ a: 10 }), reply('a', -2), 'de_escalation')).toBe(-1)
	})

	it('leaves other skills as authored', () => {
		const c: Choice = { ...reply('a', 0), evidence: { clarity: 2 } }
		expect(weightedEvidence(turn({ a: 20 }), c, 'clarity')).toBe(2)
	})

	it('feeds the skill score: the same replies score differently when their effect differs', () => {
		const d = debrief(
			[
				['opening', 'straight'],
				['read-her', 'wants-a-decision'],
				['next-step', 'calm-down'],
			],
			null,
		)
		// Best on offer at next-step: two-options (+2, patience +15 → ×1.75 = 3.5); chosen calm-down −2 × 2 (−25) = −4.
		// At the opening, explain (−1, −20) is the only de_escalation evidence: best 0.
		expect(d.skills.find((s) => s.skill === 'de_escalation')).toMatchObject({
			inPlay: true,
			best: 3.5,
			chosen: -4,
			score: 0,
		})
	})
})

describe('the pre-brief', () => {
	it('gives a learner with a result their dot, where their style pulls apart from the customer, and one tip for them', () => {
		const v = prebriefView(scenario, { styles: ['harmonizer'], dot: { x: -0.4, y: 0.6 } })
		expect(v.customer).toEqual({ name: 'Dana Okafor', style: 'director' })
		expect(v.you).toEqual({
			styles: ['harmonizer'],
			dot: { x: -0.4, y: 0.6 },
			apart: ['You soften bad news; she hears the softening as a delay.'],
		})
		expect(v.tip?.id).toBe('answer-first')
	})

	it('falls back to lines from the two styles when the scenario has none for this learner style', () => {
		const v = prebriefView(scenario, { styles: ['energizer'], dot: { x: 0.5, y: 0.5 } })
		expect(v.you?.apart).toEqual(['You lead with the relationship; Directors lead with the task.'])
		expect(v.tip?.id).toBe('offer-a-choice')
	})

	it('gives a learner with no result the persona alone and the tip for everyone', () => {
		const v = prebriefView(scenario, null)
		expect(v.you).toBeNull()
		expect(v.tip?.id).toBe('offer-a-choice')
	})
})
