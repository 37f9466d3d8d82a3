import type { Axis, Style, StressReaction } from '#app/domain/style.ts'

// The self-assessment instrument, as data. A published version is frozen: changing any wording,
// keying or item set means adding a new version (results store the version they were scored
// with, so old results stay interpretable). Wording is our own; ideas echo the public-domain
// IPIP pool, never a proprietary instrument.

/** The current instrument version (new attempts use it). */
export const INSTRUMENT_VERSION = 'style-v3'

export const LIKERT_MIN = 1
export const LIKERT_MAX = 5
export const LIKERT_MIDPOINT = 3
export type LikertValue = 1 | 2 | 3 | 4 | 5
/** "Doesn't apply to my role", offered on role-bound statements only (style-v3 on). Stored as 0. */
export const NOT_APPLICABLE = 0
export type LikertResponse = LikertValue | typeof NOT_APPLICABLE
export const NOT_APPLICABLE_LABEL = 'Doesn’t apply to my role'
/** An axis is scored only with at least this many complete antonym pairs: fewer cannot place the
 * dot honestly (issue 16). */
export const MIN_SCORED_PAIRS = 6

export const LIKERT_LABELS: Record<LikertValue, string> = {
	1: 'Strongly disagree',
	2: 'Disagree',
	3: 'Neither agree nor disagree',
	4: 'Agree',
	5: 'Strongly agree',
}

export type AxisItem = {
	id: string
	kind: 'axis'
	axis: Axis
	/** forward = agreeing means tells / people; reverse = agreeing means asks / task. */
	keying: 'forward' | 'reverse'
	/** Reverse items name the forward item they are the antonym of (used by the consistency check). */
	antonymOf?: string
	text: string
	/** Assumes a customer-facing role, so it offers "doesn't apply" (style-v3 on). */
	roleBound?: true
}

export type StressItem = {
	id: string
	kind: 'stress'
	reaction: StressReaction
	/** reverse = agreeing means the person does NOT react this way (re-keyed when scored). */
	keying?: 'forward' | 'reverse'
	text: string
	/** Assumes a customer-facing role, so it offers "doesn't apply" (style-v3 on). */
	roleBound?: true
}

export type InstructedItem = { id: string; kind: 'instructed'; text: string; expected: LikertValue }

export type LikertItem = AxisItem | StressItem | InstructedItem

export type CueChannel = 'call' | 'email' | 'meeting' | 'chat'

export type CueVignette = {
	id: string
	channel: CueChannel
	/** Who is speaking and where, e.g. "A caller opens with:". */
	setting: string
	/** What they say or write. */
	quote: string
	answer: Style
	/** The cue to notice, shown when the learner missed it. */
	cue: string
}

export type Instrument = {
	version: string
	likertItems: readonly LikertItem[]
	vignettes: readonly CueVignette[]
}

function pair(axis: Axis, n: number, forward: string, reverse: string): [AxisItem, AxisItem] {
	const prefix = axis === 'assertiveness' ? 'as' : 're'
	const id = `${prefix}-${String(n).padStart(2, '0')}`
	return [
		{ id: `${id}f`, kind: 'axis', axis, keying: 'forward', text: forward },
		{ id: `${id}r`, kind: 'axis', axis, keying: 'reverse', antonymOf: `${id}f`, text: reverse },
	]
}

