import { NavLink } from '@remix-run/react'

// "My profile" groups the self-assessment and practice progress.
export function ProfileTabs() {
	return (
		<nav className="profile-tabs" aria-label="My profile">
			<NavLink to="/assessment" end>
				My style
			</NavLink>
			<NavLink to="/progress">My progress</NavLink>
		</nav>
	)
}
