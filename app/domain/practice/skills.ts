export const skills = [
	'active_listening',
	'empathy',
	'clarity',
	'realistic_promises',
	'questioning',
	'de_escalation',
	'win_win',
	'style_flex',
	// Fed by cue moments in role-plays (DESIGN §7), not by reply evidence.
	'cue_reading',
] as const

export type Skill = (typeof skills)[number]

export const skillLabels: Record<Skill, string> = {
	active_listening: 'Active listening',
	empathy: 'Empathy',
	clarity: 'Clarity',
	realistic_promises: 'Realistic promises',
	questioning: 'Questioning',
	de_escalation: 'De-escalation',
	win_win: 'Win-win solutions',
	style_flex: 'Style flex',
	cue_reading: 'Reading cues',
}