// Ten antonym pairs per axis: exactly half reverse-keyed, so acquiescence ("agree with
// everything") cancels out and an all-same answer pattern lands on the midpoint.
const assertivenessItems: AxisItem[] = [
	pair(
		'assertiveness',
		1,
		'In meetings, I put my view forward early.',
		'In meetings, I hear everyone out before I give my view.',
	),
	pair('assertiveness', 2, 'I set the pace of a conversation.', 'I let others set the pace of a conversation.'),
	pair(
		'assertiveness',
		3,
		'When a customer hesitates, I steer them toward a decision.',
		'When a customer hesitates, I give them room to decide in their own time.',
	),
	pair(
		'assertiveness',
		4,
		'I state my opinion firmly, even with senior people.',
		'With senior people, I offer my opinion as a suggestion.',
	),
	pair(
		'assertiveness',
		5,
		'When I disagree with someone, I say so straight away.',
		'When I disagree with someone, I first ask questions to understand their view.',
	),
	pair('assertiveness', 6, 'On calls, I do most of the talking.', 'On calls, I do most of the listening.'),
	pair(
		'assertiveness',
		7,
		'When a group is stuck, I take charge.',
		'When a group is stuck, I follow whoever takes the lead.',
	),
	pair(
		'assertiveness',
		8,
		'I make decisions quickly, even when some information is missing.',
		'I take my time before I commit to a decision.',
	),
	pair(
		'assertiveness',
		9,
		'In emails, I state what I need in the first line.',
		'In emails, I explain the background before I get to my request.',
	),
	pair(
		'assertiveness',
		10,
		'I push for a clear commitment before a meeting ends.',
		'I am comfortable ending a meeting with the next steps still open.',
	),
].flat()

const responsivenessItems: AxisItem[] = [
	pair(
		'responsiveness',
		1,
		'I start a call with a bit of personal chat.',
		'I get straight to business at the start of a call.',
	),
	pair(
		'responsiveness',
		2,
		'People can tell from my face and voice how I feel.',
		'I keep a calm, neutral face even when I feel strongly.',
	),
	pair(
		'responsiveness',
		3,
		'When I explain something, I use stories and personal examples.',
		'When I explain something, I stick to facts and figures.',
	),
	pair(
		'responsiveness',
		4,
		'I chat with colleagues about their weekend, family or plans.',
		'I keep conversations with colleagues to the work at hand.',
	),
	pair(
		'responsiveness',
		5,
		'When I make a decision, how people will feel weighs as much as the numbers.',
		'When I make a decision, I go by the facts, whatever people may feel about it.',
	),
	pair('responsiveness', 6, 'My emails have a warm, friendly tone.', 'My emails are short and businesslike.'),
	pair(
		'responsiveness',
		7,
		'When I like an idea, I show my enthusiasm openly.',
		'When I like an idea, I stay measured and reserved.',
	),
	pair(
		'responsiveness',
		8,
		'In a meeting, I pay as much attention to the mood in the room as to the agenda.',
		'In a meeting, I keep my attention on the agenda and the outcome.',
	),
	pair(
		'responsiveness',
		9,
		'I share how I feel about a decision, not just what I think of it.',
		'I share what I think about a decision and keep my feelings out of it.',
	),
	pair(
		'responsiveness',
		10,
		'On a customer call, building the relationship matters as much to me as solving the problem.',
		'On a customer call, solving the problem matters more to me than building the relationship.',
	),
].flat()

function stress(reaction: StressReaction, texts: [string, string, string]): StressItem[] {
	const slug = reaction.replace('_', '-')
	return texts.map((text, i) => ({ id: `st-${slug}-${i + 1}`, kind: 'stress', reaction, text }))
}

const stressItems: StressItem[] = [
	...stress('take_over', [
		'When a conversation turns tense, I take control and decide what happens next.',
		'If a customer keeps pushing back, I tell them firmly how it is going to be.',
		'Under pressure, I stop asking for input and make the call myself.',
	]),
	...stress('push_harder', [
		'When someone challenges me in a heated moment, I argue my point harder.',
		'In a tense call, I talk over the other person to get my point across.',
		'When I feel criticised in a meeting, I hit back quickly.',
	]),
	...stress('give_in', [
		'When a customer gets angry, I agree to what they ask just to calm things down.',
		'In a tense meeting, I go along with the loudest view to keep the peace.',
		'When someone is upset with me, I apologise even if I believe I was in the right.',
	]),
	...stress('withdraw', [
		'When a discussion gets heated, I go quiet and wait for it to pass.',
		'After a difficult call, I put off getting back to that customer.',
		'When a conversation turns tense, I move it to email or end it as soon as I can.',
	]),
]

