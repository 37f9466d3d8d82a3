import { useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'

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
