import { useEffect, useRef, useState } from 'react'

// A read-only field anyone can select and copy; with JavaScript a Copy button appears beside it.
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
	const input = useRef<HTMLInputElement>(null)
	const [canCopy, setCanCopy] = useState(false)
	const [copied, setCopied] = useState(false)
	useEffect(() => setCanCopy(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), [])
	async function copy() {
		input.current?.select()
		try {
			await navigator.clipboard.writeText(value)
			setCopied(true)
		} catch {
			// The field stays selected, so the person can still copy it by hand.
			setCopied(false)
		}
	}
	return (
		<div className="copy-box">
			<label className="visually-hidden" htmlFor={testId ?? 'copy-field'}>
				{label}
			</label>
			<input
				ref={input}
				id={testId ?? 'copy-field'}
				className="copy-box__input"
				readOnly
				value={value}
				data-testid={testId}
				onFocus={(e) => e.currentTarget.select()}
			/>
			{canCopy ? (
				<button type="button" className="button button--secondary button--small" onClick={copy}>
					{copied ? 'Copied' : 'Copy link'}
				</button>
			) : null}
			<span className="visually-hidden" role="status">
				{copied ? 'Link copied' : ''}
			</span>
		</div>
	)
}
