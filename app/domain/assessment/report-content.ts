import { missedCues } from '#app/domain/assessment/cues.ts'
import { SELF_REPORT_STATEMENT } from '#app/domain/assessment/report-notes.ts'
import { describePlacement, PLACEMENT_SUMMARIES } from '#app/domain/assessment/placement.ts'
import type { Instrument } from '#app/domain/assessment/item-bank.ts'
import type { AssessmentResult, Placement, StyleDot } from '#app/domain/assessment/result.ts'
import { leadingReaction, stressLevels, type StressLevel } from '#app/domain/assessment/stress-levels.ts'
import { uncertaintyRegion } from '#app/domain/assessment/scoring.ts'
import {
	STRESS_REACTIONS,
	STRESS_REACTION_NAMES,
	STYLES,
	STYLE_NAMES,
	type StressReaction,
	type Style,
} from '#app/domain/style.ts'

// describePlacement and the one-line summaries live in placement.ts: the style circle uses them in
// the browser, and this module is too large for the learner pages' JavaScript budget.
export { describePlacement } from '#app/domain/assessment/placement.ts'

// What the learner reads in their report. Plain data plus the functions that pick from it, so
// every sentence on the page can be traced to a row here and to the score that selected it.

/** Strengths and blind spots are what people with a self-description often show, never facts
 * about the learner: the report introduces each list with one of these. */
export const STRENGTHS_INTRO = 'People who describe themselves as you did often'
export const BLIND_SPOTS_INTRO = 'People with this self-description sometimes'

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
		summary: PLACEMENT_SUMMARIES.director,
		wants: 'Results, speed and a say in the outcome.',
		strengths: [
			'get to the point, so customers and colleagues know where they stand.',
			'make decisions and move work forward when others stall.',
			'stay focused on the outcome when the pressure is on.',
			'are willing to own a difficult call or deliver a hard message.',
		],
		blindSpots: [
			'can sound abrupt, especially in email or to people who need a moment to warm up.',
			'may decide before everyone has been heard, and lose their support.',
			'can skip, when moving fast, the questions that would show what the customer really needs.',
			'let impatience show when others want detail or time to think.',
		],
	},
	energizer: {
		style: 'energizer',
		name: 'Energizer',
		summary: PLACEMENT_SUMMARIES.energizer,
		wants: 'Recognition, new ideas, and time with people.',
		strengths: [
			'build rapport quickly and make conversations enjoyable.',
			'see the big picture and spark new ideas.',
			'have an enthusiasm that is persuasive and catching.',
			'keep spirits up when a project gets hard.',
		],
		blindSpots: [
			'can talk more than they listen, and miss what the other person is telling them.',
			'may promise, in the excitement of the moment, more than can be delivered.',
			'let details and follow-up slip.',
			'can overwhelm quieter or more careful people with their energy.',
		],
	},
	harmonizer: {
		style: 'harmonizer',
		name: 'Harmonizer',
		summary: PLACEMENT_SUMMARIES.harmonizer,
		wants: 'Safety, harmony, and good relationships.',
		strengths: [
			'are patient, genuine listeners, and people open up to them.',
			'notice how others feel and can calm a tense situation.',
			'build lasting trust with customers and colleagues.',
			'are steady and supportive in a team.',
		],
		blindSpots: [
			'may avoid saying no or giving unwelcome news.',
			'can give in too soon to keep the peace, such as offering a refund before checking the account.',
			'let decisions wait a long time while they make sure everyone agrees.',
			'let their own view go unheard.',
		],
	},
	analyst: {
		style: 'analyst',
		name: 'Analyst',
		summary: PLACEMENT_SUMMARIES.analyst,
		wants: 'Accuracy, clear information, and time to think.',
		strengths: [
			'are thorough and accurate, and get the facts right.',
			'ask the careful questions that others skip.',
			'stay calm and measured, and rarely over-promise.',
			'are good at structured problem-solving and clear processes.',
		],
		blindSpots: [
			'can come across as distant to people who want warmth.',
			'may over-explain, or wait for more information when a decision is needed now.',
			'can go quiet in a heated conversation just when the other person needs them to engage.',
			'can be slow to share their view, so others may assume they agree.',
		],
	},
}

