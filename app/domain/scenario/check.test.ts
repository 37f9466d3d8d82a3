import { describe, expect, it } from 'vitest'
import { edit, errorsOf, positionAfter, positionOf, problemsOf, tiny } from '#app/domain/scenario/fixtures/helpers.ts'
import { isLengthGiveaway } from '#app/domain/scenario/library.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import { formatProblem, summarizeProblems, type Problem } from '#app/domain/scenario/problems.ts'
import { TEXT_LIMITS } from '#app/domain/scenario/schema.ts'

const FILE = 'scenarios/tiny.yaml'

// Asserts exactly one problem at `path`, with this message, reported where `where` says.
function expectOne(
	problems: Problem[],
	expected: { path: string; message: string; line: number; col: number; severity?: Problem['severity'] },
) {
	const at = problems.filter((p) => p.path === expected.path)
	expect(at, JSON.stringify(problems, null, 1)).toHaveLength(1)
	expect(at[0]).toEqual({ file: FILE, severity: 'error', ...expected })
}

describe('the base fixture', () => {
	it('passes with no problems at all, so each test below sees only its own rule', () => {
		const result = parseScenarioSource(tiny, FILE)
		expect(result.problems).toEqual([])
		expect(result.scenario?.id).toBe('tiny')
	})
})

describe('schema rules', () => {
	it('reports a wrong type with a plain message at the key', () => {
		const src = edit(tiny, ['minutes: 5', 'minutes: five'])
		expectOne(problemsOf(src), {
			path: 'minutes',
			message: 'must be a number, not the text "five"',
			...positionOf(src, 'minutes: five', 'minutes'),
		})
	})

	it('reports a missing field at the nearest part of the path that exists', () => {
		const src = edit(tiny, ['    says: So what now?\n', ''])
		expectOne(problemsOf(src), {
			path: 'nodes.details.says',
			message: 'is required',
			...positionOf(src, '  details:', 'details'),
		})
	})

	it('reports an unknown field at the field itself, with a suggestion', () => {
		const src = edit(tiny, ['effects: { patience: 10, trust: 30 }', 'efects: { patience: 10, trust: 30 }'])
		expectOne(problemsOf(src), {
			path: 'nodes.opening.choices[0].efects',
			message: 'unknown field "efects" (did you mean "effects"?)',
			...positionOf(src, 'efects:', 'efects'),
		})
	})

	it('lists the allowed values for a closed list such as style, with a suggestion', () => {
		const src = edit(tiny, ['style: director', 'style: directer'])
		expectOne(problemsOf(src), {
			path: 'persona.style',
			message: 'must be one of: director, energizer, harmonizer, analyst — "directer" (did you mean "director"?)',
			...positionOf(src, 'style: directer', 'style'),
		})
	})

	it('rejects a node type it does not know', () => {
		const src = edit(tiny, ['  decide:\n    type: branch', '  decide:\n    type: fork'])
		expectOne(problemsOf(src), {
			path: 'nodes.decide.type',
			message: 'type must be one of: turn, cue, branch, ending',
			...positionOf(src, 'type: fork', 'type'),
		})
	})

	it('rejects a skill outside the catalogue, in the list and in evidence', () => {
		const src = edit(
			tiny,
			['skills: [clarity, realistic_promises]', 'skills: [clarity, realistic_promises, charm]'],
			['evidence: { clarity: 1 }', 'evidence: { clarty: 1 }'],
		)
		const problems = problemsOf(src)
		expectOne(problems, {
			path: 'skills[2]',
			message: expect.stringContaining('must be one of: active_listening, empathy'),
			...positionOf(src, 'skills: [', 'charm'),
		})
		expectOne(problems, {
			path: 'nodes.opening.choices[0].evidence.clarty',
			message: expect.stringMatching(
				/^"clarty" is not a skill in the catalogue \(did you mean "clarity"\?\); skills are: active_listening/,
			),
			...positionOf(src, 'evidence: { clarty', 'clarty'),
		})
	})

	it('keeps evidence weights within -2..+2 and whole', () => {
		const src = edit(tiny, ['evidence: { clarity: 1 }', 'evidence: { clarity: 3 }'])
		expectOne(problemsOf(src), {
			path: 'nodes.opening.choices[0].evidence.clarity',
			message: 'must be at most 2, not 3',
			...positionOf(src, 'evidence: { clarity: 3', 'clarity'),
		})
	})

	it('requires meters to start between their min and max, with min below max', () => {
		const src = edit(
			tiny,
			[
				'patience: { label: Patience, start: 50, min: 0, max: 100 }',
				'patience: { label: Patience, start: 150, min: 0, max: 100 }',
			],
			['trust: { label: Trust, start: 40, min: 0, max: 60 }', 'trust: { label: Trust, start: 40, min: 60, max: 60 }'],
		)
		const problems = problemsOf(src)
		expectOne(problems, {
			path: 'meters.patience.start',
			message: 'must be between min (0) and max (100)',
			...positionOf(src, 'start: 150', 'start'),
		})
		expectOne(problems, {
			path: 'meters.trust.max',
			message: 'must be more than min (60)',
			...positionOf(src, 'min: 60', 'max'),
		})
	})

	it('allows 1 to 4 meters', () => {
		const five = ['a', 'b', 'c', 'd'].map((m) => `  ${m}: { label: ${m}, start: 0, min: 0, max: 1 }\n`).join('')
		const src = edit(tiny, ['meters:\n', `meters:\n${five}`])
		expectOne(problemsOf(src), {
			path: 'meters',
			message: 'needs 1 to 4 meters (it has 6)',
			...positionOf(src, 'meters:', 'meters'),
		})
	})

	it('does not let a flag share a meter name, or anything be called "any"', () => {
		const src = edit(tiny, ['flags: [promised]', 'flags: [promised, trust, any]'])
		const problems = problemsOf(src)
		expectOne(problems, {
			path: 'flags[1]',
			message: '"trust" is already a meter name',
			...positionOf(src, 'flags: [', 'trust'),
		})
		expectOne(problems, {
			path: 'flags[2]',
			message: '"any" is reserved for conditions; pick another name',
			...positionOf(src, 'flags: [', 'any'),
		})
	})

	it('requires kebab-case ids', () => {
		const src = edit(tiny, ['- id: vague', '- id: Vague_Reply'])
		expectOne(problemsOf(src), {
			path: 'nodes.details.choices[1].id',
			message:
				'a choice id must be kebab-case: lower-case letters and digits joined by single dashes, like "check-account"',
			...positionOf(src, 'id: Vague_Reply', 'id'),
		})
	})
})

