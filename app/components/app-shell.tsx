import { Form, Link, NavLink } from '@remix-run/react'
import type { ReactNode } from 'react'
import { LogoMark } from '#app/components/logo.tsx'
import { roleLabels, type NavItem, type Role } from '#app/domain/accounts/roles.ts'

export type ShellViewer = {
	user: { name: string; email: string }
	organisation: { name: string }
	role: Role
	nav: NavItem[]
}

export function AppShell({ viewer, children }: { viewer: ShellViewer | null; children: ReactNode }) {
	return (
		<>
			<a className="skip-link" href="#main">
				Skip to content
			</a>
			<header className="site-header">
				<div className="site-header__inner">
					<Link to={viewer ? '/home' : '/'} className="brand">
						<LogoMark className="brand__mark" />
						<span>Attune</span>
						{viewer ? <span className="brand__org">{viewer.organisation.name}</span> : null}
					</Link>
					{viewer ? (
						<>
							<nav className="main-nav" aria-label="Main">
								<ul>
									{viewer.nav.map((item) => (
										<li key={item.to}>
											<NavLink to={item.to} prefetch="intent">
												{item.label}
											</NavLink>
										</li>
									))}
								</ul>
							</nav>
							<div className="user-menu">
								<div className="user-menu__who">
									<span>{viewer.user.name}</span>
									<span className="user-menu__role">{roleLabels[viewer.role]}</span>
								</div>
								<Form method="post" action="/logout">
									<button type="submit" className="button button--secondary button--small">
										Sign out
									</button>
								</Form>
							</div>
						</>
					) : (
						<nav className="main-nav" aria-label="Main">
							<ul className="main-nav__end">
								<li>
									<NavLink to="/login">Sign in</NavLink>
								</li>
								<li>
									<NavLink to="/signup">Create an organisation</NavLink>
								</li>
							</ul>
						</nav>
					)}
				</div>
			</header>
			<main id="main" className="site-main" tabIndex={-1}>
				{children}
			</main>
			<footer className="site-footer">
				<div className="site-footer__inner">
					<span>Attune · open-source communication-style practice</span>
					<span>Your practice is private unless you choose to share it.</span>
				</div>
			</footer>
		</>
	)
}
