import { runSimulation, simulationBars } from '#app/domain/assessment/simulation.ts'
const n = Number(process.argv[2] ?? 3000)
const t = performance.now()
const r = runSimulation({ respondents: n, seed: Number(process.argv[3] ?? 1) })
console.log(JSON.stringify(r, null, 1))
for (const b of simulationBars(r)) console.log(b.pass ? 'PASS' : 'FAIL', b.label, b.value.toFixed(4))
console.log('ms', performance.now() - t)