describe('text limits', () => {
	const long = (n: number) => 'x'.repeat(n)
	const cases: Array<{ field: string; from: string; to: (n: number) => string; path: string; limit: number }> = [
		{
			field: 'title',
			from: 'title: A short call about a late parcel',
			to: (n) => `title: ${long(n)}`,
			path: 'title',
			limit: TEXT_LIMITS.title,
		},
		{
			field: 'summary',
			from: 'summary: A small scenario used by the unit tests.',
			to: (n) => `summary: ${long(n)}`,
			path: 'summary',
			limit: TEXT_LIMITS.summary,
		},
		{
			field: 'persona.name',
			from: 'name: Sam Lee',
			to: (n) => `name: ${long(n)}`,
			path: 'persona.name',
			limit: TEXT_LIMITS.personaName,
		},
		{
			field: 'persona.mood',
			from: 'mood: Busy',
			to: (n) => `mood: ${long(n)}`,
			path: 'persona.mood',
			limit: TEXT_LIMITS.mood,
		},
		{
			field: 'persona.wants',
			from: 'wants: A date for the parcel',
			to: (n) => `wants: ${long(n)}`,
			path: 'persona.wants',
			limit: TEXT_LIMITS.wants,
		},
		{
			field: 'persona.backstory',
			from: 'backstory: Runs a flower shop.',
			to: (n) => `backstory: ${long(n)}`,
			path: 'persona.backstory',
			limit: TEXT_LIMITS.backstory,
		},
		{
			field: 'narration',
			from: '    says: Where is my parcel?',
			to: (n) => `    narration: ${long(n)}\n    says: Where is my parcel?`,
			path: 'nodes.opening.narration',
			limit: TEXT_LIMITS.narration,
		},
		{
			field: 'says',
			from: 'says: Where is my parcel?',
			to: (n) => `says: ${long(n)}`,
			path: 'nodes.opening.says',
			limit: TEXT_LIMITS.says,
		},
		{
			field: 'choice text',
			from: 'text: Let me look it up now.',
			to: (n) => `text: ${long(n)}`,
			path: 'nodes.opening.choices[0].text',
			limit: TEXT_LIMITS.choiceText,
		},
		{
			field: 'why',
			from: 'why: Action first.',
			to: (n) => `why: ${long(n)}`,
			path: 'nodes.opening.choices[0].why',
			limit: TEXT_LIMITS.why,
		},
		{
			field: 'ending title',
			from: 'title: Sorted,',
			to: (n) => `title: ${long(n)},`,
			path: 'nodes.good.title',
			limit: TEXT_LIMITS.endingTitle,
		},
		{
			field: 'debrief',
			from: 'debrief: Well done.',
			to: (n) => `debrief: ${long(n)}`,
			path: 'nodes.good.debrief',
			limit: TEXT_LIMITS.debrief,
		},
		{
			field: 'meter label',
			from: 'label: Patience',
			to: (n) => `label: ${long(n)}`,
			path: 'meters.patience.label',
			limit: TEXT_LIMITS.meterLabel,
		},
	]

	it.each(cases)('$field: accepts exactly the limit and rejects one more, at the key', ({ from, to, path, limit }) => {
		// At the limit a choice is long enough to trip the length hint, which is not what this tests.
		expect(problemsOf(edit(tiny, [from, to(limit)])).filter((p) => !isLengthGiveaway(p))).toEqual([])
		const src = edit(tiny, [from, to(limit + 1)])
		const key = path
			.split('.')
			.pop()!
			.replace(/\[\d+\]$/, '')
		expectOne(problemsOf(src), {
			path,
			message: `is too long: ${limit + 1} characters (at most ${limit})`,
			...positionOf(src, long(limit + 1), `${key}:`),
		})
	})

	it('rejects empty text', () => {
		const src = edit(tiny, ['why: Action first.', 'why: "  "'])
		expectOne(problemsOf(src), {
			path: 'nodes.opening.choices[0].why',
			message: 'must not be empty',
			...positionOf(src, 'why: "  "', 'why'),
		})
	})
})

