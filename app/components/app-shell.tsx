import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { LogoMark } from '#app/components/logo.tsx'
import { roleLabels, type NavItem, type Role } from '#app/domain/accounts/roles.ts'

export type ShellViewer = {
	user: { name: string; email: string }
	organisation: { name: string }
	role: Role
	nav: NavItem[]
}

// The header fits any width from 320 px and any name length: on narrow screens (or at high zoom)
// the navigation folds into a <details> menu, which opens and closes without JavaScript; on wide
// screens the same elements are laid out in a row (see .site-menu in app.css).
export function AppShell({ viewer, children }: { viewer: ShellViewer | null; children: ReactNode }) {
	const menu = useRef<HTMLDetailsElement>(null)
	const location = useLocation()
	// With JavaScript, links navigate on the client, so close the menu once the page changes.
	useEffect(() => {
		if (menu.current) menu.current.open = false
	}, [location.pathname, location.search])
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
					</Link>
					{viewer ? (
						<>
							<span className="brand__org">{viewer.organisation.name}</span>
							<details className="site-menu" ref={menu}>
								<summary className="site-menu__toggle">
									<span className="site-menu__icon" aria-hidden="true" />
									Menu
								</summary>
								<nav className="main-nav" aria-label="Main">
									<ul>
										{viewer.nav.map((item) => (
											<li key={item.to}>
												<NavLink to={item.to} prefetch="intent">
													{item.label}
													{item.badge ? (
														<span className="nav-badge">
															{item.badge}
															<span className="visually-hidden"> new</span>
														</span>
													) : null}
												</NavLink>
											</li>
										))}
									</ul>
								</nav>
								<div className="user-menu">
									<p className="user-menu__who">
										<span className="user-menu__name">{viewer.user.name}</span>
										<span className="user-menu__role">{roleLabels[viewer.role]}</span>
										<span className="user-menu__org">{viewer.organisation.name}</span>
									</p>
									<Form method="post" action="/logout">
										<button type="submit" className="button button--secondary button--small">
											Sign out
										</button>
									</Form>
								</div>
							</details>
						</>
					) : (
						<nav className="main-nav main-nav--public" aria-label="Main">
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
