export const roles = ['learner', 'coach', 'admin'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
	learner: 'Learner',
	coach: 'Coach',
	admin: 'Admin',
}

export type NavItem = { to: string; label: string }

// One place decides what each role sees in the app shell.
export function navigationFor(role: Role): NavItem[] {
	const home: NavItem = { to: '/home', label: 'Home' }
	const style: NavItem = { to: '/assessment', label: 'My style' }
	const practice: NavItem = { to: '/practice', label: 'Practice' }
	const account: NavItem = { to: '/account', label: 'Account' }
	switch (role) {
		case 'learner':
			return [home, style, practice, account]
		case 'coach':
			return [home, { to: '/teams', label: 'Teams' }, style, practice, account]
		case 'admin':
			return [
				home,
				{ to: '/members', label: 'Members' },
				{ to: '/teams', label: 'Teams' },
				{ to: '/admin/scenarios', label: 'Scenarios' },
				{ to: '/admin/instrument', label: 'Instrument' },
				account,
			]
	}
}

export function canManageMembers(role: Role): boolean {
	return role === 'admin'
}

export function canViewTeams(role: Role): boolean {
	return role === 'admin' || role === 'coach'
}

export type MemberPageAccess = 'full' | 'self' | 'team' | 'denied'

// Who may open a member's page inside one organisation. (Other organisations'
// members are never found at all: that is a 404 before this is asked.)
export function memberPageAccess(args: {
	viewerId: string
	viewerRole: Role
	memberId: string
	viewerCoachesMember: boolean
}): MemberPageAccess {
	if (args.viewerRole === 'admin') return 'full'
	if (args.viewerId === args.memberId) return 'self'
	if (args.viewerRole === 'coach' && args.viewerCoachesMember) return 'team'
	return 'denied'
}
