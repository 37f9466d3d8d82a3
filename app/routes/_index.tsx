import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { getViewer } from '#app/auth/session.server.ts'

export const meta: MetaFunction = () => [
	{ title: 'Attune · practise the conversations that matter' },
	{ name: 'description', content: 'Learn to read and adapt to communication styles with role-play practice.' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
	if (await getViewer(request, context)) throw redirect('/home')
	return null
}

export default function Landing() {
	return (
		<section className="hero">
			<div>
				<h1>Practise the conversations that matter.</h1>
				<p className="hero__lead">
					Attune helps support, sales and onboarding teams read how a customer communicates, notice their own reactions
					under pressure, and adapt — through role-play practice that stays private until you share it.
				</p>
				<div className="hero__actions">
					<Link className="button" to="/login">
						Sign in
					</Link>
					<Link className="button button--secondary" to="/signup">
						Create an organisation
					</Link>
				</div>
			</div>
			<div className="card">
				<ul className="feature-list">
					<li>
						<strong>Know your style.</strong> A short self-assessment places you on the style circle and shows how you
						tend to react when a call turns tense.
					</li>
					<li>
						<strong>Practise safely.</strong> Branching role-plays with customers of every style, played at your own
						pace.
					</li>
					<li>
						<strong>Grow with a coach.</strong> Feedback tied to your own profile, and skill trends your coach can
						follow when you choose to share.
					</li>
				</ul>
			</div>
		</section>
	)
}
