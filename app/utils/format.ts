const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'UTC',
	timeZoneName: 'short',
})

// Fixed locale and UTC so server and browser render identical text (no hydration mismatch).
export function formatDate(value: string | Date): string {
	return dateFormat.format(new Date(value))
}

export function formatDateTime(value: string | Date): string {
	return dateTimeFormat.format(new Date(value))
}
