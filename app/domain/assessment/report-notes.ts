// The report's fixed sentences, apart from report-content.ts: pages ship them to the browser, and the
// learner pages' JavaScript budget has no room for the whole report text.

export const SELF_REPORT_STATEMENT =
	'This describes how you see your own communication; it is for your development, not for hiring or evaluation.'

/** One sentence on the region around the dot (its size is calibrated: docs/assessment.md §4). */
export const REGION_EXPLANATION =
	'The shaded oval around your dot shows the uncertainty: if you took the assessment again, your dot would land inside it about 85% of the time.'

/** How to read the style circle (its legend). */
export const CIRCLE_LEGEND = [
	{ key: 'dot', text: 'Your dot: where your answers place you. Further from the centre means a stronger preference.' },
	{ key: 'region', text: 'The shaded oval: where a retake would likely land (about 85% of the time).' },
	{
		key: 'bands',
		text: 'The grey bands along the axes and the grey centre: close to a line or the centre, the report names a blend or "balanced" rather than one style.',
	},
	{ key: 'history', text: 'Faded dots: your earlier results, if any.' },
] as const

/** When and why to retake. */
export const RETAKE_GUIDANCE =
	'If you want to retake the assessment, wait a few weeks. Answers given again soon mostly repeat what you remember answering, so they say little new; after some weeks of practice a retake can show real change.'

/** Shown before the first question (DESIGN §7: who sees what). */
export const CONSENT_NOTE = {
	what: 'This measures how you see your own communication: how much you ask or tell, how much you focus on the task or on people, how you react under pressure, and how well you read other people’s styles.',
	who: 'Only you see your answers and your report. Your coach and your organisation’s admins see no answers; admins see only statistics about the questions, pooled over many people.',
	purpose: 'The result is for your own development, never for selection, hiring or evaluation.',
} as const

/** A short, neutral explanation of the four styles, shown after the self-rating pages (so it cannot
 * colour them) and before the first "Read the speaker" page. */
export const STYLES_PRIMER = {
	intro:
		'The next pages ask you to read other people. The four styles are four ways of talking, and everyone uses all of them at times:',
	note: 'No style is better than another. Pick the one the words suggest most.',
} as const
