import type { ScenarioMachine } from '#app/domain/scenario/compile.ts'
import type { PathStep } from '#app/domain/scenario/play-context.ts'
import { applyChoice, availableChoices, currentNodeId, endingOf, initialSnapshot } from '#app/domain/scenario/play.ts'
import type { Choice, EndingNode, FlexTag, Scenario } from '#app/domain/scenario/schema.ts'
import { cueQuestion, turnLines, type ShownVariants } from '#app/domain/scenario/living.ts'
import { skills, type Skill } from '#app/domain/practice/skills.ts'
import { STRESS_REACTIONS, type StressReaction } from '#app/domain/style.ts'

// Everything the debrief computes from one finished conversation, as pure functions of the
// scenario version and the recorded path: nothing here reads the database.

export type VisitedTurn = {
	/** 1-based decision number (the decisions table's step). */
	step: number
	nodeId: string
	/** A reply to the customer, or a cue moment (reading the line the customer is about to be answered on). */
	kind: 'turn' | 'cue'
	/** The customer's line as shown (the variant chosen when the node was entered). */
	says: string
	/** Which line variants were shown (absent for plain lines). */
	variant: ShownVariants
	/** The replies that were on offer (their `when` held), in authored order. */
	shown: Choice[]
	chosen: Choice
	metersBefore: Record<string, number>
	metersAfter: Record<string, number>
	/** The scenario's pressure meter was below its threshold when the learner replied. */
	underPressure: boolean
	/** What each shown reply would have done to the pressure meter (after clamping), by choice id. */
	pressureChange: Record<string, number>
	/** A fifth of the pressure meter's range: the change that doubles (or halves) de-escalation evidence. */
	pressureScale: number
	/** At a cue moment, its question. */
	question?: string
}

export type Replay = {
	turns: VisitedTurn[]
	/** Meter values at the start and after each decision (length = turns + 1). */
	meterSeries: Array<Record<string, number>>
	ending: (EndingNode & { id: string }) | undefined
}

export class ReplayError extends Error {}

/** Replays a recorded path through the compiled machine, noting what was on offer at each turn. */
export function replayPath(scenario: Scenario, machine: ScenarioMachine, path: readonly PathStep[]): Replay {
	let snapshot = initialSnapshot(machine)
	const turns: VisitedTurn[] = []
	const meterSeries = [{ ...snapshot.context.meters }]
	for (const [i, step] of path.entries()) {
		if (currentNodeId(snapshot) !== step.node) throw new ReplayError(`step ${i + 1} is not at "${step.node}"`)
		const shown = availableChoices(scenario, snapshot)
		const chosen = shown.find((c) => c.id === step.choice)
		const node = scenario.nodes[step.node]
		if (!chosen || (node?.type !== 'turn' && node?.type !== 'cue'))
			throw new ReplayError(`step ${i + 1}: "${step.choice}" was not on offer`)
		// A cue moment reads the line of the turn it leads to, in the same state.
		const lineNode = node.type === 'cue' ? scenario.nodes[node.to] : node
		const lines = lineNode?.type === 'turn' ? turnLines(scenario, lineNode, snapshot.context) : { says: '', shown: {} }
		const next = applyChoice(machine, snapshot, step.choice)
		if (!next.ok) throw new ReplayError(`step ${i + 1}: ${next.message}`)
		const before = snapshot.context.meters
		const pm = scenario.pressure.meter
		const spec = scenario.meters[pm]
		const pressureChange = Object.fromEntries(
			shown.map((c) => {
				const from = before[pm] ?? spec?.start ?? 0
				const delta = c.effects?.[pm] ?? 0
				const to = spec ? Math.min(spec.max, Math.max(spec.min, from + delta)) : from + delta
				return [c.id, to - from]
			}),
		)
		turns.push({
			step: i + 1,
			nodeId: step.node,
			kind: node.type,
			says: lines.says,
			variant: node.type === 'turn' ? lines.shown : {},
			shown,
			chosen,
			metersBefore: { ...before },
			metersAfter: { ...next.snapshot.context.meters },
			underPressure: (before[scenario.pressure.meter] ?? Infinity) < scenario.pressure.below,
			pressureChange,
			pressureScale: spec ? (spec.max - spec.min) / 5 : 20,
			question: node.type === 'cue' ? cueQuestion(node) : undefined,
		})
		snapshot = next.snapshot
		meterSeries.push({ ...snapshot.context.meters })
	}
	return { turns, meterSeries, ending: endingOf(scenario, snapshot) }
}

// ── Skill scores ─────────────────────────────────────────────────────────────

export type EvidenceSkill = Exclude<Skill, 'style_flex'>
export const EVIDENCE_SKILLS = skills.filter((s): s is EvidenceSkill => s !== 'style_flex')

export type SkillScore =
	| { skill: Skill; inPlay: true; chosen: number; best: number; score: number; steps: number[] }
	| { skill: Skill; inPlay: false }

const evidenceOf = (c: Choice, skill: Skill) => c.evidence?.[skill] ?? 0

/**
 * De-escalation evidence is weighed by what the reply did to the pressure meter: a calming reply
 * that really eased the pressure counts up to twice, one that made it worse counts as little as
 * half; an escalating reply that sent the meter down counts against up to twice. Other skills
 * count as authored.
 */
