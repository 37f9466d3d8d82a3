// `npm run scenarios:play FILE`: plays a scenario in the terminal through the real engine,
// showing the meters and flags after every reply. Type the number of a reply; `q` quits.
// Plays files with warnings too (errors are listed and stop it). Input may be piped:
//   printf '1\n2\n1\n' | npm run -s scenarios:play scenarios/catch-up-bill.yaml
import fs from 'node:fs'
import readline from 'node:readline'
import { cueQuestion, turnLines } from '#app/domain/scenario/living.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { parseScenarioSource } from '#app/domain/scenario/parse.ts'
import {
	applyChoice,
	availableChoices,
	currentCue,
	currentTurn,
	endingOf,
	initialSnapshot,
} from '#app/domain/scenario/play.ts'
import { formatProblem } from '#app/domain/scenario/problems.ts'

const file = process.argv[2]
if (!file) {
	console.error('usage: npm run scenarios:play <file>')
	process.exit(2)
}
const { scenario, problems } = parseScenarioSource(fs.readFileSync(file, 'utf8'), file)
if (!scenario) {
	for (const p of problems) console.error(formatProblem(p))
	process.exit(1)
}
const machine = compileScenario(scenario)
let snapshot = initialSnapshot(machine)
const lines = readline.createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]()

const state = () => {
	const meters = Object.entries(snapshot.context.meters)
		.map(([k, v]) => `${scenario.meters[k]?.label ?? k} ${v}`)
		.join(' · ')
	const flags = Object.entries(snapshot.context.flags)
		.filter(([, v]) => v)
		.map(([k]) => k)
	return `[${meters}${flags.length ? ` · flags: ${flags.join(', ')}` : ''} · replies ${snapshot.context.path.length}/${scenario.maxReplies}]`
}

console.log(`${scenario.title}\n${scenario.persona.name} (${scenario.persona.style})\n`)
for (;;) {
	const ending = endingOf(scenario, snapshot)
	if (ending) {
		console.log(`\n■ ${ending.title} (${ending.outcome})\n${ending.debrief}\n${state()}`)
		break
	}
	const cue = currentCue(scenario, snapshot)
	const turn = currentTurn(scenario, snapshot)
	const lineNode = cue ? scenario.nodes[cue.to] : turn
	if (lineNode?.type !== 'turn') break
	// At a cue moment the line was not shown yet; after it, the turn's line was already shown.
	const lastStep = snapshot.context.path.at(-1)
	if (cue || scenario.nodes[lastStep?.node ?? '']?.type !== 'cue') {
		const lines = turnLines(scenario, lineNode, snapshot.context)
		if (lines.narration) console.log(`(${lines.narration})`)
		console.log(`${scenario.persona.name}: ${lines.says}`)
	}
	if (cue) console.log(`? ${cueQuestion(cue)}`)
	const choices = availableChoices(scenario, snapshot)
	choices.forEach((c, i) => console.log(`  ${i + 1}. ${c.text}  {${c.flex}}`))
	console.log(state())
	const next = await lines.next()
	if (next.done || next.value.trim() === 'q') break
	const choice = choices[Number(next.value.trim()) - 1]
	if (!choice) {
		console.log(`Type a number from 1 to ${choices.length}, or q to quit.`)
		continue
	}
	console.log(`You: ${choice.text}\n  why: ${choice.why}\n`)
	const result = applyChoice(machine, snapshot, choice.id)
	if (result.ok) snapshot = result.snapshot
}
process.exit(0)
