// How each table would be placed on a Citus cluster distributed by organisation (docs/scaling.md
// mirrors this module; tests/integration/distribution.test.ts checks it against the real catalogue):
//   distributed: sharded by organisation_id, co-located, so one organisation's rows live on one node;
//   reference:   copied in full to every node (small, read everywhere, joined from any shard);
//   local:       kept on the coordinator only (installation-wide, never joined with tenant rows).
// A table added to db/schema.ts must be classified here, or the test fails.

export type Placement = 'distributed' | 'reference' | 'local'

export const tablePlacement = {
	organisations: 'reference',
	// Copies every e-mail address and password hash to every node: see docs/scaling.md.
	users: 'reference',
	memberships: 'distributed',
	sessions: 'local',
	invitations: 'distributed',
	teams: 'distributed',
	team_members: 'distributed',
	team_coaches: 'distributed',
	rate_limit_events: 'local',
	audit_events: 'local',
	assessment_attempts: 'distributed',
	assessment_results: 'distributed',
	scenario_versions: 'reference',
	scenario_library_files: 'reference',
	attempts: 'distributed',
	decisions: 'distributed',
	debriefs: 'distributed',
	attempt_skill_scores: 'distributed',
	attempt_stress_counts: 'distributed',
	skill_levels: 'distributed',
	assignments: 'distributed',
	onboarding_paths: 'distributed',
	onboarding_path_items: 'distributed',
	coaching_notes: 'distributed',
	password_resets: 'distributed',
} as const satisfies Record<string, Placement>

// Indexes on distributed tables that do not lead with organisation_id, because the lookup they
// serve starts from something other than the organisation. On Citus each such query fans out
// to every shard (the index still serves each shard); docs/scaling.md says what to change first.
export const crossTenantIndexes: Record<string, string> = {
	// Sign-in: which organisations does this person belong to?
	memberships_user_idx: 'a person’s memberships across organisations, at sign-in and on the account page',
	// An invitation link carries only its token. Citus cannot keep a unique index without the
	// distribution column: the token must carry its organisation before invitations are distributed.
	invitations_token_key: 'an invitation link carries only its token',
	// The same for a password-reset link an admin copies for a member.
	password_resets_token_key: 'a password-reset link carries only its token',
}
