import { LEVEL_WEIGHT } from '#app/domain/feedback/skill-levels.ts'

// The coach dashboard's judgements, pure: the trend of a coach-visible skill level and who needs
// attention, with the reason (issue 13). Scores are for coaching conversations, never for evaluating people.

export const ATTENTION_DROP = 10
export const TREND_WINDOW = 3
export const QUIET_DAYS = 14
/** The team map shows dots only when at least this many members share theirs (DESIGN §4). */
export const TEAM_MAP_MINIMUM = 3

/**
 * The level as it was before the last `steps` scores, backed out of the current EWMA level
 * (levelₙ₋₁ = (levelₙ − α·scoreₙ) / (1 − α)); so a trend needs only the latest few scores, never the
 * whole history. With no earlier level (the window reaches the first attempt), the first level is the
 * oldest score itself. null when there is nothing to compare.
 */
export function levelBefore(
	current: { level: number; attempts: number },
	latestScoresNewestFirst: readonly number[],
	steps = TREND_WINDOW,
): number | null {
	if (current.attempts < 2) return null
	const n = Math.min(steps, current.attempts - 1, latestScoresNewestFirst.length)
	if (n < 1) return null
	let level = current.level
	for (let i = 0; i < n; i++) level = (level - LEVEL_WEIGHT * latestScoresNewestFirst[i]!) / (1 - LEVEL_WEIGHT)
	return level
}

export type Trend = { change: number; direction: 'up' | 'down' | 'flat' }

export function trendOf(current: { level: number; attempts: number }, latestScoresNewestFirst: readonly number[]) {
	const before = levelBefore(current, latestScoresNewestFirst)
	if (before === null) return null
	const change = Math.round(current.level - before)
	return { change, direction: change >= 3 ? 'up' : change <= -3 ? 'down' : 'flat' } satisfies Trend
}

export type AttentionInput = {
	trends: Array<{ skill: string; label: string; trend: Trend | null }>
	overdue: number
	lastActivity: Date | null
	inTeamSince: Date
}

/** Why a learner needs attention: a skill that fell ≥10 points over the last 3 visible attempts, overdue work, or quiet for 14 days. */
export function attentionReasons(input: AttentionInput, now: Date): string[] {
	const reasons: string[] = []
	for (const t of input.trends) {
		if (t.trend && t.trend.change <= -ATTENTION_DROP) {
			reasons.push(`${t.label} fell ${-t.trend.change} points over the last ${TREND_WINDOW} shared attempts`)
		}
	}
	if (input.overdue > 0) reasons.push(`${input.overdue} overdue assignment${input.overdue === 1 ? '' : 's'}`)
	const since = input.lastActivity ?? input.inTeamSince
	const quietDays = Math.floor((now.getTime() - since.getTime()) / 86_400_000)
	if (quietDays >= QUIET_DAYS) {
		reasons.push(
			input.lastActivity
				? `no shared or assigned activity for ${quietDays} days`
				: `no shared or assigned activity yet (${quietDays} days in the team)`,
		)
	}
	return reasons
}
