import { missedCues } from '#app/domain/assessment/cues.ts'
import type { Instrument } from '#app/domain/assessment/item-bank.ts'
import type { AssessmentResult, Placement, StressProfile, StyleDot } from '#app/domain/assessment/result.ts'
import {
	STRESS_REACTION_NAMES,
	STYLES,
	STYLE_BACKUP,
	STYLE_NAMES,
	type StressReaction,
	type Style,
} from '#app/domain/style.ts'

// What the learner reads in their report. Plain data plus the functions that pick from it, so
// every sentence on the page can be traced to a row here and to the score that selected it.

export const SELF_REPORT_STATEMENT =
	'This describes how you see your own communication; it is for your development, not for hiring or evaluation.'

export type StyleProfile = {
	style: Style
	name: string
	summary: string
	wants: string
	strengths: string[]
	blindSpots: string[]
}

export const STYLE_PROFILES: Record<Style, StyleProfile> = {
	director: {
		style: 'director',
		name: 'Director',
		summary: 'You set a brisk pace, say what you think, and keep conversations pointed at the result.',
		wants: 'Results, speed and a say in the outcome.',
		strengths: [
			'You get to the point, so customers and colleagues know where they stand.',
			'You make decisions and move work forward when others stall.',
			'You stay focused on the outcome when the pressure is on.',
			'You are willing to own a difficult call or deliver a hard message.',
		],
		blindSpots: [
			'You can sound abrupt, especially in email or to people who need a moment to warm up.',
			'You may decide before everyone has been heard, and lose their support.',
			'Moving fast, you can skip the questions that would show what the customer really needs.',
			'Your impatience shows when others want detail or time to think.',
		],
	},
	energizer: {
		style: 'energizer',
		name: 'Energizer',
		summary: 'You bring energy and ideas, talk readily, and win people over with enthusiasm.',
		wants: 'Recognition, new ideas, and time with people.',
		strengths: [
			'You build rapport quickly and make conversations enjoyable.',
			'You see the big picture and spark new ideas.',
			'Your enthusiasm is persuasive and catching.',
			'You keep spirits up when a project gets hard.',
		],
		blindSpots: [
			'You can talk more than you listen, and miss what the other person is telling you.',
			'In the excitement of the moment, you may promise more than can be delivered.',
			'Details and follow-up can slip.',
			'Your energy can overwhelm quieter or more careful people.',
		],
	},
	harmonizer: {
		style: 'harmonizer',
		name: 'Harmonizer',
		summary: 'You listen well, put people at ease, and look for solutions everyone can live with.',
		wants: 'Safety, harmony, and good relationships.',
		strengths: [
			'You are a patient, genuine listener, and people open up to you.',
			'You notice how others feel and can calm a tense situation.',
			'You build lasting trust with customers and colleagues.',
			'You are steady and supportive in a team.',
		],
		blindSpots: [
			'You may avoid saying no or giving unwelcome news.',
			'You can give in too soon to keep the peace, such as offering a refund before checking the account.',
			'Decisions can wait a long time while you make sure everyone agrees.',
			'Your own view can go unheard.',
		],
	},
	analyst: {
		style: 'analyst',
		name: 'Analyst',
		summary: 'You think before you speak, value accuracy, and like decisions that are backed by facts.',
		wants: 'Accuracy, clear information, and time to think.',
		strengths: [
			'You are thorough and accurate, and you get the facts right.',
			'You ask the careful questions that others skip.',
			'You stay calm and measured, and you rarely over-promise.',
			'You are good at structured problem-solving and clear processes.',
		],
		blindSpots: [
			'You can come across as distant to people who want warmth.',
			'You may over-explain, or wait for more information when a decision is needed now.',
			'You can go quiet in a heated conversation just when the other person needs you to engage.',
			'You are slow to share your view, so others may assume you agree.',
		],
	},
}

export const BALANCED_PROFILE = {
	summary:
		'Your answers put you near the centre of the circle: no strong pull toward asking or telling, or toward task or people.',
	strengths: [
		'You can move between asking and telling, and between task and people, without a strong pull either way.',
		'Many different people find you easy to work with.',
	],
	blindSpots: [
		'Without a strong home base, it is easy to miss which way you drift under pressure; your stress pattern below is a useful guide.',
		'You may adapt to the other person so much that your own view gets lost.',
	],
	note: 'A position near the centre can also mean the statements did not describe you well. If that sounds right, look at the role-plays for a clearer picture.',
} as const

