export const roles = ['learner', 'coach', 'admin'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
	learner: 'Learner',
	coach: 'Coach',
	admin: 'Admin',
}

// badge: how many new things wait behind the link (assignments and notes on Home).
export type NavItem = { to: string; label: string; badge?: number }

// One place decides what each role sees in the app shell. Anyone can practise, so every role
// gets My style and Practice.
export function navigationFor(role: Role): NavItem[] {
	const home: NavItem = { to: '/home', label: 'Home' }
	const style: NavItem = { to: '/assessment', label: 'My profile' }
	const practice: NavItem = { to: '/practice', label: 'Practice' }
	const account: NavItem = { to: '/account', label: 'Account' }
	const assignments: NavItem = { to: '/assignments', label: 'Assignments' }
	switch (role) {
		case 'learner':
			return [home, style, practice, account]
		case 'coach':
			return [home, { to: '/teams', label: 'Teams' }, assignments, style, practice, account]
		case 'admin':
			return [
				home,
				style,
				practice,
				{ to: '/members', label: 'Members' },
				{ to: '/teams', label: 'Teams' },
				assignments,
				{ to: '/admin/scenarios', label: 'Scenarios' },
				{ to: '/admin/instrument', label: 'Instrument' },
				{ to: '/admin/audit', label: 'Audit log' },
				{ to: '/admin/organisation', label: 'Settings' },
				account,
			]
	}
}
