import type { Role } from '#app/domain/accounts/roles.ts'

// The one place that decides who may do what (docs/architecture.md). Routes ask through
// requirePermission, services through can(); nothing else compares roles.

export type PermissionViewer = { userId: string; role: Role }

// What a check may need to know about the thing being acted on. Relationships (does this
// coach coach that learner?) are looked up by the caller and passed in, so this stays pure.
export type PermissionSubject =
	| { kind: 'organisation' }
	| { kind: 'member'; userId: string; coachedByViewer: boolean }
	| { kind: 'team'; teamId: string; coachedByViewer: boolean }
	// Coaching notes (coach-share): only the author changes one.
	| { kind: 'coaching-note'; authorId: string | null }

export const permissionActions = [
	'organisation.manage-members',
	'organisation.view-audit-log',
	'organisation.view-instrument-statistics',
	'library.view',
	'teams.view',
	'teams.manage',
	'member.view',
	'member.manage',
	// Coaching: assignments, onboarding paths, time zone, the team dashboard (issue 13, coach-assign).
	'organisation.manage-settings',
	'assignments.view',
	'assignments.manage',
	'onboarding-paths.manage',
	'onboarding-paths.give',
	'team.dashboard',
	// Coaching: the learner page, notes (coach-share)
	'coaching.open',
	'coaching.view-learner',
	'coaching.write-note',
	'coaching.change-note',
	// Accounts and exports (coaching issue: accounts, leaving with your data, CSV and xAPI).
	'own-data.export',
	'own-data.delete',
	'team.export-progress',
	'xapi.export-own',
	'xapi.export-team',
	'xapi.export-organisation',
] as const
export type PermissionAction = (typeof permissionActions)[number]

type Rule = (viewer: PermissionViewer, subject: PermissionSubject | undefined) => boolean

const isAdmin: Rule = (viewer) => viewer.role === 'admin'
const isStaff: Rule = (viewer) => viewer.role === 'admin' || viewer.role === 'coach'

const coachesSubject: Rule = (viewer, subject) =>
	viewer.role === 'coach' && (subject?.kind === 'member' || subject?.kind === 'team') && subject.coachedByViewer

const rules: Record<PermissionAction, Rule> = {
	'organisation.manage-members': isAdmin,
	'organisation.view-audit-log': isAdmin,
	'organisation.view-instrument-statistics': isAdmin,
	'library.view': isAdmin,
	'teams.view': isStaff,
	'teams.manage': isAdmin,
	'member.view': (viewer, subject) =>
		isAdmin(viewer, subject) ||
		(subject?.kind === 'member' &&
			(subject.userId === viewer.userId || (viewer.role === 'coach' && subject.coachedByViewer))),
	'member.manage': isAdmin,
	// Coaching: assignments, onboarding paths, time zone, the team dashboard (issue 13, coach-assign).
	// A coach acts for the teams they coach and the learners in them; an admin for everyone.
	'organisation.manage-settings': isAdmin,
	'assignments.view': isStaff,
	'assignments.manage': (viewer, subject) => isAdmin(viewer, subject) || coachesSubject(viewer, subject),
	'onboarding-paths.manage': isAdmin,
	'onboarding-paths.give': (viewer, subject) =>
		isAdmin(viewer, subject) || (subject?.kind === 'member' && coachesSubject(viewer, subject)),
	'team.dashboard': (viewer, subject) =>
		isAdmin(viewer, subject) || (subject?.kind === 'team' && coachesSubject(viewer, subject)),
	// Coaching: the learner page, notes (coach-share). coachedByViewer = the coach relates to the learner
	// (a team they coach now, or an assignment they gave): app/data/coach-visibility.server.ts.
	'coaching.open': isStaff,
	'coaching.view-learner': (viewer, subject) =>
		subject?.kind === 'member' &&
		subject.userId !== viewer.userId &&
		(isAdmin(viewer, subject) || (viewer.role === 'coach' && subject.coachedByViewer)),
	'coaching.write-note': (viewer, subject) =>
		subject?.kind === 'member' &&
		subject.userId !== viewer.userId &&
		(isAdmin(viewer, subject) || (viewer.role === 'coach' && subject.coachedByViewer)),
	'coaching.change-note': (viewer, subject) =>
		isStaff(viewer, subject) && subject?.kind === 'coaching-note' && subject.authorId === viewer.userId,
	// Accounts and exports (coaching issue): anyone signed in exports or deletes only their own data;
	// a team's exports are for its coaches and the admins; the organisation's for admins.
	'own-data.export': () => true,
	'own-data.delete': () => true,
	'team.export-progress': (viewer, subject) =>
		isAdmin(viewer, subject) || (viewer.role === 'coach' && subject?.kind === 'team' && subject.coachedByViewer),
	'xapi.export-own': () => true,
	'xapi.export-team': (viewer, subject) =>
		isAdmin(viewer, subject) || (viewer.role === 'coach' && subject?.kind === 'team' && subject.coachedByViewer),
	'xapi.export-organisation': isAdmin,
}

export function can(viewer: PermissionViewer, action: PermissionAction, subject?: PermissionSubject): boolean {
	return rules[action](viewer, subject)
}

// Said on the 403 page: what the rule requires, in words.
export const permissionMessages: Record<PermissionAction, string> = {
	'organisation.manage-members': 'Only admins can manage members.',
	'organisation.view-audit-log': 'Only admins can see the audit log.',
	'organisation.view-instrument-statistics': 'Only admins can see the instrument statistics.',
	'library.view': 'Only admins can see the scenario library.',
	'teams.view': 'Only admins and coaches can see teams.',
	'teams.manage': 'Only admins can change teams.',
	'member.view': 'Only admins, the member themselves and their coaches can see this page.',
	'member.manage': 'Only admins can change a membership.',
	// Coaching: assignments, onboarding paths, time zone, the team dashboard (issue 13, coach-assign).
	'organisation.manage-settings': 'Only admins can change the organisation settings.',
	'assignments.view': 'Only admins and coaches can see assignments.',
	'assignments.manage': 'Only admins and the coaches of these learners can assign work to them.',
	'onboarding-paths.manage': 'Only admins can change onboarding paths.',
	'onboarding-paths.give': 'Only admins and the coaches of this learner can give them an onboarding path.',
	'team.dashboard': 'Only admins and the coaches of this team can see its dashboard.',
	// Coaching (coach-share)
	'coaching.open': 'Only coaches and admins can open coaching pages.',
	'coaching.view-learner': 'Only the coaches of this learner’s teams and admins can see this page.',
	'coaching.write-note': 'Only the coaches of this learner’s teams and admins can write notes about them.',
	'coaching.change-note': 'Only the author of a note can change or delete it.',
	'own-data.export': 'You can export only your own data.',
	'own-data.delete': 'You can delete only your own data.',
	'team.export-progress': 'Only the team’s coaches and admins can export its progress.',
	'xapi.export-own': 'You can export only your own statements.',
	'xapi.export-team': 'Only the team’s coaches and admins can export its statements.',
	'xapi.export-organisation': 'Only admins can export the organisation’s statements.',
}
