// Simulation study for the communication-style self-assessment (docs/assessment.md).
//   npm run bench:assessment [-- --respondents 20000 --seed 20250101 --json]
// Prints the measured figures and a PASS/FAIL per acceptance bar. Timing is printed for
// information only and never affects the exit code; a failed quality bar does (exit 1).
import { DEFAULT_NORMS } from '#app/domain/assessment/norms.ts'
import { SIMULATION_MODEL, runSimulation, simulationBars } from '#app/domain/assessment/simulation.ts'
import { AXES } from '#app/domain/style.ts'
import { runScenarioStudy } from './assessment-scenarios.ts'
import { reportFigures } from './report.ts'

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`)
	const raw = index >= 0 ? process.argv[index + 1] : undefined
	const value = raw === undefined ? fallback : Number(raw)
	if (!Number.isInteger(value) || value <= 0) {
		console.error(`--${name} must be a positive whole number`)
		process.exit(2)
	}
	return value
}

const respondents = option('respondents', 20_000)
const seed = option('seed', 20250101)

const started = performance.now()
const result = runSimulation({ respondents, seed })
const seconds = (performance.now() - started) / 1000

if (process.argv.includes('--json')) {
	console.log(JSON.stringify(result, null, 2))
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const f3 = (x: number) => x.toFixed(3)
const rows: [string, string][] = [
	['Instrument / norms', `${result.instrumentVersion} / ${result.normsId}`],
	['Respondents (attentive + straight-liners)', `${result.respondents} + ${result.straightLiners}`],
	['Seed', String(result.seed)],
	[
		'Model',
		`GRM, a ~ U(${SIMULATION_MODEL.discrimination.min}, ${SIMULATION_MODEL.discrimination.max}), acquiescence SD ${result.acquiescence.sd}`,
	],
	[
		"Cronbach's α (assertiveness / responsiveness)",
		`${f3(result.alpha.assertiveness)} / ${f3(result.alpha.responsiveness)}`,
	],
	[
		'r(z, true θ) (assertiveness / responsiveness)',
		`${f3(result.validity.assertiveness)} / ${f3(result.validity.responsiveness)}`,
	],
	['Quadrant accuracy, all', pct(result.quadrantAccuracy)],
	[`Quadrant accuracy, |θ| > .5 on both axes (n = ${result.clearRespondents})`, pct(result.quadrantAccuracyClear)],
	['Median dot-angle error, clear positions', `${result.medianAngleErrorClearDeg.toFixed(1)}°`],
	[
		'Retest: same quadrant / same report label',
		`${pct(result.retest.quadrantAgreement)} / ${pct(result.retest.placementAgreement)}`,
	],
	[
		'Retest r(z) (assertiveness / responsiveness)',
		`${f3(result.retest.correlation.assertiveness)} / ${f3(result.retest.correlation.responsiveness)}`,
	],
	[
		'Report labels: balanced / blend / style',
		`${pct(result.placementShares.balanced)} / ${pct(result.placementShares.blend)} / ${pct(result.placementShares.style)}`,
	],
	['Straight-liners flagged', pct(result.quality.straightLinerHitRate)],
	[
		'  by pattern: constant / stray 10% / per page',
		`${pct(result.quality.straightLinerHitRateByPattern.constant)} / ${pct(result.quality.straightLinerHitRateByPattern.stray)} / ${pct(result.quality.straightLinerHitRateByPattern['per-page'])}`,
	],
	['Attentive respondents flagged', pct(result.quality.attentiveFalseAlarmRate)],
	[
		'  by flag: longstring / speeding / inconsistent / failed check',
		(['longstring', 'speeding', 'inconsistent', 'failed_check'] as const)
			.map((k) => pct(result.quality.attentiveFalseAlarmsByKind[k]))
			.join(' / '),
	],
	['Acquiescent respondents flagged', pct(result.quality.acquiescentFalseAlarmRate)],
	[
		'Quadrant accuracy with acquiescence (drop)',
		`${pct(result.acquiescence.quadrantAccuracy)} (${(result.acquiescence.accuracyDrop * 100).toFixed(2)} points)`,
	],
]
if (result.derivedNorms) {
	for (const axis of AXES) {
		const d = result.derivedNorms.axes[axis]
		const n = DEFAULT_NORMS.axes[axis]
		rows.push([
			`Norms, ${axis}: SD / α / mean (default in code)`,
			`${f3(d.sd)} / ${f3(d.alpha)} / ${f3(d.observedMean)} (${f3(n.sd)} / ${f3(n.alpha)} / ${f3(n.observedMean)})`,
		])
	}
}

const width = Math.max(...rows.map(([label]) => label.length))
console.log('\nAssessment simulation study\n')
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`)

const bars = simulationBars(result)
const barWidth = Math.max(...bars.map((b) => b.label.length))
console.log('\nAcceptance bars\n')
for (const bar of bars) {
	const target = `${bar.direction === 'min' ? '≥' : '≤'} ${bar.target}`
	console.log(
		`${bar.pass ? 'PASS' : 'FAIL'}  ${bar.label.padEnd(barWidth)}  ${bar.value.toFixed(3).padStart(7)}  (${target})`,
	)
}
console.log(`\nRun time: ${seconds.toFixed(1)} s (information only)`)

const scenarioRespondents = Math.min(respondents, 10_000)
const scenarios = runScenarioStudy(scenarioRespondents, seed)
// One list for the summary table: the base study's bars, then the harder scenarios' and the adaptive form's.
reportFigures({ bars: [...bars, ...scenarios.bars] })

if (bars.some((b) => !b.pass) || !scenarios.pass) process.exitCode = 1
