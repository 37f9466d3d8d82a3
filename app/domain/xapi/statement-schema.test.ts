import { describe, expect, it } from 'vitest'
import { statementSchema } from '#app/domain/xapi/statement-schema.ts'

// Examples written from the xAPI 1.0.3 specification (Data Model, §2.3 "Statement" examples and
// the Agent/Result/Context rules), reproduced from knowledge of the text rather than copied, so
// small details may differ from the published pages; each negative case breaks one stated rule.
const simplest = {
	id: '12345678-1234-5678-1234-567812345678',
	actor: { mbox: 'mailto:xapi@adlnet.gov' },
	verb: { id: 'http://adlnet.gov/expapi/verbs/created', display: { 'en-US': 'created' } },
	object: { id: 'http://example.adlnet.gov/xapi/example/activity' },
}

const completed = {
	id: '7ccd3322-e1a5-411a-a67d-6a735c76f119',
	timestamp: '2015-12-18T12:17:00+00:00',
	actor: { objectType: 'Agent', name: 'Example Learner', mbox: 'mailto:example.learner@adlnet.gov' },
	verb: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted' } },
	object: {
		id: 'http://example.adlnet.gov/xapi/example/simpleCBT',
		definition: {
			name: { 'en-US': 'simple CBT course' },
			description: { 'en-US': 'A fictitious example CBT course.' },
		},
	},
	result: { score: { scaled: 0.95 }, success: true, completion: true, duration: 'PT1234S' },
}

const meeting = {
	id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee',
	actor: {
		name: 'Team PB',
		mbox: 'mailto:teampb@example.com',
		member: [
			{ name: 'Andrew Downes', account: { homePage: 'http://www.example.com', name: '13936749' }, objectType: 'Agent' },
			{ name: 'Toby Nichols', openid: 'http://toby.openid.example.org/', objectType: 'Agent' },
			{ name: 'Ena Hills', mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9', objectType: 'Agent' },
		],
		objectType: 'Group',
	},
	verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-GB': 'attended', 'en-US': 'attended' } },
	result: {
		extensions: {
			'http://example.com/profiles/meetings/resultextensions/minuteslocation':
				'X:\\meetings\\minutes\\examplemeeting.one',
		},
		success: true,
		completion: true,
		response: 'We agreed on some example actions.',
		duration: 'PT1H0M0S',
	},
	context: {
		registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
		contextActivities: {
			parent: [{ id: 'http://www.example.com/meetings/series/267', objectType: 'Activity' }],
			category: [
				{
					id: 'http://www.example.com/meetings/categories/teammeeting',
					objectType: 'Activity',
					definition: {
						name: { en: 'team meeting' },
						description: { en: 'A category of meeting used for regular team meetings.' },
						type: 'http://example.com/expapi/activities/meetingcategory',
					},
				},
			],
			other: [
				{ id: 'http://www.example.com/meetings/occurances/34257', objectType: 'Activity' },
				{ id: 'http://www.example.com/meetings/occurances/3425567', objectType: 'Activity' },
			],
		},
		instructor: {
			name: 'Andrew Downes',
			account: { homePage: 'http://www.example.com', name: '13936749' },
			objectType: 'Agent',
		},
		team: { name: 'Team PB', mbox: 'mailto:teampb@example.com', objectType: 'Group' },
		platform: 'Example virtual meeting software',
		language: 'tlh',
		statement: { objectType: 'StatementRef', id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee' },
	},
	timestamp: '2013-05-18T05:32:34.804+00:00',
	stored: '2013-05-18T05:32:34.804+00:00',
	authority: { account: { homePage: 'http://cloud.scorm.com/', name: 'anonymous' }, objectType: 'Agent' },
	version: '1.0.0',
	object: {
		id: 'http://www.example.com/meetings/occurances/34534',
		definition: {
			extensions: {
				'http://example.com/profiles/meetings/activitydefinitionextensions/room': {
					name: 'Kilby',
					id: 'http://example.com/rooms/342',
				},
			},
			name: { 'en-GB': 'example meeting', 'en-US': 'example meeting' },
			description: { 'en-GB': 'An example meeting that happened on a specific occasion with certain people present.' },
			type: 'http://adlnet.gov/expapi/activities/meeting',
			moreInfo: 'http://virtualmeeting.example.com/345256',
		},
		objectType: 'Activity',
	},
}

const choiceInteraction = {
	actor: { account: { homePage: 'https://lms.example.com', name: 'learner-42' } },
	verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
	object: {
		id: 'http://example.com/quiz/q1',
		definition: {
			type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
			interactionType: 'choice',
			correctResponsesPattern: ['golf[,]tetris'],
			choices: [
				{ id: 'golf', description: { 'en-US': 'Golf Example' } },
				{ id: 'tetris', description: { 'en-US': 'Tetris Example' } },
			],
		},
	},
	result: { response: 'golf[,]tetris', success: true },
}

describe('the xAPI 1.0.3 statement rules', () => {
	it.each([
		['the simplest statement', simplest],
		['a completed statement with a scaled score', completed],
		['the long meeting example (Group actor, full context)', meeting],
		['a choice interaction answered by an account Agent', choiceInteraction],
	])('accepts %s', (_, statement) => {
		const parsed = statementSchema.safeParse(statement)
		expect(parsed.error?.issues ?? []).toEqual([])
	})

	const broken: Array<[string, unknown]> = [
		[
			'an Agent with two identifiers',
			{ ...simplest, actor: { mbox: 'mailto:a@b.c', account: { homePage: 'http://x.y', name: 'n' } } },
		],
		['an Agent with no identifier', { ...simplest, actor: { name: 'Nobody' } }],
		['an mbox that is not a mailto: IRI', { ...simplest, actor: { mbox: 'xapi@adlnet.gov' } }],
		['a verb without an id', { ...simplest, verb: { display: { 'en-US': 'created' } } }],
		['a verb id that is not an IRI', { ...simplest, verb: { id: 'created' } }],
		['an unknown top-level property', { ...simplest, score: 3 }],
		['a scaled score above 1', { ...completed, result: { score: { scaled: 1.5 } } }],
		['a raw score outside min..max', { ...completed, result: { score: { raw: 11, min: 0, max: 10 } } }],
		['a duration that is not ISO 8601', { ...completed, result: { duration: '20 minutes' } }],
		['a timestamp without a time zone', { ...simplest, timestamp: '2015-12-18T12:17:00' }],
		['an extension key that is not an IRI', { ...completed, result: { extensions: { minutes: 3 } } }],
		['a language map with a bad tag', { ...simplest, verb: { id: 'http://x.y/v', display: { 'en US': 'x' } } }],
		['a registration that is not a UUID', { ...simplest, context: { registration: 'abc' } }],
		[
			'platform on a statement about an Agent',
			{ ...simplest, object: { objectType: 'Agent', mbox: 'mailto:a@b.c' }, context: { platform: 'x' } },
		],
	]
	it.each(broken)('refuses %s', (_, statement) => {
		expect(statementSchema.safeParse(statement).success).toBe(false)
	})
})
