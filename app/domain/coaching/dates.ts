// Calendar dates for due dates (DESIGN §7): a due date is a 'YYYY-MM-DD' date in the organisation's
// time zone, and an item is overdue once today's date there is AFTER it and the item is not done.

export type CalendarDate = string

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date written as YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
	const m = DATE.exec(value)
	if (!m) return false
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
	const date = new Date(Date.UTC(y, mo - 1, d))
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** An IANA zone name this runtime knows ('Europe/Berlin', 'UTC'); abbreviations like 'CET' are refused. */
export function isTimeZone(name: string): boolean {
	if (name.length === 0 || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false
	if (name === 'UTC') return true
	try {
		new Intl.DateTimeFormat('en-GB', { timeZone: name })
	} catch {
		return false
	}
	// Intl also accepts abbreviations ('EST'); keep to the listed zones and Area/Location aliases.
	return timeZones().includes(name) || name.includes('/')
}

let zones: string[] | undefined
/** The zone names offered in the setting's picker. */
export function timeZones(): string[] {
	zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]
	return zones
}

/** Today's calendar date in a zone at the instant `now`. */
export function todayInZone(now: Date, timeZone: string): CalendarDate {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(now)
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
	return `${get('year')}-${get('month')}-${get('day')}`
}

/** Overdue: not done, has a due date, and today (in the zone) is after it. Due today is not overdue. */
export function isOverdue(item: { dueOn: CalendarDate | null; done: boolean }, now: Date, timeZone: string): boolean {
	if (item.done || !item.dueOn) return false
	return todayInZone(now, timeZone) > item.dueOn
}

/** A calendar date n days after another (calendar arithmetic: no time zone, no DST). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
	const m = DATE.exec(date)
	if (!m) throw new Error(`not a calendar date: ${date}`)
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days))
	return d.toISOString().slice(0, 10)
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
	const at = (s: CalendarDate) => Date.parse(`${s}T00:00:00Z`)
	return Math.round((at(to) - at(from)) / 86_400_000)
}

/** "due today", "due in 3 days", "2 days overdue": the to-do list's words. */
export function dueWords(dueOn: CalendarDate, today: CalendarDate, done: boolean): string {
	const days = daysBetween(today, dueOn)
	if (done) return `was due ${dueOn}`
	if (days === 0) return 'due today'
	if (days === 1) return 'due tomorrow'
	if (days > 1) return `due in ${days} days (${dueOn})`
	return `${-days} day${days === -1 ? '' : 's'} overdue (due ${dueOn})`
}
