import fs from 'node:fs'

// A benchmark prints its figures for people; when `npm run bench` runs it, it also hands them
// over as JSON (the file named by BENCH_JSON_FILE) for the one summary table.
export function reportFigures(figures: Record<string, unknown>): void {
	const file = process.env.BENCH_JSON_FILE
	if (file) fs.writeFileSync(file, JSON.stringify(figures))
}