describe('structural rules', () => {
	it('id must equal the file name', () => {
		const src = edit(tiny, ['id: tiny', 'id: small'])
		expectOne(problemsOf(src), {
			path: 'id',
			message: 'must match the file name: the file is "tiny.yaml" but the id is "small"',
			line: 2,
			col: 1,
		})
	})

	it('reports a choice pointing at a node that does not exist, with a suggestion', () => {
		const src = edit(tiny, [
			'        to: details\n        effects: { patience: 10',
			'        to: detials\n        effects: { patience: 10',
		])
		const problems = problemsOf(src)
		expectOne(problems, {
			path: 'nodes.opening.choices[0].to',
			message: 'no node named "detials" (did you mean "details"?)',
			...positionOf(src, 'to: detials', 'to'),
		})
		expect(formatProblem(problems.find((p) => p.path.endsWith('.to'))!)).toBe(
			`${FILE}:${positionOf(src, 'to: detials').line}:9 nodes.opening.choices[0].to: no node named "detials" (did you mean "details"?)`,
		)
	})

	it('reports unknown branch, else and start targets', () => {
		const src = edit(
			tiny,
			['start: opening', 'start: openng'],
			['        to: bad', '        to: worse'],
			['else: good', 'else: nowhere'],
		)
		const problems = problemsOf(src)
		expectOne(problems, {
			path: 'start',
			message: 'no node named "openng" (did you mean "opening"?)',
			...positionOf(src, 'start: openng', 'start'),
		})
		expectOne(problems, {
			path: 'nodes.decide.branches[0].to',
			message: 'no node named "worse"',
			...positionOf(src, 'to: worse', 'to'),
		})
		expectOne(problems, {
			path: 'nodes.decide.else',
			message: 'no node named "nowhere"',
			...positionOf(src, 'else: nowhere', 'else'),
		})
	})

	it('reports nodes that nothing leads to', () => {
		const src = `${tiny}  orphan: { type: ending, outcome: lost, title: Orphan, debrief: Nobody gets here. }\n`
		expectOne(problemsOf(src), {
			path: 'nodes.orphan',
			message: 'unreachable: no choice or branch leads here from the start ("opening")',
			...positionOf(src, 'orphan:', 'orphan'),
		})
	})

	it('reports nodes from which no ending can be reached', () => {
		const stall = [
			'  stall:',
			'    type: turn',
			'    says: Hello?',
			'    choices:',
			'      - { id: wait, text: Wait, to: stall, flex: neutral, why: Waiting. }',
			'      - { id: hum, text: Hum, to: stall, flex: neutral, why: Humming. }',
			'',
		].join('\n')
		const src = edit(`${tiny}${stall}`, [
			'        to: details\n        effects: { patience: 10',
			'        to: stall\n        effects: { patience: 10',
		])
		const errors = errorsOf(src)
		expectOne(errors, {
			path: 'nodes.stall',
			message: 'no ending can be reached from here: every way on leads back or nowhere',
			...positionOf(src, '  stall:', 'stall'),
		})
	})

	it('requires 2 to 4 choices in a turn, and choices at all', () => {
		const one = edit(tiny, ['      - id: promise\n', '      - id: promise\n        when: { promised: true }\n'])
		expect(errorsOf(one)).toEqual([]) // conditioned but still two choices: fine structurally
		const only = tiny.replace(/ {6}- id: promise[\s\S]*?why: You promised what you cannot know\.\n/, '')
		expectOne(problemsOf(only), {
			path: 'nodes.opening.choices',
			message: 'a turn needs 2 to 4 choices (it has 1)',
			...positionAfter(only, '  opening:', 'choices'),
		})
		const none = tiny.replace(/ {4}choices:\n {6}- id: plan[\s\S]*?(?= {2}decide:)/, '    choices: []\n')
		expectOne(problemsOf(none), {
			path: 'nodes.details.choices',
			message: 'a turn needs 2 to 4 choices (it has 0)',
			...positionOf(none, 'choices: []', 'choices'),
		})
		const missing = edit(tiny, ['    says: So what now?\n    choices:\n', '    says: So what now?\n    options:\n'])
		expectOne(problemsOf(missing), {
			path: 'nodes.details.choices',
			message: 'a turn needs 2 to 4 choices, as a list under "choices:"',
			...positionOf(missing, '  details:', 'details'),
		})
	})

	it('allows at most 4 choices', () => {
		const extra = [1, 2, 3]
			.map((i) => `      - { id: more-${i}, text: More, to: decide, flex: neutral, why: More. }\n`)
			.join('')
		const src = edit(tiny, ['  decide:\n', `${extra}  decide:\n`])
		expectOne(problemsOf(src), {
			path: 'nodes.details.choices',
			message: 'a turn needs 2 to 4 choices (it has 6)',
			...positionAfter(src, '  details:', 'choices'),
		})
	})

	it('requires an else on every branch', () => {
		const src = edit(tiny, ['    else: good\n', ''])
		expectOne(problemsOf(src), {
			path: 'nodes.decide.else',
			message: 'a branch needs an `else:` — where to go when no condition holds',
			...positionOf(src, '  decide:', 'decide'),
		})
	})

	it('reports loops made only of branches', () => {
		const loop = [
			'  again:',
			'    type: branch',
			'    branches:',
			'      - { if: { promised: true }, to: decide }',
			'    else: decide',
			'',
		].join('\n')
		const src = edit(`${tiny}${loop}`, ['else: good', 'else: again'])
		const problems = errorsOf(src)
		expectOne(problems, {
			path: 'nodes.decide',
			message: 'branches loop with no turn in between: decide → again → decide',
			...positionOf(src, '  decide:', 'decide'),
		})
	})

	it('reports a loop of turns as fine, as long as there is a way out', () => {
		const src = edit(tiny, [
			'        to: decide\n        effects: { patience: -25 }',
			'        to: details\n        effects: { patience: -25 }',
		])
		expect(errorsOf(src)).toEqual([])
	})

	it('reports duplicate choice ids within a node', () => {
		const src = edit(tiny, ['- id: bonus', '- id: plan'])
		expectOne(problemsOf(src), {
			path: 'nodes.details.choices[2].id',
			message: 'duplicate choice id "plan" (choices[0] already uses it)',
			// the second "id: plan", right after the "vague" choice
			...positionAfter(src, 'why: Vague.', 'id'),
		})
	})

	it('requires at least one resolved ending, reachable from the start', () => {
		const none = edit(tiny, ['outcome: resolved', 'outcome: partly_resolved'])
		expectOne(problemsOf(none), {
			path: 'nodes',
			message: 'no ending has outcome: resolved; every scenario needs at least one way to resolve it',
			...positionOf(none, 'nodes:', 'nodes'),
		})
		const cutOff = edit(`${tiny}  happy: { type: ending, outcome: resolved, title: Happy, debrief: Unreachable. }\n`, [
			'outcome: resolved, title: Sorted',
			'outcome: partly_resolved, title: Sorted',
		])
		const problems = problemsOf(cutOff)
		expectOne(problems, {
			path: 'nodes',
			message: 'no path from the start reaches a "resolved" ending',
			...positionOf(cutOff, 'nodes:', 'nodes'),
		})
		expect(problems.map((p) => p.path)).toContain('nodes.happy')
	})
})

