// What the admin's audit page calls each recorded event, and the kinds it filters by.
export const auditKinds = {
	'sign-ins': ['sign_in', 'sign_out', 'sign_up', 'sessions_revoked'],
	failures: ['sign_in_failed', 'sign_in_rate_limited'],
	denials: ['access_denied', 'cross_origin_refused'],
	membership: [
		'invitation_created',
		'invitation_revoked',
		'invitation_reissued',
		'invitation_accepted',
		'role_changed',
		'member_removed',
		'member_deactivated',
		'member_reactivated',
	],
	teams: ['team_created', 'team_person_added', 'team_person_removed'],
	accounts: ['password_reset_issued', 'password_reset_used', 'password_changed', 'data_deleted'],
	exports: ['data_exported', 'team_progress_exported', 'xapi_exported'],
} as const

export type AuditKind = keyof typeof auditKinds
export const auditKindNames = Object.keys(auditKinds) as AuditKind[]

export const auditKindLabels: Record<AuditKind, string> = {
	'sign-ins': 'Sign-ins',
	failures: 'Failed sign-ins',
	denials: 'Denied access',
	membership: 'Membership changes',
	teams: 'Team changes',
	accounts: 'Passwords and deletions',
	exports: 'Exports',
}

const eventLabels: Record<string, string> = {
	sign_in: 'Signed in',
	sign_out: 'Signed out',
	sign_up: 'Created the organisation',
	sessions_revoked: 'Signed out other sessions',
	sign_in_failed: 'Failed sign-in',
	sign_in_rate_limited: 'Sign-in refused: too many attempts',
	access_denied: 'Denied access',
	cross_origin_refused: 'Refused a cross-site request',
	invitation_created: 'Invited someone',
	invitation_revoked: 'Withdrew an invitation',
	invitation_reissued: 'Re-issued an invitation link',
	invitation_accepted: 'Accepted an invitation',
	role_changed: 'Changed a role',
	member_removed: 'Removed a member',
	member_deactivated: 'Deactivated a member',
	member_reactivated: 'Came back through an invitation',
	team_created: 'Created a team',
	team_person_added: 'Added someone to a team',
	team_person_removed: 'Removed someone from a team',
	password_reset_issued: 'Issued a password-reset link',
	password_reset_used: 'Set a new password through a reset link',
	password_changed: 'Changed their password',
	data_exported: 'Exported their own data',
	data_deleted: 'Deleted personal data',
	team_progress_exported: 'Exported team progress (CSV)',
	xapi_exported: 'Exported xAPI statements',
}

export function auditEventLabel(type: string): string {
	return eventLabels[type] ?? type.replaceAll('_', ' ')
}
