// CSV for spreadsheets (RFC 4180), safe against formula injection: a cell that a spreadsheet
// would read as a formula (= + - @, or a leading tab or carriage return) is prefixed with a
// single quote, as OWASP recommends, so a learner's name can never run as a formula.
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return ''
	let text = String(value)
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