describe('declarations', () => {
	it('reports undeclared meters in effects and conditions', () => {
		const src = edit(
			tiny,
			['effects: { patience: 10, trust: 30 }', 'effects: { patience: 10, trsut: 30 }'],
			['when: { trust: { gte: 60 }', 'when: { mood: { gte: 60 }'],
		)
		const problems = problemsOf(src)
		expectOne(problems, {
			path: 'nodes.opening.choices[0].effects.trsut',
			message: 'undeclared meter "trsut" (did you mean "trust"?); declare it under meters:',
			...positionOf(src, 'trsut: 30', 'trsut'),
		})
		expectOne(problems, {
			path: 'nodes.details.choices[2].when.mood',
			message: 'undeclared meter "mood"; declare it under meters:',
			...positionOf(src, 'when: { mood', 'mood'),
		})
	})

	it('reports undeclared flags in set and in nested branch conditions', () => {
		const src = edit(
			tiny,
			['set: { promised: true }', 'set: { promissed: true }'],
			['{ any: [{ promised: true }', '{ any: [{ upset: true }'],
		)
		const problems = problemsOf(src)
		expectOne(problems, {
			path: 'nodes.opening.choices[1].set.promissed',
			message: 'undeclared flag "promissed" (did you mean "promised"?); declare it under flags:',
			...positionOf(src, 'set: { promissed', 'promissed'),
		})
		expectOne(problems, {
			path: 'nodes.decide.branches[1].if.any[0].upset',
			message: 'undeclared flag "upset"; declare it under flags:',
			...positionOf(src, '{ upset: true }', 'upset'),
		})
	})

	it('treats a missing flags list as "no flags"', () => {
		const src = edit(tiny, ['flags: [promised]\n', ''])
		expect(
			problemsOf(src)
				.filter((p) => p.message.startsWith('undeclared flag "promised"'))
				.map((p) => p.path),
		).toEqual([
			'nodes.opening.choices[1].set.promised',
			'nodes.details.choices[2].when.promised',
			'nodes.decide.branches[1].if.any[0].promised',
		])
	})

	it('reports evidence for a catalogue skill the scenario does not list', () => {
		const src = edit(tiny, ['evidence: { clarity: 1 }', 'evidence: { clarity: 1, empathy: 1 }'])
		expectOne(problemsOf(src), {
			path: 'nodes.opening.choices[0].evidence.empathy',
			message: `undeclared skill "empathy": add it to this scenario's skills: list`,
			...positionOf(src, 'empathy: 1', 'empathy'),
		})
	})

	it('treats style_flex as always declared, but warns that evidence for it is ignored', () => {
		const src = edit(tiny, ['evidence: { clarity: 1 }', 'evidence: { clarity: 1, style_flex: 1 }'])
		expectOne(problemsOf(src), {
			path: 'nodes.opening.choices[0].evidence.style_flex',
			message: 'style_flex is computed from the flex tag; evidence for it is ignored',
			severity: 'warning',
			...positionOf(src, 'style_flex: 1', 'style_flex'),
		})
	})

	it('reports a flag compared like a meter and a meter tested like a flag', () => {
		const src = edit(tiny, [
			'when: { trust: { gte: 60 }, promised: false }',
			'when: { trust: true, promised: { eq: 1 } }',
		])
		const problems = problemsOf(src)
		expectOne(problems, {
			path: 'nodes.details.choices[2].when.trust',
			message: '"trust" is a meter: compare it, like { gte: 30 }, rather than true/false',
			...positionOf(src, 'when: { trust: true', 'trust'),
		})
		expectOne(problems, {
			path: 'nodes.details.choices[2].when.promised',
			message: '"promised" is a flag: test it with true or false, not a comparison',
			...positionOf(src, 'when: { trust: true', 'promised'),
		})
	})

	it('warns about a listed skill that no choice gives evidence for', () => {
		const src = edit(tiny, ['skills: [clarity, realistic_promises]', 'skills: [clarity, realistic_promises, win_win]'])
		expectOne(problemsOf(src), {
			path: 'skills[2]',
			message: 'no choice gives evidence for "win_win", so it cannot be scored',
			severity: 'warning',
			...positionOf(src, 'skills: [', 'win_win'),
		})
	})
})