export function weightedEvidence(t: Pick<VisitedTurn, 'pressureChange' | 'pressureScale'>, c: Choice, skill: Skill) {
	const e = evidenceOf(c, skill)
	if (skill !== 'de_escalation' || e === 0) return e
	const change = t.pressureChange[c.id] ?? 0
	const weight = Math.min(2, Math.max(0.5, 1 + (Math.sign(e) * change) / t.pressureScale))
	return e * weight
}

/**
 * Per skill: the evidence of the chosen replies over the visited turns ÷ the sum of the best
 * evidence on offer at each of those turns, floored at 0. Choosing the best reply at every turn
 * scores 1 on any path. With no positive evidence on offer, the skill is "not in play".
 * `style_flex` is scored from flex tags: fit = 1, neutral = 0.5, miss = 0, against 1 per turn.
 */
export function skillScores(turns: readonly VisitedTurn[]): SkillScore[] {
	const out: SkillScore[] = []
	for (const skill of EVIDENCE_SKILLS) {
		let chosen = 0
		let best = 0
		let anyPositive = false
		const steps: number[] = []
		for (const t of turns) {
			const top = Math.max(...t.shown.map((c) => weightedEvidence(t, c, skill)))
			if (top > 0) anyPositive = true
			if (t.shown.some((c) => evidenceOf(c, skill) !== 0)) steps.push(t.step)
			best += top
			chosen += weightedEvidence(t, t.chosen, skill)
		}
		if (!anyPositive || best <= 0) out.push({ skill, inPlay: false })
		else out.push({ skill, inPlay: true, chosen, best, score: Math.max(0, chosen / best), steps })
	}
	const flex = flexSummary(turns)
	if (flex.turns > 0) {
		out.push({
			skill: 'style_flex',
			inPlay: true,
			chosen: flex.points,
			best: flex.turns,
			score: flex.points / flex.turns,
			steps: turns.filter((t) => t.kind === 'turn').map((t) => t.step),
		})
	} else out.push({ skill: 'style_flex', inPlay: false })
	return out
}

export const FLEX_POINTS: Record<FlexTag, number> = { fit: 1, neutral: 0.5, miss: 0 }

export type FlexSummary = {
	turns: number
	fit: number
	neutral: number
	miss: number
	points: number
	rate: number | null
}

/** The style-flex rate: the share of replies that fit what this customer's style needs. */
export function flexSummary(allTurns: readonly VisitedTurn[]): FlexSummary {
	// Flex is about replies; a cue moment's reading is scored as cue_reading instead.
	const turns = allTurns.filter((t) => t.kind === 'turn')
	const count = (tag: FlexTag) => turns.filter((t) => t.chosen.flex === tag).length
	const fit = count('fit')
	const points = turns.reduce((s, t) => s + FLEX_POINTS[t.chosen.flex], 0)
	return {
		turns: turns.length,
		fit,
		neutral: count('neutral'),
		miss: count('miss'),
		points,
		rate: turns.length ? fit / turns.length : null,
	}
}

// ── Stress-tagged replies, counted against opportunity ───────────────────────

export type StressCount = { offered: number; chosen: number; chosenUnderPressure: number; steps: number[] }

export function stressCounts(turns: readonly VisitedTurn[]): Record<StressReaction, StressCount> {
	const out = Object.fromEntries(
		STRESS_REACTIONS.map((r) => [r, { offered: 0, chosen: 0, chosenUnderPressure: 0, steps: [] as number[] }]),
	) as Record<StressReaction, StressCount>
	for (const t of turns) {
		for (const r of STRESS_REACTIONS) {
			if (!t.shown.some((c) => c.stress === r)) continue
			out[r].offered++
			if (t.chosen.stress === r) {
				out[r].chosen++
				if (t.underPressure) out[r].chosenUnderPressure++
				out[r].steps.push(t.step)
			}
		}
	}
	return out
}

// ── Decisions revisited ──────────────────────────────────────────────────────

/** How good a reply is, for "a better reply": its total evidence plus its flex fit. */
export function replyQuality(c: Choice): number {
	const evidence = Object.values(c.evidence ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0)
	return evidence + (c.flex === 'fit' ? 1 : c.flex === 'miss' ? -1 : 0)
}

/** The best reply among those shown (first in authored order on a tie). */
export function bestReply(shown: readonly Choice[]): Choice | undefined {
	let best: Choice | undefined
	for (const c of shown) if (!best || replyQuality(c) > replyQuality(best)) best = c
	return best
}

export type RevisitedDecision = {
	step: number
	nodeId: string
	/** 'cue': a cue moment; `chosen` is the reading given and `better` the right one (null when right). */
	kind?: 'turn' | 'cue'
	question?: string
	says: string
	chosen: { id: string; text: string; why: string; flex: FlexTag; stress: StressReaction | null }
	better: { id: string; text: string; why: string } | null
	underPressure: boolean
}

export function revisitDecisions(turns: readonly VisitedTurn[]): RevisitedDecision[] {
	return turns.map((t) => {
		const best = bestReply(t.shown)
		const better = best && replyQuality(best) > replyQuality(t.chosen) ? best : null
		return {
			step: t.step,
			nodeId: t.nodeId,
			kind: t.kind,
			...(t.question ? { question: t.question } : {}),
			says: t.says,
			chosen: {
				id: t.chosen.id,
				text: t.chosen.text,
				why: t.chosen.why,
				flex: t.chosen.flex,
				stress: t.chosen.stress ?? null,
			},
			better: better ? { id: better.id, text: better.text, why: better.why } : null,
			underPressure: t.underPressure,
		}
	})
}
