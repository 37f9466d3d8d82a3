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
	'coached team': { kind: 'team', coachedByViewer: true },
	'other team': { kind: 'team', coachedByViewer: false },
}

// Accounts and exports (coaching issue): everyone's own data, a coach's own teams.
const ownData = 'own-data.export@*; own-data.delete@*; xapi.export-own@*'

const expected: Record<string, string> = {
	// role: actions allowed (with subject) — the policy written out by hand
	learner: `member.view@own member page; ${ownData}`,
	coach: `teams.view@*; member.view@own member page; member.view@coached member; ${ownData}; team.export-progress@coached team; xapi.export-team@coached team`,
	admin: '*',
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
					const shouldAllow =
						policy === '*' ||
						policy.split('; ').some((entry) => entry === `${action}@*` || entry === `${action}@${label}`)
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