describe('conditions', () => {
	it('reports an unknown comparison at the operator', () => {
		const src = edit(tiny, ['if: { patience: { lt: 20 } }', 'if: { patience: { less: 20 } }'])
		expectOne(problemsOf(src), {
			path: 'nodes.decide.branches[0].if.patience.less',
			message: 'unknown comparison "less": use lt, lte, gt, gte or eq',
			...positionOf(src, 'less: 20', 'less'),
		})
	})

	it('never evaluates text as code: an expression string is rejected', () => {
		const src = edit(tiny, ['if: { patience: { lt: 20 } }', 'if: "patience < 20"'])
		expectOne(problemsOf(src), {
			path: 'nodes.decide.branches[0].if',
			message: 'must be a condition, like { patience: { lt: 20 } } or { refund_promised: true }',
			...positionOf(src, 'if: "patience', 'if'),
		})
	})

	it('rejects a bare number, an empty comparison, an empty condition and a non-list any', () => {
		const src = edit(
			tiny,
			['if: { patience: { lt: 20 } }', 'if: { patience: 20, trust: {} }'],
			['when: { trust: { gte: 60 }, promised: false }', 'when: {}'],
			['{ any: [{ promised: true }, { trust: { lt: 30 } }] }', '{ any: { promised: true } }'],
		)
		const problems = problemsOf(src)
		expect(problems.find((p) => p.path === 'nodes.decide.branches[0].if.patience')?.message).toBe(
			'must be true/false (for a flag) or a comparison like { gte: 30 } (for a meter)',
		)
		expect(problems.find((p) => p.path === 'nodes.decide.branches[0].if.trust')?.message).toBe(
			'needs at least one of lt, lte, gt, gte, eq',
		)
		expect(problems.find((p) => p.path === 'nodes.details.choices[2].when')?.message).toBe(
			'an empty condition says nothing: name at least one meter or flag',
		)
		expect(problems.find((p) => p.path === 'nodes.decide.branches[1].if.any')?.message).toMatch(
			/^`any` must be a list of conditions/,
		)
	})
})

