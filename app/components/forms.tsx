import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { useNavigation } from '@remix-run/react'
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

// Shows a pending label while this form's submission is in flight (JS on only).
export function SubmitButton({
	children,
	pendingLabel,
	className = 'button',
	name,
	value,
}: {
	children: ReactNode
	pendingLabel?: string
	className?: string
	name?: string
	value?: string
}) {
	const navigation = useNavigation()
	const pending =
		navigation.state !== 'idle' &&
		navigation.formData !== undefined &&
		(name === undefined || navigation.formData.get(name) === value)
	return (
		<button type="submit" className={className} name={name} value={value} aria-disabled={pending || undefined}>
			{pending && pendingLabel ? pendingLabel : children}
		</button>
	)
}

// A list of what to fix, at the top of a long form, each linking to its field (WCAG 3.3.1).
export function ErrorSummary({
	id = 'error-summary',
	title,
	items,
}: {
	id?: string
	title: string
	items: Array<{ href: string; message: string }>
}) {
	if (items.length === 0) return null
	return (
		<div className="error-summary" role="alert" aria-labelledby={`${id}-title`} id={id}>
			<h2 id={`${id}-title`} className="error-summary__title">
				{title}
			</h2>
			<ul className="error-summary__list">
				{items.map((item) => (
					<li key={item.href}>
						<a href={item.href}>{item.message}</a>
					</li>
				))}
			</ul>
		</div>
	)
}