const instructedItem: InstructedItem = {
	id: 'check-agree',
	kind: 'instructed',
	text: "To show you are reading, choose 'Agree'.",
	expected: 4,
}

// Ids are neutral (cue-01 …) because they end up in form field names.
const vignettes: CueVignette[] = [
	{
		id: 'cue-01',
		channel: 'call',
		setting: 'A caller opens with:',
		quote: 'Skip the details. What is the bottom line, and when will it be fixed?',
		answer: 'director',
		cue: 'They want the result and a time, fast, and brush past detail and small talk: tells and task. Answer in one sentence with a time attached.',
	},
	{
		id: 'cue-02',
		channel: 'call',
		setting: 'A customer says, sounding delighted:',
		quote: 'Oh, I love this! My whole team is going to be thrilled. What else can it do?',
		answer: 'energizer',
		cue: 'Open enthusiasm, talk of the team, and a jump to "what else": expressive, fast and people-focused. Match the energy, then agree one concrete next step.',
	},
	{
		id: 'cue-03',
		channel: 'call',
		setting: 'A caller says, quietly:',
		quote:
			"I'm sorry to bother you, I know you're busy. I just want to be sure this won't make extra work for my colleagues.",
		answer: 'harmonizer',
		cue: 'Apologetic, unhurried, and worried about the effect on other people: asks and people. Slow down, reassure, and make it easy for them to say what they need.',
	},
	{
		id: 'cue-04',
		channel: 'call',
		setting: 'A buyer says:',
		quote: 'Before I agree to anything, could you send me the full terms and the data behind that estimate?',
		answer: 'analyst',
		cue: 'Careful, wants evidence and the written detail before committing: asks and task. Send the facts and give them time to read.',
	},
	{
		id: 'cue-05',
		channel: 'email',
		setting: "A buyer's whole email reads:",
		quote: 'Need pricing for 200 seats by Friday. Send your best offer.',
		answer: 'director',
		cue: 'No greeting, and they set both the deadline and the terms: a fast pace and a focus on results. Reply just as briefly, with the number and the date.',
	},
	{
		id: 'cue-06',
		channel: 'chat',
		setting: 'A colleague sends a chat message:',
		quote: 'Quick idea!! What if we got everyone on a call tomorrow and just brainstormed it? It will be fun.',
		answer: 'energizer',
		cue: 'Exclamation marks, a brand-new idea and a wish to involve everyone: energy and people, at a pace they set. Say yes to the energy and suggest who decides what.',
	},
	{
		id: 'cue-07',
		channel: 'email',
		setting: 'An email begins:',
		quote: 'Hi Sam, I hope you had a lovely weekend! No rush at all, but when you have a moment, could you possibly…',
		answer: 'harmonizer',
		cue: 'A warm, personal opening and a soft, hedged request ("no rush", "possibly"): relationship first and reluctant to push. Reply warmly and check what would really help.',
	},
	{
		id: 'cue-08',
		channel: 'email',
		setting: "A customer's email, titled 'Migration: 7 questions', starts:",
		quote: 'Hello. Please answer each point separately. 1. Which date format does the import expect?',
		answer: 'analyst',
		cue: 'Structured, precise and numbered, with almost no small talk: task focus at a careful pace. Answer every point, in order, accurately.',
	},
	{
		id: 'cue-09',
		channel: 'meeting',
		setting: 'Ten minutes into your presentation, a department head cuts in:',
		quote: "I've seen enough. Which option do you recommend, and what does it cost?",
		answer: 'director',
		cue: 'They take over the pace and ask for a decision and a cost, not the reasoning: Director. Lead with your recommendation; keep the detail for questions.',
	},
	{
		id: 'cue-10',
		channel: 'meeting',
		setting: 'At a kick-off meeting, a client leans in:',
		quote: 'Let me tell you what happened the last time we switched suppliers. You will not believe it!',
		answer: 'energizer',
		cue: 'A lively story told to the room, with drama: expressive and fast. Enjoy it, then write the decisions down, because the detail may not stick.',
	},
	{
		id: 'cue-11',
		channel: 'meeting',
		setting: 'Before a decision, a team lead says:',
		quote: "Before we decide, how does everyone feel about this? I'd hate for anyone to feel left out.",
		answer: 'harmonizer',
		cue: 'They check feelings and inclusion before the decision and leave the pace to the group: asks and people. Give people a real chance to speak.',
	},
	{
		id: 'cue-12',
		channel: 'meeting',
		setting: 'At the end of a demo, a client says:',
		quote:
			"I'd like to take this away and compare it with the other two quotes. What exactly is the difference in support hours?",
		answer: 'analyst',
		cue: 'They want time to compare and an exact figure rather than a decision on the spot: careful pace, task focus. Give the precise number and a date to follow up.',
	},
]