export type StressGuide = {
	reaction: StressReaction
	name: string
	description: string
	earlyWarning: string
	tactic: string
}

export const STRESS_GUIDES: Record<StressReaction, StressGuide> = {
	take_over: {
		reaction: 'take_over',
		name: STRESS_REACTION_NAMES.take_over,
		description: 'When things get tense, you take control: you decide, you direct, and you stop asking for input.',
		earlyWarning: 'You catch yourself saying "Here is what we will do" before you have heard the whole problem.',
		tactic:
			'Ask one open question before you decide, such as "What would a good outcome look like for you?", and sum up the answer before you propose your plan.',
	},
	push_harder: {
		reaction: 'push_harder',
		name: STRESS_REACTION_NAMES.push_harder,
		description: 'You argue harder, talk faster and louder, and may talk over the other person.',
		earlyWarning:
			'Your voice rises, your sentences start with "But…", or you are planning your reply while they are still talking.',
		tactic:
			'Lower your pace and volume on purpose. Let them finish, say back what you heard in one sentence, and only then make your point.',
	},
	give_in: {
		reaction: 'give_in',
		name: STRESS_REACTION_NAMES.give_in,
		description: 'You give way to end the discomfort: you agree, apologise or concede more than you should.',
		earlyWarning:
			'You feel the urge to say "Of course, no problem" before you have checked whether it is possible or fair.',
		tactic:
			'Buy time with a neutral line: "Let me check that properly so I get it right for you." Check the facts, then offer what you can really deliver, with a time.',
	},
	withdraw: {
		reaction: 'withdraw',
		name: STRESS_REACTION_NAMES.withdraw,
		description: 'You pull back: you go quiet, retreat into procedure and detail, or put off the follow-up.',
		earlyWarning:
			'You notice you are hoping the call ends soon, answering in short facts, or leaving an uncomfortable email unanswered.',
		tactic:
			'Name the tension and stay with it: "I can hear this is frustrating. Here is what I will do, and by when." Then follow up the same day.',
	},
}

export type FlexTips = { doMore: string[]; doLess: string[] }

// Own style → other style. Reading across a row: what someone of that style should do more
// and less of to meet the other style's needs.
export const FLEX_ADVICE: Record<Style, Partial<Record<Style, FlexTips>>> = {
	director: {
		energizer: {
			doMore: [
				'Leave room for a little personal chat and enthusiasm before business.',
				'Ask for their ideas and say what you like about them.',
				'Talk about people and the big picture, not only the numbers.',
			],
			doLess: [
				'Cutting the conversation short to get to the decision.',
				'Dismissing ideas that are not fully worked out yet.',
			],
		},
		harmonizer: {
			doMore: [
				'Slow down and ask how the change affects them and their team.',
				'Give reassurance and time to decide; make it safe to raise a concern.',
				'Explain why you are asking, not only what you need.',
			],
			doLess: ['Pushing for an answer on the spot.', 'Blunt wording that can feel like pressure or criticism.'],
		},
		analyst: {
			doMore: [
				'Bring the facts, the detail and a written version.',
				'Give them time to think, and a clear process with steps.',
				'Answer their questions precisely, even the ones that seem minor to you.',
			],
			doLess: ['Pressure to decide now.', 'Broad claims without evidence behind them.'],
		},
	},
	energizer: {
		director: {
			doMore: [
				'Lead with the bottom line and the next step.',
				'Keep to time and stick to the agenda.',
				'Back your enthusiasm with results and dates.',
			],
			doLess: ['Stories and side-tracks.', 'Small talk when they want to get going.'],
		},
		harmonizer: {
			doMore: [
				'Listen more than you talk, and let a pause be a pause.',
				'Ask about their concerns and check they are comfortable.',
				'Follow through, steadily, on what you promised.',
			],
			doLess: ['Doing most of the talking.', 'Springing big changes on them at the last minute.'],
		},
		analyst: {
			doMore: [
				'Bring specifics: figures, steps and the written detail.',
				'Slow down, and give them time to read and think.',
				'Answer their questions fully and accurately.',
			],
			doLess: ['Exaggeration and big promises.', 'Jumping to a new idea before the last one is settled.'],
		},
	},
	harmonizer: {
		director: {
			doMore: [
				'Get to the point and state your recommendation clearly.',
				'Say no, or give bad news, directly and with a next step.',
				'Offer two or three options and let them choose quickly.',
			],
			doLess: ['Long warm-ups and small talk.', 'Hedging words ("maybe", "if that is OK") that make you sound unsure.'],
		},
		energizer: {
			doMore: [
				'Match some of their energy and show enthusiasm for their ideas.',
				'Speak up with your own ideas, early.',
				'Give them credit in front of others.',
			],
			doLess: ['Holding back your view to avoid a disagreement.', 'Waiting for them to ask what you think.'],
		},
		analyst: {
			doMore: [
				'Bring facts and a logical structure, not only reassurance.',
				'Be precise about what happens, when, and how.',
				'Put it in writing.',
			],
			doLess: [
				'Personal chat when they want to focus on the task.',
				'Leaning on how people feel as your main argument.',
			],
		},
	},
	analyst: {
		director: {
			doMore: [
				'Lead with your conclusion, and offer the detail if they ask.',
				'Be brief and decisive: give a recommendation.',
				'Commit to times.',
			],
			doLess: ['Long explanations and caveats.', 'Waiting for complete information before giving any answer.'],
		},
		energizer: {
			doMore: [
				'Show some warmth and react openly to their ideas.',
				'Talk about people and possibilities, not only facts.',
				'Brainstorm with them before you settle the details.',
			],
			doLess: [
				'Correcting small inaccuracies in the moment.',
				'Long pauses and a straight face that can read as disapproval.',
			],
		},
		harmonizer: {
			doMore: [
				'Show that you care about them, not only about the problem.',
				'Ask how they feel about the options, and reassure them.',
				'Take a moment for a personal word before business.',
			],
			doLess: ['A cool, purely factual tone.', 'Criticism without any warmth around it.'],
		},
	},
}

