import { STYLE_V1, type Instrument, type AxisItem } from '#app/domain/assessment/item-bank.ts'
import { runSimulation } from '#app/domain/assessment/simulation.ts'
import { DEFAULT_NORMS } from '#app/domain/assessment/norms.ts'
const pairs = Number(process.argv[2])
const axisItems = STYLE_V1.likertItems.filter((i): i is AxisItem => i.kind === 'axis')
const extra: AxisItem[] = []
for (let p = 9; p <= pairs; p++) for (const axis of ['assertiveness', 'responsiveness'] as const) {
  const pre = axis === 'assertiveness' ? 'as' : 're'
  extra.push({ id: `${pre}-${p}f`, kind: 'axis', axis, keying: 'forward', text: 'x' })
  extra.push({ id: `${pre}-${p}r`, kind: 'axis', axis, keying: 'reverse', antonymOf: `${pre}-${p}f`, text: 'x' })
}
const keep = axisItems.filter((i) => Number(i.id.slice(3, 5)) <= pairs)
const inst: Instrument = { ...STYLE_V1, likertItems: [...keep, ...extra, ...STYLE_V1.likertItems.filter((i) => i.kind !== 'axis')] }
const accs: number[] = []
for (let s = 1; s <= 12; s++) {
  const r = runSimulation({ respondents: 3000, seed: s * 7919, instrument: inst, norms: DEFAULT_NORMS })
  accs.push(r.quadrantAccuracy)
}
accs.sort()
console.log(pairs, accs.map((a) => a.toFixed(3)).join(' '), 'mean', (accs.reduce((a, b) => a + b) / accs.length).toFixed(3))
