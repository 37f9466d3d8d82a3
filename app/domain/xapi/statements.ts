import type { XapiStatement } from '#app/domain/xapi/statement-schema.ts'

// xAPI 1.0.3 statements for one role-play attempt: one `answered` per decision and one
// `completed` for the ending. The actor is the membership's opaque actor id (no e-mail, no name);
// activity and extension IRIs sit under the installation's PUBLIC_URL. Ids come from `statementId`
// (a name-based UUID of attempt + step), so exporting twice gives the same statements.

export const VERB_ANSWERED = { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } }
export const VERB_COMPLETED = { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } }

export type AttemptForXapi = {
	id: string
	scenarioSlug: string
	scenarioTitle: string
	actorId: string
	decisions: Array<{
		step: number
		nodeId: string
		choiceId: string
		metersAfter: Record<string, number>
		msTaken: number
		createdAt: string
	}>
	ending: { outcome: string; createdAt: string; skills: Record<string, number> } | null
}

export function xapiIris(publicUrl: string) {
	const base = publicUrl.replace(/\/+$/, '')
	const seg = encodeURIComponent
	return {
		base,
		scenario: (slug: string) => `${base}/xapi/activities/scenarios/${seg(slug)}`,
		turn: (slug: string, nodeId: string) => `${base}/xapi/activities/scenarios/${seg(slug)}/turns/${seg(nodeId)}`,
		meters: `${base}/xapi/extensions/meters`,
		skills: `${base}/xapi/extensions/skill-scores`,
		outcome: `${base}/xapi/extensions/outcome`,
		step: `${base}/xapi/extensions/step`,
	}
}

function duration(ms: number): string {
	return `PT${(Math.max(0, ms) / 1000).toFixed(2)}S`
}

export function attemptStatements(
	attempt: AttemptForXapi,
	publicUrl: string,
	statementId: (name: string) => string,
): XapiStatement[] {
	const iri = xapiIris(publicUrl)
	const actor = { objectType: 'Agent' as const, account: { homePage: iri.base, name: attempt.actorId } }
	const scenario = {
		objectType: 'Activity' as const,
		id: iri.scenario(attempt.scenarioSlug),
		definition: {
			name: { en: attempt.scenarioTitle },
			type: 'http://adlnet.gov/expapi/activities/simulation',
		},
	}
	const context = {
		registration: attempt.id,
		contextActivities: { parent: [{ id: scenario.id, objectType: 'Activity' as const }] },
	}
	const statements: XapiStatement[] = attempt.decisions.map((d) => ({
		id: statementId(`${attempt.id}:${d.step}`),
		actor,
		verb: VERB_ANSWERED,
		object: {
			objectType: 'Activity',
			id: iri.turn(attempt.scenarioSlug, d.nodeId),
			definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' },
		},
		result: {
			response: d.choiceId,
			duration: duration(d.msTaken),
			extensions: { [iri.meters]: d.metersAfter, [iri.step]: d.step },
		},
		context,
		timestamp: d.createdAt,
	}))
	if (attempt.ending) {
		statements.push({
			id: statementId(`${attempt.id}:end`),
			actor,
			verb: VERB_COMPLETED,
			object: scenario,
			result: {
				completion: true,
				extensions: {
					[iri.outcome]: attempt.ending.outcome,
					[iri.meters]: attempt.decisions.at(-1)?.metersAfter ?? {},
					[iri.skills]: attempt.ending.skills,
				},
			},
			context: { registration: attempt.id },
			timestamp: attempt.ending.createdAt,
		})
	}
	return statements
}
