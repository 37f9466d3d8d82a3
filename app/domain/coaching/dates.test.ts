import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, dueWords, isCalendarDate, isOverdue, isTimeZone, todayInZone } from './dates.ts'

describe('todayInZone', () => {
	it('is the calendar date in the zone, not in UTC, around midnight', () => {
		const instant = new Date('2026-03-10T23:30:00Z')
		expect(todayInZone(instant, 'UTC')).toBe('2026-03-10')
		expect(todayInZone(instant, 'Europe/Berlin')).toBe('2026-03-11')
		expect(todayInZone(instant, 'America/Los_Angeles')).toBe('2026-03-10')
		expect(todayInZone(new Date('2026-03-11T07:59:00Z'), 'America/Los_Angeles')).toBe('2026-03-11')
		expect(todayInZone(new Date('2026-03-11T06:59:00Z'), 'America/Los_Angeles')).toBe('2026-03-10')
	})
	it('follows daylight saving changes', () => {
		// US DST starts 2026-03-08 at 02:00 local: the offset goes from −8 to −7.
		expect(todayInZone(new Date('2026-03-08T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-07')
		expect(todayInZone(new Date('2026-03-08T08:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-08')
		expect(todayInZone(new Date('2026-03-09T06:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-08')
		expect(todayInZone(new Date('2026-03-09T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-09')
		// EU DST ends 2026-10-25: Berlin midnight is 22:00Z before and 23:00Z after.
		expect(todayInZone(new Date('2026-10-24T22:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25')
		expect(todayInZone(new Date('2026-10-25T22:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25')
		expect(todayInZone(new Date('2026-10-25T23:00:00Z'), 'Europe/Berlin')).toBe('2026-10-26')
	})
	it('handles zones far from UTC', () => {
		expect(todayInZone(new Date('2026-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2027-01-01')
		expect(todayInZone(new Date('2026-01-01T10:00:00Z'), 'Pacific/Pago_Pago')).toBe('2025-12-31')
	})
})

describe('isOverdue', () => {
	const dueOn = '2026-03-10'
	it('is not overdue on the due date itself, until midnight in the zone', () => {
		expect(isOverdue({ dueOn, done: false }, new Date('2026-03-10T22:59:00Z'), 'Europe/Berlin')).toBe(false)
		expect(isOverdue({ dueOn, done: false }, new Date('2026-03-10T23:00:00Z'), 'Europe/Berlin')).toBe(true)
		expect(isOverdue({ dueOn, done: false }, new Date('2026-03-11T06:59:00Z'), 'America/Los_Angeles')).toBe(false)
		expect(isOverdue({ dueOn, done: false }, new Date('2026-03-11T07:00:00Z'), 'UTC')).toBe(true)
	})
	it('is never overdue when done or without a due date', () => {
		const later = new Date('2027-01-01T00:00:00Z')
		expect(isOverdue({ dueOn, done: true }, later, 'UTC')).toBe(false)
		expect(isOverdue({ dueOn: null, done: false }, later, 'UTC')).toBe(false)
	})
})

describe('calendar arithmetic and validation', () => {
	it('adds days across month ends, leap days and DST without drifting', () => {
		expect(addDays('2026-03-07', 1)).toBe('2026-03-08')
		expect(addDays('2026-03-08', 1)).toBe('2026-03-09')
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
		expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31)
		expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2)
	})
	it('accepts real dates only', () => {
		expect(isCalendarDate('2026-02-28')).toBe(true)
		expect(isCalendarDate('2026-02-30')).toBe(false)
		expect(isCalendarDate('2026-2-3')).toBe(false)
		expect(isCalendarDate('yesterday')).toBe(false)
	})
	it('accepts IANA zone names and refuses others', () => {
		expect(isTimeZone('UTC')).toBe(true)
		expect(isTimeZone('Europe/Berlin')).toBe(true)
		expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true)
		expect(isTimeZone('Mars/Olympus_Mons')).toBe(false)
		expect(isTimeZone('')).toBe(false)
		expect(isTimeZone('+02:00')).toBe(false)
		expect(isTimeZone('Europe/Berlin; drop table')).toBe(false)
	})
	it('words the due date', () => {
		expect(dueWords('2026-03-10', '2026-03-10', false)).toBe('due today')
		expect(dueWords('2026-03-11', '2026-03-10', false)).toBe('due tomorrow')
		expect(dueWords('2026-03-08', '2026-03-10', false)).toBe('2 days overdue (due 2026-03-08)')
	})
})
