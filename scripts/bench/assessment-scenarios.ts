// The harder simulation study (issue 16): every scenario, every figure, and the bars on the
// combined scenario. Called by bench:assessment after the base study.
import { ADAPTIVE_RULE } from '#app/domain/assessment/adaptive.ts'
import {
	SCENARIOS,
	adaptiveBars,
	compareForms,
	runScenario,
	scenarioBars,
	type ScenarioBar,
	type ScenarioResult,
} from '#app/domain/assessment/scenarios.ts'
import { AXES, STRESS_REACTIONS } from '#app/domain/style.ts'

export function runScenarioStudy(respondents: number, seed: number): { pass: boolean; bars: ScenarioBar[] } {
	const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—')
	const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—')
	const results: ScenarioResult[] = []
	const adaptive: ScenarioResult[] = []
	console.log(`\nHarder scenarios (${respondents} respondents each, seed ${seed})\n`)
	// Every scenario on the full form; the base and combined ones on the adaptive short form too.
	const runs = [
		...SCENARIOS.map((s) => ({ ...s, form: 'full' as const })),
		...SCENARIOS.filter((s) => s.id === 'base' || s.id === 'combined').map((s) => ({
			...s,
			form: 'adaptive' as const,
		})),
	]
	for (const scenario of runs) {
		const started = performance.now()
		const r = runScenario({ id: scenario.id, model: scenario.model, respondents, seed, form: scenario.form })
		;(scenario.form === 'full' ? results : adaptive).push(r)
		const formLabel = scenario.form === 'adaptive' ? 'ADAPTIVE SHORT FORM · ' : ''
		console.log(`■ ${formLabel}${scenario.label}  [${((performance.now() - started) / 1000).toFixed(1)} s]`)
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
			[
				`Axis statements asked (of ${r.axisItems.total}): mean / median`,
				`${r.axisItems.mean.toFixed(1)} / ${r.axisItems.median}`,
			],
			["Median length at the project's timings (5 s a statement, 12 s a scene)", `${r.medianMinutes.toFixed(1)} min`],
		]
		const width = Math.max(...rows.map(([l]) => l.length))
		for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
	}
	const combined = results.find((r) => r.id === 'combined') as ScenarioResult
	const base = results.find((r) => r.id === 'base') as ScenarioResult
	const adaptiveCombined = adaptive.find((r) => r.id === 'combined') as ScenarioResult
	console.log(
		`\nAdaptive rule: stop an axis once ≥ ${ADAPTIVE_RULE.minPairs} applicable pairs are complete and the midpoint lies outside z ± ${ADAPTIVE_RULE.stopZ} SE, ` +
			`while ≤ ${ADAPTIVE_RULE.maxContradictoryShare * 100}% of its pairs contradict and the random-responding index so far is ≤ ${ADAPTIVE_RULE.randomIndexGate}`,
	)

	// Norms: both forms on the same simulated people giving the same answers, both in the full form's unit.
	console.log('\nFull vs adaptive form on the same people (attentive only, full-form unit)\n')
	for (const id of ['base', 'combined']) {
		const scenario = SCENARIOS.find((s) => s.id === id)
		if (!scenario) continue
		const c = compareForms({ id, model: scenario.model, respondents, seed })
		const cells = AXES.map((axis) => {
			const a = c.axes[axis]
			return `${axis}: mean ${a.meanFull.toFixed(3)} vs ${a.meanAdaptive.toFixed(3)}, SD ${a.sdFull.toFixed(3)} vs ${a.sdAdaptive.toFixed(3)} (×${(a.sdAdaptive / a.sdFull).toFixed(3)}), r ${a.r.toFixed(3)}`
		})
		console.log(`  ${id.padEnd(9)} ${cells.join('; ')}; same quadrant ${pct(c.sameQuadrant)}`)
	}
	console.log(
		'  Criterion for sharing norms: |Δ mean| ≤ 0.05 and SD ratio within 0.95–1.05 on both axes, base and combined.',
	)

	const bars = [...scenarioBars(combined, base), ...adaptiveBars(adaptiveCombined)]
	console.log('\nIssue 16 bars\n')
	const width = Math.max(...bars.map((b) => b.label.length))
	for (const b of bars) {
		console.log(
			`${b.pass ? 'PASS' : 'FAIL'}  ${b.label.padEnd(width)}  ${b.value.toFixed(3).padStart(7)}  (${b.direction === 'min' ? '≥' : '≤'} ${b.target})`,
		)
	}
	return { pass: bars.every((b) => b.pass), bars }
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const i = process.argv.indexOf('--respondents')
	const n = i >= 0 ? Number(process.argv[i + 1]) : 20_000
	runScenarioStudy(n, 20250101)
}
