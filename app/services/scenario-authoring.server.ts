import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js'
import { getScenarioLibrary } from '#app/data/scenario-library.server.ts'
import { scenarioCoverage, type Coverage } from '#app/domain/scenario/coverage.ts'
import {
	nodeSubtitle,
	scenarioMapGraph,
	scenarioOutline,
	type MapGraph,
	type MapLayout,
	type OutlineItem,
} from '#app/domain/scenario/map.ts'
import { idFromFileName } from '#app/domain/scenario/parse.ts'
import { formatProblem, type Problem } from '#app/domain/scenario/problems.ts'
import type { Scenario } from '#app/domain/scenario/schema.ts'
import { fail, ok, type ServiceResult } from '#app/services/result.ts'

// What a tenant admin sees of one library file (issue 11, items 8 and 9): its map, laid out by
// elkjs here on the server (never in a client bundle), its text outline, its path coverage, and
// the checker's problems. A published version is immutable, so map and coverage are computed
// once per content hash and kept for the process's life (ADR 0007).

// Sizes for the map's fonts (components/scenario-map.tsx draws node ids at 14 px bold, details and
// edge labels at 12 px). Widths are generous upper bounds, so boxes never cut their text.
const NODE_CHAR = 8.6
const NODE_HEIGHT = 46
const LABEL_CHAR = 7.2
const LABEL_HEIGHT = 18
const LABEL_MAX_CHARS = 36

export const shortLabel = (text: string) =>
	text.length > LABEL_MAX_CHARS ? `${text.slice(0, LABEL_MAX_CHARS - 1).trimEnd()}…` : text

export async function layoutScenarioMap(graph: MapGraph): Promise<MapLayout> {
	const elk = new ELK()
	const input: ElkNode = {
		id: 'root',
		layoutOptions: {
			'elk.algorithm': 'layered',
			'elk.direction': 'DOWN',
			'elk.edgeRouting': 'ORTHOGONAL',
			'elk.layered.spacing.nodeNodeBetweenLayers': '36',
			'elk.spacing.nodeNode': '28',
			'elk.spacing.edgeNode': '16',
			'elk.spacing.edgeEdge': '12',
			'elk.spacing.edgeLabel': '4',
			'elk.layered.spacing.edgeNodeBetweenLayers': '16',
			'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
			'elk.edgeLabels.inline': 'false',
			'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
			'elk.padding': '[top=16,left=16,bottom=16,right=16]',
		},
		children: graph.nodes.map((n) => ({
			id: n.id,
			width: Math.max(150, Math.ceil(Math.max(n.id.length * NODE_CHAR, nodeSubtitle(n).length * LABEL_CHAR)) + 28),
			height: NODE_HEIGHT,
		})),
		edges: graph.edges.map((e) => {
			const text = shortLabel(e.label)
			return {
				id: e.id,
				sources: [e.from],
				targets: [e.to],
				labels: [
					{
						text,
						width: Math.ceil(text.length * LABEL_CHAR) + 10,
						height: LABEL_HEIGHT,
						layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' },
					},
				],
			}
		}),
	}
	const laid = await elk.layout(input)
	const byId = new Map((laid.children ?? []).map((c) => [c.id, c]))
	const edgesById = new Map((laid.edges ?? []).map((e) => [e.id, e]))
	return {
		width: Math.ceil(laid.width ?? 0),
		height: Math.ceil(laid.height ?? 0),
		nodes: graph.nodes.map((n) => {
			const c = byId.get(n.id)
			return { ...n, x: c?.x ?? 0, y: c?.y ?? 0, width: c?.width ?? 0, height: c?.height ?? 0 }
		}),
		edges: graph.edges.map((e) => {
			const laidEdge = edgesById.get(e.id)
			const section = laidEdge?.sections?.[0]
			const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : []
			const label = laidEdge?.labels?.[0]
			return {
				...e,
				points: points.map((p) => ({ x: p.x, y: p.y })),
				labelBox:
					label && label.x !== undefined && label.y !== undefined
						? {
								x: label.x,
								y: label.y,
								width: label.width ?? 0,
								height: label.height ?? 0,
								text: label.text ?? '',
							}
						: undefined,
			}
		}),
	}
}

type Analysis = { layout: MapLayout; coverage: Coverage; outline: OutlineItem[] }

// A version never changes, so its analysis is kept for the process's life.
const analyses = new Map<string, Promise<Analysis>>()

function analyse(scenario: Scenario, hash: string, problems: readonly Problem[]): Promise<Analysis> {
	// The same version can be published again with other warnings (a newer checker): key on both.
	const key = `${hash}\n${problems.map((p) => p.path).join('\n')}`
	let hit = analyses.get(key)
	if (!hit) {
		hit = (async () => ({
			layout: await layoutScenarioMap(scenarioMapGraph(scenario, problems)),
			coverage: scenarioCoverage(scenario),
			outline: scenarioOutline(scenario, problems),
		}))()
		// A failure is not kept: the next request tries again.
		hit.catch(() => analyses.delete(key))
		analyses.set(key, hit)
	}
	return hit
}

export type ScenarioDetail = {
	id: string
	file: string
	title: string
	version: string | null
	maxReplies: number | null
	// The file as published is broken; an older valid version (if any) is what learners still get.
	broken: boolean
	problems: string[]
	analysis: Analysis | null
}

// Looks a scenario up by its id (or a broken file by the id its name implies) in the published library.
export async function scenarioDetail(id: string): Promise<ServiceResult<ScenarioDetail>> {
	const library = getScenarioLibrary()
	const scenario = library.scenarios.find((s) => s.id === id)
	const broken = library.broken.find((b) => idFromFileName(b.file) === id)
	if (!scenario && !broken) return fail.notFound('There is no such scenario in the library.')
	const problems = broken ? broken.problems : (scenario?.warnings ?? [])
	return ok({
		id,
		file: scenario?.file ?? broken?.file ?? '',
		title: scenario?.title ?? id,
		version: scenario ? scenario.contentHash.slice(0, 10) : null,
		maxReplies: scenario?.maxReplies ?? null,
		broken: Boolean(broken),
		problems: problems.map(formatProblem),
		// A broken file's problems point into the new text, not the older version drawn: pin none.
		analysis: scenario ? await analyse(scenario, scenario.contentHash, broken ? [] : scenario.warnings) : null,
	})
}