export const STYLE_V1: Instrument = {
	version: 'style-v1',
	likertItems: [...assertivenessItems, ...responsivenessItems, ...stressItems, instructedItem],
	vignettes,
}

// ── style-v2 (issue 16) ───────────────────────────────────────────────────────────
// Double-barrelled and off-construct statements rewritten, "not just" removed, loaded stress
// wording softened; four more antonym pairs per axis; six statements per backup reaction, one of
// them reverse-keyed and situational, so each reaction reaches α ≥ .75 in the simulation; and a
// second instructed item. style-v1 stays registered, so its results keep rendering.

const V2_REWRITES: Record<string, string> = {
	're-02f': 'People can tell from my voice how I feel.',
	're-06r': 'My emails are businesslike.',
	're-09f': 'When I talk about a decision, I say how I feel about it.',
	're-09r': 'When I talk about a decision, I keep my feelings out of it.',
	'as-08f': 'I make decisions quickly.',
	'as-10r': 'At the end of a meeting, I leave it to others to propose the next steps.',
	'st-push-harder-2': 'In a tense call, I keep talking until I have made my point.',
	'st-push-harder-3': 'When I feel criticised in a meeting, I answer with a counter-argument straight away.',
	'st-withdraw-1': 'When a discussion gets heated, I go quiet.',
	'st-withdraw-3': 'When a conversation turns tense, I try to end it as soon as I can.',
}

const rewrite = <T extends LikertItem>(item: T): T => {
	const text = V2_REWRITES[item.id]
	return text ? { ...item, text } : item
}

const assertivenessItemsV2: AxisItem[] = [
	...assertivenessItems.map(rewrite),
	...[
		pair(
			'assertiveness',
			11,
			"I volunteer to present our team's view.",
			"I prefer someone else to present our team's view.",
		),
		pair(
			'assertiveness',
			12,
			'When I want something from a colleague, I ask for it directly.',
			'When I want something from a colleague, I wait for them to offer it.',
		),
		pair(
			'assertiveness',
			13,
			'In a negotiation, I make the first offer.',
			'In a negotiation, I wait for the other side to make the first offer.',
		),
		pair('assertiveness', 14, 'I tell people what I recommend.', 'I ask people what they would recommend.'),
	].flat(),
]

const responsivenessItemsV2: AxisItem[] = [
	...responsivenessItems.map(rewrite),
	...[
		pair(
			'responsiveness',
			11,
			'I remember the personal things customers mention, like a holiday.',
			'I remember the facts of a customer’s account.',
		),
		pair('responsiveness', 12, 'I thank people warmly for their help.', 'I thank people briefly and move on.'),
		pair(
			'responsiveness',
			13,
			'I enjoy chatting with colleagues between tasks.',
			'I use the time between tasks to get more work done.',
		),
		pair(
			'responsiveness',
			14,
			'When I give feedback, I start with how the person is doing.',
			'When I give feedback, I start with the work itself.',
		),
	].flat(),
]

function moreStress(reaction: StressReaction, forward: [string, string], reverse: string): StressItem[] {
	const slug = reaction.replace('_', '-')
	return [
		{ id: `st-${slug}-4`, kind: 'stress', reaction, text: forward[0] },
		{ id: `st-${slug}-5`, kind: 'stress', reaction, text: forward[1] },
		{ id: `st-${slug}-6r`, kind: 'stress', reaction, keying: 'reverse', text: reverse },
	]
}