// For a balanced profile there is no "own style" to flex from, so the advice is what each
// style needs from anyone.
export const FLEX_TOWARD: Record<Style, FlexTips> = {
	director: {
		doMore: ['Lead with the bottom line.', 'Be brief, and ready with a recommendation.', 'Commit to times.'],
		doLess: ['Small talk.', 'Detail they did not ask for.'],
	},
	energizer: {
		doMore: ['Show enthusiasm for their ideas.', 'Make time for the person.', 'Give credit openly.'],
		doLess: ['Dry detail.', 'Cutting their ideas short.'],
	},
	harmonizer: {
		doMore: ['Slow down and listen.', 'Reassure them and give them time.', 'Ask how a change affects them.'],
		doLess: ['Pushing for a quick decision.', 'Blunt wording.'],
	},
	analyst: {
		doMore: ['Bring facts, detail and a written version.', 'Give them time to think.', 'Answer precisely.'],
		doLess: ['Pressure to decide now.', 'Exaggeration.'],
	},
}

/** Flex advice from one style toward another, or null for the same style. */
export function flexAdvice(from: Style, to: Style): FlexTips | null {
	return from === to ? null : (FLEX_ADVICE[from][to] ?? null)
}

/** Headline and explanation of where the dot is, with blend and balanced wording. */
export function describePlacement(placement: Placement): { headline: string; body: string } {
	switch (placement.kind) {
		case 'balanced':
			return { headline: 'Balanced', body: BALANCED_PROFILE.summary }
		case 'blend': {
			const [a, b] = placement.styles
			const key = [a, b].sort().join('+')
			const where: Record<string, string> = {
				'director+energizer': 'You tell more than you ask, and sit between a task focus and a people focus.',
				'analyst+harmonizer': 'You ask more than you tell, and sit between a task focus and a people focus.',
				'energizer+harmonizer': 'You focus on people, and sit between asking and telling.',
				'analyst+director': 'You focus on the task, and sit between asking and telling.',
			}
			const leaning = placement.leaning ? ` You lean slightly toward ${STYLE_NAMES[placement.leaning]}.` : ''
			return {
				headline: `A blend of ${STYLE_NAMES[a]} and ${STYLE_NAMES[b]}`,
				body: `${where[key] ?? ''}${leaning}`.trim(),
			}
		}
		case 'style': {
			const name = STYLE_NAMES[placement.style]
			const headline =
				placement.strength === 'strong'
					? `Strongly ${name}`
					: placement.strength === 'mild'
						? `Leaning toward ${name}`
						: name
			return { headline, body: STYLE_PROFILES[placement.style].summary }
		}
	}
}

/** The style whose advice and profile apply, or null for a balanced result. */
export function homeStyle(placement: Placement): Style | null {
	if (placement.kind === 'style') return placement.style
	if (placement.kind === 'blend') return placement.leaning ?? placement.styles[0]
	return null
}

