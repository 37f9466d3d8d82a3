// First-run guidance for a new organisation: pure rules over facts read from the database.

export type FirstRunFacts = {
	teams: number
	// Invitations ever created plus people who joined besides the viewer.
	invitedOrJoined: number
	ownAssessmentResults: number
	ownAttempts: number
	// Sessions this person has started in this organisation (sign-up, joining, each sign-in).
	visits: number
	checklistDismissed: boolean
}

export type ChecklistItem = { id: string; label: string; hint: string; to: string; done: boolean }

export function adminChecklist(facts: FirstRunFacts): ChecklistItem[] {
	return [
		{
			id: 'team',
			label: 'Create a team',
			hint: 'Teams group learners with their coaches.',
			to: '/teams',
			done: facts.teams > 0,
		},
		{
			id: 'invite',
			label: 'Invite people',
			hint: 'Create an invitation link for each coach and learner.',
			to: '/members',
			done: facts.invitedOrJoined > 0,
		},
		{
			id: 'assessment',
			label: 'Take the assessment yourself',
			hint: 'About ten minutes; your answers stay private.',
			to: '/assessment',
			done: facts.ownAssessmentResults > 0,
		},
		{
			id: 'role-play',
			label: 'Try a role-play',
			hint: 'See what your learners will practise.',
			to: '/practice',
			done: facts.ownAttempts > 0,
		},
	]
}

// The checklist shows for admins until they dismiss it.
export function showsChecklist(role: string, facts: FirstRunFacts): boolean {
	return role === 'admin' && !facts.checklistDismissed
}

// "Welcome back" only for someone who has been here before.
export function greeting(firstName: string, visits: number): string {
	return visits > 1 ? `Welcome back, ${firstName}` : `Welcome, ${firstName}`
}
