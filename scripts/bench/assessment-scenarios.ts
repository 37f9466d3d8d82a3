// The harder simulation study (issue 16): every scenario, every figure, and the bars on the
// combined scenario. Called by bench:assessment after the base study.
import { SCENARIOS, runScenario, scenarioBars, type ScenarioResult } from '#app/domain/assessment/scenarios.ts'
import { STRESS_REACTIONS } from '#app/domain/style.ts'

export function runScenarioStudy(respondents: number, seed: number): boolean {
	const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—')
	const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—')
	const results: ScenarioResult[] = []
	console.log(`\nHarder scenarios (${respondents} respondents each, seed ${seed})\n`)
	for (const scenario of SCENARIOS) {
		const started = performance.now()
		const r = runScenario({ id: scenario.id, model: scenario.model, respondents, seed })
		results.push(r)
		console.log(`■ ${scenario.label}  [${((performance.now() - started) / 1000).toFixed(1)} s]`)
		const rows: [string, string][] = [
			['α assertiveness / responsiveness', `${f2(r.alpha.assertiveness)} / ${f2(r.alpha.responsiveness)}`],
			['Stress α ' + STRESS_REACTIONS.join(' / '), STRESS_REACTIONS.map((s) => f2(r.stressAlpha[s])).join(' / ')],
			['Quadrant accuracy: all / unflagged', `${pct(r.quadrant.all)} / ${pct(r.quadrant.unflagged)}`],
			[
				`Clear-of-centre accuracy (n = ${r.clear.n}): all / unflagged`,
				`${pct(r.clear.all)} / ${pct(r.clear.unflagged)}`,
			],
			[
				`Flagged: random responders (n = ${r.randomResponders}) / attentive`,
				`${pct(r.flagged.random)} / ${pct(r.flagged.attentive)}`,
			],
			['People side (truth 50%) / headlined as one style', `${pct(r.peopleSide)} / ${pct(r.singleStyle)}`],
			['Retest: same quadrant / same placement', `${pct(r.retest.sameQuadrant)} / ${pct(r.retest.sameLabel)}`],
			[
				'Retest: same headline with strength, before / after the region hedge',
				`${pct(r.retest.sameHeadlineBefore)} / ${pct(r.retest.sameHeadlineAfter)}`,
			],
			[
				'Retest dots inside the region / SE multiple for 85%',
				`${pct(r.retest.regionCoverage)} / ${f2(r.retest.radiusFor85)}`,
			],
			['Retest: same stress level (per reaction)', pct(r.retest.stressLevelAgreement)],
		]
		const width = Math.max(...rows.map(([l]) => l.length))
		for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
	}
	const combined = results.find((r) => r.id === 'combined') as ScenarioResult
	const base = results.find((r) => r.id === 'base') as ScenarioResult
	const bars = scenarioBars(combined, base)
	console.log('\nIssue 16 bars\n')
	const width = Math.max(...bars.map((b) => b.label.length))
	for (const b of bars) {
		console.log(
			`${b.pass ? 'PASS' : 'FAIL'}  ${b.label.padEnd(width)}  ${b.value.toFixed(3).padStart(7)}  (${b.direction === 'min' ? '≥' : '≤'} ${b.target})`,
		)
	}
	return bars.every((b) => b.pass)
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const i = process.argv.indexOf('--respondents')
	const n = i >= 0 ? Number(process.argv[i + 1]) : 20_000
	runScenarioStudy(n, 20250101)
}