export const BALANCED_PROFILE = {
	summary: PLACEMENT_SUMMARIES.balanced,
	strengths: [
		'can move between asking and telling, and between task and people, without a strong pull either way.',
		'are found easy to work with by many different people.',
	],
	blindSpots: [
		'can miss, without a strong home base, which way they drift under pressure; the stress pattern below is a useful guide.',
		'may adapt to the other person so much that their own view gets lost.',
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

/** The style whose advice and profile apply, or null for a balanced result. */
export function homeStyle(placement: Placement): Style | null {
	if (placement.kind === 'style') return placement.style
	if (placement.kind === 'blend') return placement.leaning ?? placement.styles[0]
	return null
}

export type StressReadingView = {
	reaction: StressReaction
	name: string
	level: StressLevel
	/** Mean agreement 1–5 and its 80% band, rounded for display. */
	score: number
	band: { low: number; high: number }
}

export type StressSection = {
	summary: string
	/** The guide for the reaction that leads the others beyond their error, if one does. */
	primary: StressGuide | null
	/** Guides for every elevated reaction, highest first. */
	elevated: StressGuide[]
	readings: StressReadingView[]
	/** How to read the levels, in one sentence. */
	howToRead: string
}

function joinNames(names: string[]): string {
	if (names.length <= 1) return names.join('')
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

const round1 = (x: number) => Math.round(x * 10) / 10

/** The stress section from the four readings (DESIGN §7): never a single label the error cannot support. */
export function describeStress(result: Pick<AssessmentResult, 'instrumentVersion' | 'stress'>): StressSection {
	const readings = stressLevels(result)
	const ranked = STRESS_REACTIONS.map((r) => readings[r]).sort((a, b) => b.score - a.score)
	const elevated = ranked.filter((r) => r.level === 'elevated').map((r) => STRESS_GUIDES[r.reaction])
	const leading = leadingReaction(readings)
	const primary = leading ? STRESS_GUIDES[leading] : null
	let summary: string
	if (primary) {
		summary = `You describe yourself as tending to ${primary.name.toLowerCase()} under pressure, more than the other reactions. ${primary.description}`
	} else if (elevated.length > 0) {
		summary =
			elevated.length === 1
				? `You describe yourself as tending to ${elevated[0]?.name.toLowerCase()} under pressure, though not clearly more than the next reaction.`
				: `You describe yourself as tending to ${joinNames(elevated.map((g) => g.name.toLowerCase()))} under pressure. Their scores are within each other's margin of error, so neither is "the" one.`
	} else {
		summary =
			'None of the four backup reactions stands out in your answers. Watch which one shows up in your role-plays.'
	}
	return {
		summary,
		primary,
		elevated,
		readings: ranked.map((r) => ({
			reaction: r.reaction,
			name: STRESS_REACTION_NAMES[r.reaction],
			level: r.level,
			score: round1(r.score),
			band: { low: round1(r.band.low), high: round1(r.band.high) },
		})),
		howToRead:
			'Each score is your average agreement from 1 (strongly disagree) to 5 (strongly agree); the range shows where it would likely fall on another day. "Elevated" means you agreed and the whole range stays above the middle.',
	}
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
	/** The calibrated uncertainty region around the dot (standard units). */
	region: { rx: number; ry: number }
	placement: Placement
	strengthsIntro: string
	blindSpotsIntro: string
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
	/** What "doesn't apply" left out, or null when every statement was answered. */
	notApplicable: string | null
	/** One sentence when the result came from the adaptive short form (ADR 0009), else null. */
	shortForm: string | null
}

/** Everything the report page shows, from a stored result and the instrument it was scored with. */
export function buildReport(result: AssessmentResult, instrument: Instrument): StyleReport {
	const { placement } = result
	const { headline, body } = describePlacement(placement)
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
	const na = result.notApplicable?.length ?? 0
	const axisTotal = instrument.likertItems.filter((i) => i.kind === 'axis').length
	return {
		statement: SELF_REPORT_STATEMENT,
		headline,
		body,
		dot: result.dot,
		region: uncertaintyRegion(result.dot),
		placement,
		strengthsIntro: STRENGTHS_INTRO,
		blindSpotsIntro: BLIND_SPOTS_INTRO,
		strengths,
		blindSpots,
		note: placement.kind === 'balanced' ? BALANCED_PROFILE.note : null,
		stress: describeStress(result),
		flex: flexSection(placement),
		cues: { correct, total, summary: cueSummary, missed },
		quality: {
			flagged,
			messages: result.flags.map((f) => f.message),
			advice: flagged
				? "Your result is still shown, but it may not describe you accurately, and it is left out of your organisation's statistics. You can retake the assessment whenever you like."
				: null,
		},
		notApplicable:
			na === 0
				? null
				: `${na === 1 ? 'One statement' : `${na} statements`} did not apply to your role. We left ${na === 1 ? 'it' : 'them'} out, together with ${na === 1 ? 'its opposite statement' : 'their opposite statements'}, so that both sides of each scale stay balanced.`,
		shortForm: shortFormNote(result, axisTotal),
	}
}

// A short-form attempt whose answers never placed the learner clearly was asked every statement:
// then nothing was cut short and the region is the full form's, so the note must not say otherwise.
function shortFormNote(result: AssessmentResult, axisTotal: number): string | null {
	if (result.form !== 'adaptive') return null
	const asked = result.axisItemsAsked ?? axisTotal
	if (asked >= axisTotal) {
		return `This was the short form, but your answers did not place you clearly on either side early on, so you answered all ${axisTotal} style statements, as on the full form.`
	}
	return `This was the short form: you answered ${asked} of the ${axisTotal} style statements, because we stopped asking about a side once your answers placed you clearly, so the shaded region around your dot is wider than after the full form.`
}
