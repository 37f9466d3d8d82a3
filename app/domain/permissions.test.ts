import { describe, expect, it } from 'vitest'
import { roles } from '#app/domain/accounts/roles.ts'
import { can, permissionActions, type PermissionSubject } from '#app/domain/permissions.ts'

const self = 'u-self'
const other = 'u-other'

// Every role × action, for each kind of subject that matters. Printed so a reviewer can read the policy.
const subjects: Record<string, PermissionSubject | undefined> = {
	none: undefined,
	'own member page': { kind: 'member', userId: self, coachedByViewer: false },
	'coached member': { kind: 'member', userId: other, coachedByViewer: true },
	'other member': { kind: 'member', userId: other, coachedByViewer: false },
	'coached team': { kind: 'team', teamId: 't-1', coachedByViewer: true },
	'other team': { kind: 'team', teamId: 't-2', coachedByViewer: false },
	// Coaching (coach-share)
	'own note': { kind: 'coaching-note', authorId: self },
	'other’s note': { kind: 'coaching-note', authorId: other },
}

// Accounts and exports (coaching issue): everyone's own data, a coach's own teams.
const ownData = 'own-data.export@*; own-data.delete@*; xapi.export-own@*'

const expected: Record<string, string> = {
	// role: actions allowed (with subject) — the policy written out by hand
	learner: `member.view@own member page; ${ownData}`,
	coach: [
		'teams.view@*; member.view@own member page; member.view@coached member',
		// Accounts and exports (coach-accounts).
		`${ownData}; team.export-progress@coached team; xapi.export-team@coached team`,
		// Coaching: assignments, onboarding paths, the team dashboard (issue 13, coach-assign).
		'assignments.view@*; assignments.manage@coached member; assignments.manage@coached team',
		'onboarding-paths.give@coached member; team.dashboard@coached team',
		// Coaching: the learner page and notes (coach-share).
		'coaching.open@*; coaching.view-learner@coached member; coaching.write-note@coached member; coaching.change-note@own note',
	].join('; '),
	admin: [
		'*',
		// Coaching (coach-share): an admin opens anyone's coach page but their own, and changes only their own notes.
		...['none', 'own member page', 'own note', 'other’s note', 'coached team', 'other team'].flatMap((s) => [
			`-coaching.view-learner@${s}`,
			`-coaching.write-note@${s}`,
		]),
		...['none', 'own member page', 'coached member', 'other member', 'other’s note', 'coached team', 'other team'].map(
			(s) => `-coaching.change-note@${s}`,
		),
	].join('; '),
}

describe('can(viewer, action, subject)', () => {
	const table: string[] = []
	for (const role of roles) {
		for (const action of permissionActions) {
			for (const [label, subject] of Object.entries(subjects)) {
				const allowed = can({ userId: self, role }, action, subject)
				table.push(`${role.padEnd(8)} ${action.padEnd(42)} ${label.padEnd(16)} ${allowed ? 'allow' : 'deny'}`)
				it(`${role} ${action} (${label}) → ${allowed ? 'allow' : 'deny'}`, () => {
					const policy = expected[role]!
					const entries = policy.split('; ')
					// '*' allows everything but the entries marked '-' (coaching pages are about someone else).
					const shouldAllow = entries.includes('*')
						? !entries.includes(`-${action}@${label}`)
						: entries.some((entry) => entry === `${action}@*` || entry === `${action}@${label}`)
					expect(allowed).toBe(shouldAllow)
				})
			}
		}
	}
	it('prints the matrix', () => {
		console.log(table.join('\n'))
		expect(table).toHaveLength(roles.length * permissionActions.length * Object.keys(subjects).length)
	})
})
