import type { SubmissionResult } from '@conform-to/react'
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react'

type SummaryItem = { href: string; message: string }

// A list of what to fix, at the top of a long form, each linking to its field (WCAG 3.3.1).
// Whenever `focusOn` changes (a failed submit), focus moves to the summary once it has items,
// so that a screen reader reads it and Tab continues into its links.
export function ErrorSummary({
	id = 'error-summary',
	title,
	items,
	focusOn,
}: {
	id?: string
	title: string
	items: SummaryItem[]
	focusOn?: unknown
}) {
	const ref = useRef<HTMLDivElement>(null)
	const wantsFocus = useRef(false)
	const lastRequest = useRef(focusOn)
	if (focusOn !== lastRequest.current) {
		lastRequest.current = focusOn
		wantsFocus.current = focusOn !== undefined
	}
	// Runs after every render: a client-side check and a server reply reach the errors in
	// different renders, so focus waits for the first render that has something to list.
	useEffect(() => {
		if (wantsFocus.current && items.length > 0 && ref.current) {
			wantsFocus.current = false
			ref.current.focus()
		}
	})
	if (items.length === 0) return null
	return (
		<div className="error-summary" role="alert" aria-labelledby={`${id}-title`} id={id} tabIndex={-1} ref={ref}>
			<h2 id={`${id}-title`} className="error-summary__title">
				{title}
			</h2>
			<ul className="error-summary__list">
				{items.map((item) => (
					<li key={item.href}>
						<a href={item.href} onClick={focusTarget}>
							{item.message}
						</a>
					</li>
				))}
			</ul>
		</div>
	)
}

// A fragment link scrolls but does not always move focus into an input: with JavaScript, do both,
// keeping the field's label in view. Without JavaScript the plain link still jumps there.
function focusTarget(event: MouseEvent<HTMLAnchorElement>) {
	const target = document.getElementById(event.currentTarget.hash.slice(1))
	if (!target) return
	event.preventDefault()
	target.focus({ preventScroll: true })
	;(target.closest('.field, fieldset') ?? target).scrollIntoView({ block: 'start' })
}

type Labelled = ReadonlyArray<readonly [{ id: string; errors?: string[] }, string]>

// The summary of a Conform form. It shows after a submit (checked in the browser) or a reply from
// the server (the only check without JavaScript), lists each field's first error, and stays in step
// as the person fixes fields. Spread `onSubmit` on the <Form> in place of Conform's own.
export function useConformErrorSummary(
	form: { onSubmit: (event: FormEvent<HTMLFormElement>) => void },
	fields: Labelled,
	lastResult: SubmissionResult<string[]> | null | undefined,
) {
	const [attempts, setAttempts] = useState(0)
	const shown = attempts > 0 || lastResult?.status === 'error'
	const items = shown
		? fields.flatMap(([meta, label]) =>
				meta.errors?.length ? [{ href: `#${meta.id}`, message: `${label}: ${meta.errors[0]}` }] : [],
			)
		: []
	return {
		items,
		// Each submit, and each new reply from the server, asks for focus again.
		focusOn: `${attempts} ${lastResult ? JSON.stringify(lastResult.error ?? null) : ''}`,
		onSubmit(event: FormEvent<HTMLFormElement>) {
			setAttempts((n) => n + 1)
			form.onSubmit(event)
		},
	}
}