describe('play rules (conditions evaluated over every reachable state)', () => {
	it('reports a turn where a learner can get stuck with no choice shown', () => {
		const src = edit(
			tiny,
			['      - id: plan\n', '      - id: plan\n        when: { promised: true }\n'],
			['      - id: vague\n', '      - id: vague\n        when: { promised: true }\n'],
		)
		// Reached through "check" with trust 60 and nothing promised: only "bonus" is shown, so not
		// stuck. Make bonus need more trust than the meter allows, and the turn has nothing left.
		const stuck = edit(src, [
			'when: { trust: { gte: 60 }, promised: false }',
			'when: { trust: { gt: 60 }, promised: false }',
		])
		expectOne(errorsOf(stuck), {
			path: 'nodes.details.choices',
			message: `the learner can get stuck here: with patience 60, trust 60, no flags set, no choice's condition holds`,
			...positionAfter(stuck, '  details:', 'choices'),
		})
	})

	it('reports "resolved" blocked by conditions even when the graph has a path', () => {
		const src = edit(
			tiny,
			['when: { trust: { gte: 60 }, promised: false }', 'when: { trust: { gte: 99 } }'],
			['    else: good', '    else: okay'],
		)
		expectOne(errorsOf(src), {
			path: 'nodes',
			message: 'no playable path reaches a "resolved" ending: the conditions on the way always block it',
			...positionOf(src, 'nodes:', 'nodes'),
		})
	})

	it('warns about a choice that is never shown and a branch condition that never decides', () => {
		const src = edit(
			tiny,
			['when: { trust: { gte: 60 }, promised: false }', 'when: { trust: { gte: 60 }, promised: true }'],
			['if: { patience: { lt: 20 } }', 'if: { patience: { gt: 100 } }'],
		)
		const problems = problemsOf(src)
		expectOne(problems, {
			path: 'nodes.details.choices[2].when',
			message: 'this choice is never shown: its condition never holds when the conversation gets here',
			severity: 'warning',
			...positionOf(src, 'when: { trust: { gte: 60 }, promised: true }', 'when'),
		})
		expectOne(problems, {
			path: 'nodes.decide.branches[0].if',
			message: 'never decides the route: this condition never holds here (or an earlier one always wins)',
			severity: 'warning',
			...positionOf(src, 'gt: 100', 'if'),
		})
		expect(parseScenarioSource(src, FILE).scenario).toBeDefined() // warnings do not block
	})
})