export type StressSection = {
	summary: string
	primary: StressGuide | null
	/** Guides for every reaction at the "tends to" level, highest first. */
	elevated: StressGuide[]
	scores: Record<StressReaction, number>
	/** Set when the leading reaction is the usual backup of the learner's own style. */
	styleEcho: string | null
}

function joinNames(names: string[]): string {
	if (names.length <= 1) return names.join('')
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

export function describeStress(stress: StressProfile, home: Style | null): StressSection {
	const elevated = stress.elevated.map((r) => STRESS_GUIDES[r])
	const primary = stress.primary ? STRESS_GUIDES[stress.primary] : null
	let summary: string
	if (primary) {
		summary = `Under pressure, you tend to ${primary.name.toLowerCase()}. ${primary.description}`
	} else if (elevated.length > 0) {
		summary = `Under pressure, you tend to ${joinNames(elevated.map((g) => g.name.toLowerCase()))}, depending on the situation.`
	} else {
		summary =
			'None of the four backup reactions stands out in your answers. Watch which one shows up in your role-plays.'
	}
	const styleEcho =
		primary && home && STYLE_BACKUP[home] === primary.reaction
			? `This is the typical backup of the ${STYLE_NAMES[home]} style, so it may show up whenever a conversation gets hard.`
			: null
	return { summary, primary, elevated, scores: stress.scores, styleEcho }
}

export type FlexSection = { to: Style; name: string; tips: FlexTips }[]

export function flexSection(placement: Placement): FlexSection {
	const home = homeStyle(placement)
	return STYLES.filter((to) => to !== home).map((to) => ({
		to,
		name: STYLE_NAMES[to],
		tips: home ? (flexAdvice(home, to) ?? FLEX_TOWARD[to]) : FLEX_TOWARD[to],
	}))
}

export type StyleReport = {
	statement: string
	headline: string
	body: string
	dot: StyleDot
	placement: Placement
	strengths: string[]
	blindSpots: string[]
	note: string | null
	stress: StressSection
	flex: FlexSection
	cues: {
		correct: number
		total: number
		summary: string
		missed: { id: string; setting: string; quote: string; chosen: string; answer: string; cue: string }[]
	}
	quality: { flagged: boolean; messages: string[]; advice: string | null }
}

/** Everything the report page shows, from a stored result and the instrument it was scored with. */
export function buildReport(result: AssessmentResult, instrument: Instrument): StyleReport {
	const { placement } = result
	const { headline, body } = describePlacement(placement)
	const home = homeStyle(placement)

	let strengths: string[]
	let blindSpots: string[]
	if (placement.kind === 'style') {
		strengths = STYLE_PROFILES[placement.style].strengths
		blindSpots = STYLE_PROFILES[placement.style].blindSpots
	} else if (placement.kind === 'blend') {
		// Two from each side of the blend, the side the dot leans to first.
		const [a, b] =
			placement.leaning === placement.styles[1] ? [placement.styles[1], placement.styles[0]] : placement.styles
		strengths = [...STYLE_PROFILES[a].strengths.slice(0, 2), ...STYLE_PROFILES[b].strengths.slice(0, 2)]
		blindSpots = [...STYLE_PROFILES[a].blindSpots.slice(0, 2), ...STYLE_PROFILES[b].blindSpots.slice(0, 2)]
	} else {
		strengths = [...BALANCED_PROFILE.strengths]
		blindSpots = [...BALANCED_PROFILE.blindSpots]
	}

	const missed = missedCues(result.cues, instrument).map(({ vignette, chosen }) => ({
		id: vignette.id,
		setting: vignette.setting,
		quote: vignette.quote,
		chosen: STYLE_NAMES[chosen],
		answer: STYLE_NAMES[vignette.answer],
		cue: vignette.cue,
	}))
	const { correct, total } = result.cues
	const cueSummary =
		missed.length === 0
			? `You read all ${total} speakers' styles correctly.`
			: `You read ${correct} of ${total} speakers' styles correctly. Here are the cues you missed.`

	const flagged = result.flags.length > 0
	return {
		statement: SELF_REPORT_STATEMENT,
		headline,
		body,
		dot: result.dot,
		placement,
		strengths,
		blindSpots,
		note: placement.kind === 'balanced' ? BALANCED_PROFILE.note : null,
		stress: describeStress(result.stress, home),
		flex: flexSection(placement),
		cues: { correct, total, summary: cueSummary, missed },
		quality: {
			flagged,
			messages: result.flags.map((f) => f.message),
			advice: flagged
				? 'Your result is still shown, but it may not describe you accurately. You can retake the assessment whenever you like.'
				: null,
		},
	}
}
