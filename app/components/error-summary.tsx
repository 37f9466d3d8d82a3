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
