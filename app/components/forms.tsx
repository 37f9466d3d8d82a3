import { getInputProps, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
	if (!errors?.length) return null
	return (
		<ul id={id} className="error-list">
			{errors.map((e) => (
				<li key={e}>{e}</li>
			))}
		</ul>
	)
}

type InputType = 'text' | 'email' | 'password'

export function Field({
	meta,
	label,
	type = 'text',
	hint,
	autoComplete,
}: {
	meta: FieldMetadata<string>
	label: string
	type?: InputType
	hint?: ReactNode
	autoComplete?: string
}) {
	const hintId = hint ? `${meta.id}-hint` : undefined
	const props = getInputProps(meta, { type, ariaDescribedBy: hintId })
	return (
		<div className="field">
			<label htmlFor={meta.id}>{label}</label>
			{hint ? (
				<span id={hintId} className="field__hint">
					{hint}
				</span>
			) : null}
			<input {...props} key={props.key} autoComplete={autoComplete} />
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function FormErrors({ id, errors }: { id?: string; errors?: string[] | null }) {
	if (!errors?.length) return null
	return (
		<div id={id} className="alert alert--error" role="alert">
			{errors.map((e) => (
				<p key={e} className="flush">
					{e}
				</p>
			))}
		</div>
	)
}

// In its own module: a page with a button but no Conform form (the learner pages) skips Conform.
export { SubmitButton } from '#app/components/submit-button.tsx'