describe('reporting', () => {
	it('reports every problem in one run, schema and graph together, in source order', () => {
		const src = edit(
			tiny,
			['minutes: 5', 'minutes: 500'],
			['        to: bad', '        to: worse'],
			['- id: bonus', '- id: plan'],
			['why: Action first.', 'why:'],
		)
		const problems = problemsOf(src)
		expect(problems.map((p) => p.path)).toEqual([
			'minutes',
			'nodes.opening.choices[0].why',
			'nodes.details.choices[2].id',
			'nodes.decide.branches[0].to',
			'nodes.bad', // now unreachable, and reported in the same run
		])
		expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line)].sort((a, b) => a - b))
		expect(problems[0]?.message).toBe('must be at most 60, not 500')
		expect(problems[1]?.message).toBe('must be text, not empty')
	})

	it('reports YAML syntax errors with their position and stops there', () => {
		const src = edit(tiny, ['  wants: A date for the parcel', '  wants: [A date for the parcel'])
		const problems = problemsOf(src)
		expect(problems.length).toBeGreaterThan(0)
		expect(problems.every((p) => p.severity === 'error' && p.path === '' && p.message.startsWith('YAML: '))).toBe(true)
		expect(problems[0]!.line).toBeGreaterThanOrEqual(positionOf(src, 'wants: [').line)
	})

	it('reports duplicate keys (a common copy-paste slip) as a YAML error at the second key', () => {
		const src = edit(tiny, ['minutes: 5\n', 'minutes: 5\nminutes: 6\n'])
		const [first] = problemsOf(src)
		expect(first).toMatchObject({
			line: positionOf(src, 'minutes: 6').line,
			col: 1,
			message: 'YAML: this field appears twice in the same place; keep one of them',
		})
	})

	it('reports an empty file and a list instead of a mapping', () => {
		expect(problemsOf('')[0]).toMatchObject({
			line: 1,
			col: 1,
			path: '',
			message: 'must be a mapping (indented "field: value" lines), not empty',
		})
		expect(problemsOf('- a\n- b\n')[0]).toMatchObject({
			line: 1,
			col: 1,
			path: '',
			message: 'must be a mapping (indented "field: value" lines), not a list',
		})
	})

	it('formats problems and a one-line summary', () => {
		const p: Problem = {
			file: 'scenarios/double-charge.yaml',
			line: 41,
			col: 9,
			path: 'nodes.opening.choices[1].to',
			message: 'no node named "refnd"',
			severity: 'error',
		}
		expect(formatProblem(p)).toBe(
			'scenarios/double-charge.yaml:41:9 nodes.opening.choices[1].to: no node named "refnd"',
		)
		expect(formatProblem({ ...p, severity: 'warning' })).toBe(
			'scenarios/double-charge.yaml:41:9 nodes.opening.choices[1].to: warning: no node named "refnd"',
		)
		expect(summarizeProblems(3, [])).toBe('scenarios:check: 3 files, no problems')
		expect(summarizeProblems(3, [p, p, { ...p, file: 'b', severity: 'warning' }])).toBe(
			'scenarios:check: 2 errors in 1 of 3 files, 1 warning',
		)
		expect(summarizeProblems(0, [])).toBe('scenarios:check: no scenario files found')
	})
})