const stressItemsV2: StressItem[] = [
	...stressItems.map(rewrite),
	...moreStress(
		'take_over',
		[
			'When a meeting runs out of time, I take over the agenda.',
			'If a colleague is struggling with a tense call, I step in and take it over.',
		],
		'When a customer is upset, I let them lead the conversation for a while.',
	),
	...moreStress(
		'push_harder',
		[
			'When a customer rejects my first suggestion, I argue for it again more strongly.',
			'In a disagreement, I repeat my point until the other person accepts it.',
		],
		'When someone disagrees with me in a heated moment, I ease off and listen.',
	),
	...moreStress(
		'give_in',
		[
			'Under pressure, I promise more than I am sure we can deliver.',
			'When someone pushes hard, I give way even when I think they are wrong.',
		],
		'When a customer is angry, I hold to what I think is fair.',
	),
	...moreStress(
		'withdraw',
		[
			'When a colleague is angry with me, I avoid them for a while.',
			'When a customer is hostile, I keep my replies as short as possible.',
		],
		'When a conversation turns tense, I stay in it until it is settled.',
	),
]

const secondCheck: InstructedItem = {
	id: 'check-strongly-disagree',
	kind: 'instructed',
	text: "This one checks the form: please choose 'Strongly disagree'.",
	expected: 1,
}

export const STYLE_V2: Instrument = {
	version: 'style-v2',
	likertItems: [...assertivenessItemsV2, ...responsivenessItemsV2, ...stressItemsV2, instructedItem, secondCheck],
	vignettes,
}

// ── style-v3 (issue 16) ───────────────────────────────────────────────────────────
// style-v3's cue-reading vignettes (issue 16): 22 instead of 12, so that the total score can reach
// about .70 (Spearman–Brown from .56 with 12). Written so that no surface feature gives the answer:
// no exclamation marks, no apologies, no numbered lists, no contractions; the same openings ("Thanks
// for the quote", "could you", "no rush") appear under different styles; each style appears on
// every channel, and the setting lines (a customer, a buyer, a colleague, a team lead) are shared across styles. The
// report gives a total only: per-style scores of five or six vignettes are too unreliable to show.
const v3Vignette = (
	n: number,
	channel: CueChannel,
	setting: string,
	quote: string,
	answer: Style,
	cue: string,
): CueVignette => ({ id: `cue3-${String(V3_IDS[n - 1]).padStart(2, '0')}`, channel, setting, quote, answer, cue })
// Ids are form field names: numbered in a scrambled order, so the number says nothing about the style.
const V3_IDS = [14, 3, 19, 8, 22, 11, 5, 17, 1, 20, 9, 13, 6, 16, 2, 21, 10, 4, 18, 7, 12, 15]

