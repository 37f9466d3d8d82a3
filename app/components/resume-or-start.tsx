import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { SubmitButton } from '#app/components/submit-button.tsx'

type ResumeOrStartProps = {
	/** Where the learner's unfinished work continues; without it, only "start" is offered. */
	resumeTo?: string
	resumeLabel: ReactNode
	startLabel: ReactNode
	/** Sent with "start over", e.g. which attempt to abandon. */
	restartFields?: Record<string, string>
}

// Unfinished work is continued or thrown away on purpose, never silently replaced.
export function ResumeOrStart({ resumeTo, resumeLabel, startLabel, restartFields = {} }: ResumeOrStartProps) {
	if (!resumeTo) {
		return (
			<Form method="post">
				<SubmitButton name="intent" value="start" pendingLabel="Starting…">
					{startLabel}
				</SubmitButton>
			</Form>
		)
	}
	return (
		<div className="button-row">
			<Link className="button" to={resumeTo}>
				{resumeLabel}
			</Link>
			<Form method="post">
				{Object.entries(restartFields).map(([name, value]) => (
					<input key={name} type="hidden" name={name} value={value} />
				))}
				<SubmitButton name="intent" value="restart" className="button button--secondary" pendingLabel="Starting…">
					Start over
				</SubmitButton>
			</Form>
		</div>
	)
}
