import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '#app/domain/exports/csv.ts'

describe('csvCell', () => {
	it('neutralises cells a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
		expect(csvCell('+1+1')).toBe("'+1+1")
		expect(csvCell('-2')).toBe("'-2")
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
		expect(csvCell('\tcmd')).toBe("'\tcmd")
	})
	it('quotes separators, quotes and line breaks, and leaves numbers and plain text alone', () => {
		expect(csvCell('Doe, Jane')).toBe('"Doe, Jane"')
		expect(csvCell('say "hi"')).toBe('"say ""hi"""')
		expect(csvCell('two\nlines')).toBe('"two\nlines"')
		expect(csvCell(-0.5)).toBe('-0.5')
		expect(csvCell('Ada')).toBe('Ada')
		expect(csvCell(null)).toBe('')
	})
	it('joins rows with CRLF', () => {
		expect(toCsv(['a', 'b'], [[1, '=x']])).toBe("a,b\r\n1,'=x\r\n")
	})
})
