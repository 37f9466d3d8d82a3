import { action as assessmentAction } from '#app/routes/assessment._index.tsx'
import { action as takeAction, loader as takeLoader } from '#app/routes/assessment.take.tsx'
import { action as introAction } from '#app/routes/practice.$scenarioId.tsx'
import { action as playAction } from '#app/routes/play.$attemptId.tsx'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { compileScenario } from '#app/domain/scenario/compile.ts'
import { enumeratePaths } from '#app/domain/scenario/paths.ts'
import { formRequest, getRequest, settle, testContext } from '#tests/support/requests.ts'

// A learner's activity made through the real routes: the assessment taken to the end, and a
// role-play played to an ending (its decisions, debrief, skill scores and levels written).

type TakeData =
	| { kind: 'likert'; page: number; items: Array<{ id: string }> }
	| { kind: 'cues'; page: number; vignettes: Array<{ id: string }> }

export async function takeAssessment(cookie: string): Promise<string> {
	await settle(
		assessmentAction({
			request: formRequest('/assessment', { intent: 'start' }, { cookie }),
			params: {},
			context: testContext(),
		}),
	)
	for (let n = 0; n < 30; n++) {
		const page = (await (
			await settle(takeLoader({ request: getRequest('/assessment/take', cookie), params: {}, context: testContext() }))
		).json()) as TakeData
		const ids = page.kind === 'likert' ? page.items.map((i) => i.id) : page.vignettes.map((v) => v.id)
		const answers = Object.fromEntries(
			ids.map((id, i) => [id, page.kind === 'likert' ? String((i % 5) + 1) : 'director']),
		)
		const res = await settle(
			takeAction({
				request: formRequest('/assessment/take', { page: String(page.page), ...answers }, { cookie }),
				params: {},
				context: testContext(),
			}),
		)
		const location = res.headers.get('Location') ?? ''
		if (location.startsWith('/assessment/results/')) return location.split('/').pop()!
	}
	throw new Error('the assessment never finished')
}

export async function playToEnd(cookie: string, scenarioIndex = 0, pathIndex = 0): Promise<string> {
	const scenario = getScenarioLibrary().scenarios[scenarioIndex]!
	const started = await settle(
		introAction({
			request: formRequest(`/practice/${scenario.id}`, { intent: 'start' }, { cookie }),
			params: { scenarioId: scenario.id },
			context: testContext(),
		}),
	)
	const attemptId = started.headers.get('Location')!.split('/').pop()!
	const walk = enumeratePaths(scenario, compileScenario(scenario), 50)
	const steps = walk.paths[pathIndex % walk.paths.length]!.steps
	for (const [i, s] of steps.entries()) {
		const res = await settle(
			playAction({
				request: formRequest(`/play/${attemptId}`, { intent: 'choose', step: String(i), choice: s.choice }, { cookie }),
				params: { attemptId },
				context: testContext(),
			}),
		)
		if (res.status !== 302) throw new Error(`choice ${i} answered ${res.status}`)
	}
	return attemptId
}