const vignettesV3: CueVignette[] = [
	v3Vignette(
		1,
		'call',
		'A customer on the phone says:',
		'I have read your proposal. Option two works for us if you can start on the 4th. Can you?',
		'director',
		'They have decided, set the date and want a yes or no: tells and task. Answer the question first.',
	),
	v3Vignette(
		2,
		'call',
		'A customer on the phone says:',
		'Could you walk me through how you arrived at the four-week estimate? I would like to see which steps it includes.',
		'analyst',
		'They ask to see the reasoning behind a figure before they accept it: asks and task. Show the steps, in order.',
	),
	v3Vignette(
		3,
		'call',
		'A customer on the phone says:',
		'Would it be all right if I checked with Priya first? She will be the one using it every day, and I want her to feel comfortable with it.',
		'harmonizer',
		'They defer the decision and their concern is how a colleague will feel: asks and people. Offer to include Priya.',
	),
	v3Vignette(
		4,
		'call',
		'A customer on the phone says:',
		'Count us in. The team is going to love this, and I want to tell them today. Can we get everyone on a call this week?',
		'energizer',
		'A fast decision, driven by how the team will react, and a wish to bring everyone in: tells and people. Share the energy, then pin down one date.',
	),
	v3Vignette(
		5,
		'email',
		'An email from a buyer reads:',
		'Thanks for the quote. We need the price down by 10% and delivery by the end of the month. Let me know by Thursday.',
		'director',
		'They set the terms and the deadline, with nothing personal: tells and task. Reply briefly with what you can do and by when.',
	),
	v3Vignette(
		6,
		'email',
		'An email from a buyer reads:',
		'Thanks for the quote. Before we go further, could you confirm whether the price includes installation, and how the support hours are counted?',
		'analyst',
		'They want the exact terms before they go on: asks and task. Answer each point precisely.',
	),
	v3Vignette(
		7,
		'email',
		'An email from a buyer reads:',
		'Thanks for the quote. I would like to share it with the team first and hear what they think. Is it all right if I come back to you in a week or two?',
		'harmonizer',
		'They slow the pace to hear the team out and ask your permission to wait: asks and people. Agree, and offer help for that conversation.',
	),
	v3Vignette(
		8,
		'email',
		'An email from a buyer reads:',
		'Thanks for the quote. It is exactly what I have been telling everyone about. I will bring it to our team lunch on Friday and get people behind it.',
		'energizer',
		'Enthusiasm and a plan to win people over, at a pace they set: tells and people. Give them something easy to share.',
	),
	v3Vignette(
		9,
		'chat',
		'A colleague writes in the team chat:',
		'The report is late again. I need it by 3 pm today. What is blocking it?',
		'director',
		'A deadline and a demand for the obstacle, no small talk: tells and task. Give the blocker and a time.',
	),
	v3Vignette(
		10,
		'chat',
		'A colleague writes in the team chat:',
		'The figures in row 14 do not match last month. Could you check which source you used before I sign off?',
		'analyst',
		'A precise discrepancy and a check before committing: asks and task. Name your source exactly.',
	),
	v3Vignette(
		11,
		'chat',
		'A colleague writes in the team chat:',
		'How are you getting on with the new system? I know it has been a lot for everyone. Let me know if I can help at all.',
		'harmonizer',
		'They ask after you and offer help without pressing: asks and people. Say honestly how it is going.',
	),
	v3Vignette(
		12,
		'chat',
		'A colleague writes in the team chat:',
		'Just met the new client and they are great. I have already promised them a demo next week. You will love them.',
		'energizer',
		'Quick commitments made on the strength of a good relationship: tells and people. Welcome it, then check what was promised.',
	),
	v3Vignette(
		13,
		'meeting',
		'In a meeting, a team lead says:',
		'We have discussed this long enough. We go with the cheaper supplier. Sam, please draw up the contract.',
		'director',
		'They close the discussion, decide and assign the work: tells and task. Confirm and act.',
	),
	v3Vignette(
		14,
		'meeting',
		'In a meeting, a team lead says:',
		'I am not ready to vote yet. I would like to compare the error rates of both systems over a full quarter first.',
		'analyst',
		'They hold the decision back for more data: asks and task. Offer the data and a date to decide.',
	),
	v3Vignette(
		15,
		'meeting',
		'In a meeting, a team lead says:',
		'Before we move on, I would like to hear from the people who have not spoken yet. How does this sit with the support team?',
		'harmonizer',
		'They slow down to include everyone and ask how people feel: asks and people. Give the quieter people room.',
	),
	v3Vignette(
		16,
		'meeting',
		'In a meeting, a team lead says:',
		'I have an idea. What if we turned the launch into an evening for our best customers? I can already picture the room.',
		'energizer',
		'A new idea, pushed forward and built around people: tells and people. Build on it, then agree who decides the details.',
	),
	v3Vignette(
		17,
		'call',
		'A customer on the phone says:',
		'Could you skip the background? Tell me what you are doing about it and when it will be done.',
		'director',
		'They cut the explanation and want the action and the time: tells and task. Lead with both.',
	),
	v3Vignette(
		18,
		'call',
		'A customer on the phone says:',
		'I have noted some differences between your offer and the other one. Could I go through them with you one at a time?',
		'analyst',
		'A methodical comparison, point by point, at a careful pace: asks and task. Take them one at a time.',
	),
	v3Vignette(
		19,
		'meeting',
		'In a meeting, a team lead says:',
		'I do not want to put you on the spot. Whenever you are ready, I would like to hear how the change has affected you.',
		'harmonizer',
		'They avoid pressure and ask about your experience: asks and people. Take up the offer.',
	),
	v3Vignette(
		20,
		'call',
		'A customer on the phone says:',
		'You would not believe the response we got at the trade show. Everyone was asking about you. We have to do something together.',
		'energizer',
		'A lively story and a push to team up, about people and their reactions: tells and people. Match the energy, then suggest one next step.',
	),
	v3Vignette(
		21,
		'email',
		'An email from a buyer reads:',
		'Your proposal is approved with two changes: cut the timeline to six weeks and drop the training module. Start on Monday.',
		'director',
		'A decision with conditions and a start date, nothing to discuss: tells and task. Confirm and plan.',
	),
	v3Vignette(
		22,
		'email',
		'An email from a buyer reads:',
		'I have attached the figures from our pilot. When you have time, could you check whether your tool would have caught the same errors? No rush; I would rather have it right.',
		'analyst',
		'Accuracy over speed and evidence to check: asks and task. Take the time and answer precisely.',
	),
]

