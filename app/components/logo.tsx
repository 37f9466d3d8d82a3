export function LogoMark({ className }: { className?: string }) {
	return (
		<svg className={className} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
			<circle cx="16" cy="16" r="14" fill="#e8f0f8" stroke="#2f5d8a" strokeWidth="2" />
			<line x1="16" y1="4" x2="16" y2="28" stroke="#2f5d8a" strokeWidth="1.2" opacity="0.5" />
			<line x1="4" y1="16" x2="28" y2="16" stroke="#2f5d8a" strokeWidth="1.2" opacity="0.5" />
			<circle cx="21" cy="11" r="3.6" fill="#c2703d" />
		</svg>
	)
}