// The statements of style-v2, word for word, with "doesn't apply to my role" offered on those that
// assume a customer-facing role (calls, customers, buyers). A "doesn't apply" drops the whole
// antonym pair, so keying stays balanced; no axis has more than three role-bound pairs of 14, so
// every axis keeps at least 11 (MIN_SCORED_PAIRS is 6).
const ROLE_BOUND = new Set([
	'as-03f',
	'as-03r',
	'as-06f',
	'as-06r',
	're-01f',
	're-01r',
	're-10f',
	're-10r',
	're-11f',
	're-11r',
	'st-take-over-2',
	'st-take-over-6r',
	'st-push-harder-2',
	'st-push-harder-4',
	'st-give-in-1',
	'st-give-in-6r',
	'st-withdraw-2',
	'st-withdraw-5',
])

export const STYLE_V3: Instrument = {
	version: 'style-v3',
	likertItems: STYLE_V2.likertItems.map((item) =>
		ROLE_BOUND.has(item.id) && item.kind !== 'instructed' ? { ...item, roleBound: true } : item,
	),
	vignettes: vignettesV3,
}

export const CURRENT_INSTRUMENT: Instrument = STYLE_V3

const instruments: Record<string, Instrument> = {
	[STYLE_V1.version]: STYLE_V1,
	[STYLE_V2.version]: STYLE_V2,
	[STYLE_V3.version]: STYLE_V3,
}

/** The instrument a stored result or attempt was made with, or undefined for an unknown version. */
export function getInstrument(version: string): Instrument | undefined {
	return Object.hasOwn(instruments, version) ? instruments[version] : undefined
}

export function axisItems(instrument: Instrument, axis: Axis): AxisItem[] {
	return instrument.likertItems.filter((item): item is AxisItem => item.kind === 'axis' && item.axis === axis)
}

export function stressItemsOf(instrument: Instrument, reaction: StressReaction): StressItem[] {
	return instrument.likertItems.filter(
		(item): item is StressItem => item.kind === 'stress' && item.reaction === reaction,
	)
}

export function isRoleBound(item: LikertItem): boolean {
	return item.kind !== 'instructed' && item.roleBound === true
}

export function findLikertItem(instrument: Instrument, id: string): LikertItem | undefined {
	return instrument.likertItems.find((item) => item.id === id)
}

export function findVignette(instrument: Instrument, id: string): CueVignette | undefined {
	return instrument.vignettes.find((vignette) => vignette.id === id)
}
