import { sql, type BuildExtraConfigColumns } from 'drizzle-orm'
import type { AssessmentResult } from '#app/domain/assessment/result.ts'
import {
	boolean,
	check,
	date,
	doublePrecision,
	foreignKey,
	integer,
	index,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	type PgColumnBuilderBase,
	type PgTableExtraConfigValue,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'

// Tenant tables lead their keys and indexes with organisation_id so that an
// installation can later distribute by organisation (Citus) without query changes.

export const roleEnum = pgEnum('membership_role', ['learner', 'coach', 'admin'])

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

const tenantColumns = () => ({
	organisationId: uuid('organisation_id')
		.notNull()
		.references(() => organisations.id, { onDelete: 'cascade' }),
	id: uuid('id').notNull().defaultRandom(),
})

// A tenant table: organisation_id + id lead the table and its primary key, so each row's
// key carries its tenant. Further keys and indexes (in `extra`) must also start with organisation_id.
function tenantTable<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
	name: TName,
	columns: TColumns,
	extra: (
		t: BuildExtraConfigColumns<TName, ReturnType<typeof tenantColumns> & TColumns, 'pg'>,
	) => PgTableExtraConfigValue[] = () => [],
) {
	return pgTable(name, { ...tenantColumns(), ...columns }, (t) => [
		primaryKey({ columns: [t.organisationId, t.id] }),
		...extra(t),
	])
}

// The self-assessment's form: the full form, or the adaptive short form (ADR 0009).
export const assessmentFormEnum = pgEnum('assessment_form', ['full', 'adaptive'])

export const organisations = pgTable('organisations', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	slug: text('slug').notNull().unique(),
	// An IANA zone name (validated on write); due dates are calendar dates in it (DESIGN §7).
	timeZone: text('time_zone').notNull().default('UTC'),
	// Which form new self-assessment attempts start on; an attempt keeps the form it started on.
	assessmentForm: assessmentFormEnum('assessment_form').notNull().default('full'),
	createdAt: createdAt(),
})

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		// Stored lower-cased; uniqueness is on the normalised form.
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('users_email_key').on(t.email)],
)

export const memberships = pgTable(
	'memberships',
	{
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		createdAt: createdAt(),
		// A new admin's first-run checklist on Home, until they dismiss it (per person and organisation).
		checklistDismissedAt: timestamp('checklist_dismissed_at', { withTimezone: true }),
		// Removing a member sets this instead of deleting the row, so their history stays;
		// an accepted invitation clears it again.
		deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
		// What the learner shows their coaches (DESIGN §7: both private by default).
		shareStyle: boolean('share_style').notNull().default(false),
		shareSkills: boolean('share_skills').notNull().default(false),
		// The navigation badge counts assignments and notes newer than this.
		inboxSeenAt: timestamp('inbox_seen_at', { withTimezone: true }),
		// The opaque actor of xAPI statements: stable per organisation, says nothing about the person.
		actorId: uuid('actor_id').notNull().defaultRandom(),
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.userId] }),
		index('memberships_user_idx').on(t.userId),
		uniqueIndex('memberships_actor_key').on(t.organisationId, t.actorId),
	],
)

export const sessions = pgTable(
	'sessions',
	{
		// SHA-256 of the cookie value: a leaked table does not yield usable sessions.
		idHash: text('id_hash').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		userAgent: text('user_agent'),
	},
	(t) => [index('sessions_user_idx').on(t.userId)],
)

export const invitations = tenantTable(
	'invitations',
	{
		email: text('email').notNull(),
		role: roleEnum('role').notNull(),
		tokenHash: text('token_hash').notNull(),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
	},
	(t) => [uniqueIndex('invitations_token_key').on(t.tokenHash)],
)

export const teams = tenantTable(
	'teams',
	{
		name: text('name').notNull(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('teams_org_name_key').on(t.organisationId, t.name)],
)

// Composite foreign keys keep a team's people inside the team's organisation.
const teamPeople = (name: string) =>
	pgTable(
		name,
		{
			organisationId: uuid('organisation_id').notNull(),
			teamId: uuid('team_id').notNull(),
			userId: uuid('user_id').notNull(),
			createdAt: createdAt(),
		},
		(t) => [
			primaryKey({ columns: [t.organisationId, t.teamId, t.userId] }),
			foreignKey({
				columns: [t.organisationId, t.teamId],
				foreignColumns: [teams.organisationId, teams.id],
			}).onDelete('cascade'),
			foreignKey({
				columns: [t.organisationId, t.userId],
				foreignColumns: [memberships.organisationId, memberships.userId],
			}).onDelete('cascade'),
			index(`${name}_user_idx`).on(t.organisationId, t.userId),
		],
	)

export const teamMembers = teamPeople('team_members')
export const teamCoaches = teamPeople('team_coaches')

export const rateLimitEvents = pgTable(
	'rate_limit_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		bucket: text('bucket').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index('rate_limit_events_bucket_at_idx').on(t.bucket, t.at)],
)

export const auditEvents = pgTable(
	'audit_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		// Null for events outside any organisation (e.g. a failed sign-in for an unknown email).
		organisationId: uuid('organisation_id').references(() => organisations.id, {
			onDelete: 'cascade',
		}),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		type: text('type').notNull(),
		detail: jsonb('detail')
			.$type<Record<string, unknown>>()
			.notNull()
			.default(sql`'{}'::jsonb`),
		ip: text('ip'),
		createdAt: createdAt(),
	},
	(t) => [
		index('audit_events_org_created_idx').on(t.organisationId, t.createdAt),
		index('audit_events_type_created_idx').on(t.type, t.createdAt),
		// The known-address check of the sign-in limiter and the audit page's person filter.
		index('audit_events_user_type_created_idx').on(t.userId, t.type, t.createdAt),
	],
)

// ── Self-assessment ────────────────────────────────────────────────────────────

export const assessmentStatusEnum = pgEnum('assessment_status', ['in_progress', 'completed', 'abandoned'])

export const assessmentAttempts = tenantTable(
	'assessment_attempts',
	{
		userId: uuid('user_id').notNull(),
		instrumentVersion: text('instrument_version').notNull(),
		// The form the attempt started on, kept even if the organisation's setting changes mid-attempt.
		form: assessmentFormEnum('form').notNull().default('full'),
		// Item order is reproducible from the seed (and, on the adaptive form, the answers so far),
		// so it is stored instead of the order itself.
		seed: integer('seed').notNull(),
		status: assessmentStatusEnum('status').notNull().default('in_progress'),
		// The page the learner is on; a submitted page must match it (replays are refused).
		page: integer('page').notNull().default(0),
		answers: jsonb('answers')
			.$type<Record<string, number>>()
			.notNull()
			.default(sql`'{}'::jsonb`),
		cueAnswers: jsonb('cue_answers')
			.$type<Record<string, string>>()
			.notNull()
			.default(sql`'{}'::jsonb`),
		pageTimings: jsonb('page_timings')
			.$type<Array<{ page: number; items: number; ms: number }>>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		pageStartedAt: timestamp('page_started_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: createdAt(),
		completedAt: timestamp('completed_at', { withTimezone: true }),
	},
	(t) => [
		foreignKey({
			columns: [t.organisationId, t.userId],
			foreignColumns: [memberships.organisationId, memberships.userId],
		}).onDelete('cascade'),
		index('assessment_attempts_user_idx').on(t.organisationId, t.userId, t.createdAt),
		// One open attempt per learner: a double-click on Start lands on the same attempt.
		uniqueIndex('assessment_attempts_open_key')
			.on(t.organisationId, t.userId)
			.where(sql`${t.status} = 'in_progress'`),
	],
)

export const assessmentResults = tenantTable(
	'assessment_results',
	{
		attemptId: uuid('attempt_id').notNull(),
		userId: uuid('user_id').notNull(),
		instrumentVersion: text('instrument_version').notNull(),
		// The scored result as the domain produced it (validated with zod when read back).
		result: jsonb('result').$type<AssessmentResult>().notNull(),
		// Denormalised for team maps and dashboards without unpacking JSON.
		style: text('style').notNull(),
		angle: doublePrecision('angle').notNull(),
		strength: doublePrecision('strength').notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('assessment_results_attempt_key').on(t.organisationId, t.attemptId),
		foreignKey({
			columns: [t.organisationId, t.attemptId],
			foreignColumns: [assessmentAttempts.organisationId, assessmentAttempts.id],
		}).onDelete('cascade'),
		index('assessment_results_user_idx').on(t.organisationId, t.userId, t.createdAt),
	],
)

// ── Role-play ─────────────────────────────────────────────────────────────────

// Shipped scenario definitions, one row per content version; never updated, so an
// attempt always replays against exactly the definition it started on.
export const scenarioVersions = pgTable(
	'scenario_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		contentHash: text('content_hash').notNull(),
		title: text('title').notNull(),
		definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('scenario_versions_hash_key').on(t.contentHash), index('scenario_versions_slug_idx').on(t.slug)],
)

// The installation's library as last published (DESIGN §7): one row per file in SCENARIOS_DIR.
// A valid file points at its immutable version; a broken one keeps its problems, and the last
// good version of its id (if any) stays playable. The catalogue is read from here, so every app
// instance agrees; publishing replaces all rows in one transaction.
export const scenarioLibraryFiles = pgTable(
	'scenario_library_files',
	{
		file: text('file').primaryKey(),
		slug: text('slug').notNull(),
		scenarioVersionId: uuid('scenario_version_id').references(() => scenarioVersions.id),
		valid: boolean('valid').notNull(),
		// Problems as the checker reported them at publishing time (warnings only, for a valid file).
		problems: jsonb('problems').$type<Array<Record<string, unknown>>>().notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index('scenario_library_files_slug_idx').on(t.slug)],
)

export const attemptStatusEnum = pgEnum('attempt_status', ['in_progress', 'completed', 'abandoned'])
export const visibilityEnum = pgEnum('attempt_visibility', ['private', 'shared'])

export const attempts = tenantTable(
	'attempts',
	{
		userId: uuid('user_id').notNull(),
		scenarioVersionId: uuid('scenario_version_id')
			.notNull()
			.references(() => scenarioVersions.id),
		scenarioSlug: text('scenario_slug').notNull(),
		snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
		step: integer('step').notNull().default(0),
		status: attemptStatusEnum('status').notNull().default('in_progress'),
		visibility: visibilityEnum('visibility').notNull().default('private'),
		// Set when the attempt was started from an assignment: visible to the assigning coach and the
		// coaches of the learner's teams whatever `visibility` says (DESIGN §7).
		assignmentId: uuid('assignment_id'),
		sharedAt: timestamp('shared_at', { withTimezone: true }),
		startedAt: createdAt(),
		// When the current turn was shown: the next decision's time taken is measured from here.
		stepStartedAt: timestamp('step_started_at', { withTimezone: true }).notNull().defaultNow(),
		completedAt: timestamp('completed_at', { withTimezone: true }),
	},
	(t) => [
		foreignKey({
			columns: [t.organisationId, t.userId],
			foreignColumns: [memberships.organisationId, memberships.userId],
		}).onDelete('cascade'),
		index('attempts_user_idx').on(t.organisationId, t.userId, t.status, t.startedAt),
		index('attempts_assignment_idx').on(t.organisationId, t.assignmentId, t.userId),
		// One open attempt per learner × scenario × assignment (none for self-started practice):
		// a double Start lands on the same attempt, and an assignment always starts its own.
		uniqueIndex('attempts_open_key')
			.on(t.organisationId, t.userId, t.scenarioSlug)
			.where(sql`${t.status} = 'in_progress' and ${t.assignmentId} is null`),
		uniqueIndex('attempts_open_assigned_key')
			.on(t.organisationId, t.userId, t.assignmentId)
			.where(sql`${t.status} = 'in_progress' and ${t.assignmentId} is not null`),
	],
)

export const decisions = pgTable(
	'decisions',
	{
		organisationId: uuid('organisation_id').notNull(),
		attemptId: uuid('attempt_id').notNull(),
		step: integer('step').notNull(),
		nodeId: text('node_id').notNull(),
		choiceId: text('choice_id').notNull(),
		metersAfter: jsonb('meters_after').$type<Record<string, number>>().notNull(),
		// Which line variants the customer's line showed (index into `says`/`narration`); null for plain lines.
		variant: jsonb('variant').$type<{ says?: number; narration?: number }>(),
		msTaken: integer('ms_taken').notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		// One decision per step of an attempt, enforced by the database itself.
		primaryKey({ columns: [t.organisationId, t.attemptId, t.step] }),
		foreignKey({
			columns: [t.organisationId, t.attemptId],
			foreignColumns: [attempts.organisationId, attempts.id],
		}).onDelete('cascade'),
	],
)

// ── Debriefs and skill levels (written in the ending step's transaction) ─────────

// The stored debrief of a finished attempt, exactly as it was produced: a retake or a rules
// edit never rewrites it. `rollup_seq` numbers a learner's debriefs in the order they were
// applied to the rollup (assigned under a per-learner lock), so a recomputation replays them
// in the same order even when two attempts end at the same moment.
export const debriefs = pgTable(
	'debriefs',
	{
		organisationId: uuid('organisation_id').notNull(),
		attemptId: uuid('attempt_id').notNull(),
		userId: uuid('user_id').notNull(),
		rollupSeq: integer('rollup_seq').notNull(),
		scenarioSlug: text('scenario_slug').notNull(),
		customerStyle: text('customer_style').notNull(),
		outcome: text('outcome').notNull(),
		flexTurns: integer('flex_turns').notNull(),
		flexFit: integer('flex_fit').notNull(),
		assessmentResultId: uuid('assessment_result_id'),
		rulesVersion: text('rules_version').notNull(),
		content: jsonb('content').$type<Record<string, unknown>>().notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.attemptId] }),
		foreignKey({
			columns: [t.organisationId, t.attemptId],
			foreignColumns: [attempts.organisationId, attempts.id],
		}).onDelete('cascade'),
		uniqueIndex('debriefs_user_seq_key').on(t.organisationId, t.userId, t.rollupSeq),
	],
)

// Per-attempt skill scores: the rows both rollups (the learner's own, and later the
// coach-visible one over shared attempts only) are computed from.
export const attemptSkillScores = pgTable(
	'attempt_skill_scores',
	{
		organisationId: uuid('organisation_id').notNull(),
		attemptId: uuid('attempt_id').notNull(),
		userId: uuid('user_id').notNull(),
		skill: text('skill').notNull(),
		score: doublePrecision('score').notNull(),
		rollupSeq: integer('rollup_seq').notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.attemptId, t.skill] }),
		foreignKey({
			columns: [t.organisationId, t.attemptId],
			foreignColumns: [debriefs.organisationId, debriefs.attemptId],
		}).onDelete('cascade'),
		index('attempt_skill_scores_user_idx').on(t.organisationId, t.userId, t.skill, t.rollupSeq),
	],
)

// Stress-tagged replies per attempt, counted against opportunity (offered vs chosen).
export const attemptStressCounts = pgTable(
	'attempt_stress_counts',
	{
		organisationId: uuid('organisation_id').notNull(),
		attemptId: uuid('attempt_id').notNull(),
		userId: uuid('user_id').notNull(),
		reaction: text('reaction').notNull(),
		offered: integer('offered').notNull(),
		chosen: integer('chosen').notNull(),
		chosenUnderPressure: integer('chosen_under_pressure').notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.attemptId, t.reaction] }),
		foreignKey({
			columns: [t.organisationId, t.attemptId],
			foreignColumns: [debriefs.organisationId, debriefs.attemptId],
		}).onDelete('cascade'),
		index('attempt_stress_counts_user_idx').on(t.organisationId, t.userId),
	],
)

// 'own' = every attempt of the learner; 'shared' = only attempts shared with coaches (DESIGN §7:
// two rollups). Only 'own' is maintained today; the coaching work adds 'shared' with the same shape.
export const skillLevelScopeEnum = pgEnum('skill_level_scope', ['own', 'shared'])

export const skillLevels = pgTable(
	'skill_levels',
	{
		organisationId: uuid('organisation_id').notNull(),
		userId: uuid('user_id').notNull(),
		scope: skillLevelScopeEnum('scope').notNull(),
		skill: text('skill').notNull(),
		level: doublePrecision('level').notNull(),
		attempts: integer('attempts').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.userId, t.scope, t.skill] }),
		foreignKey({
			columns: [t.organisationId, t.userId],
			foreignColumns: [memberships.organisationId, memberships.userId],
		}).onDelete('cascade'),
	],
)

// ── Coaching: assignments, onboarding paths, notes, password resets ─────────────

export const assignmentKindEnum = pgEnum('assignment_kind', ['scenario', 'assessment'])

// A scenario or the assessment, given to a team (reaching its members now and later) or to one
// learner. Exactly one of team_id and user_id is set. Assignments made by giving an onboarding path
// carry the path and their position in it.
export const assignments = tenantTable(
	'assignments',
	{
		kind: assignmentKindEnum('kind').notNull(),
		scenarioSlug: text('scenario_slug'),
		teamId: uuid('team_id'),
		userId: uuid('user_id'),
		assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
		// A calendar date in the organisation's time zone ('YYYY-MM-DD'); overdue from the next day.
		dueOn: date('due_on', { mode: 'string' }),
		pathId: uuid('path_id'),
		pathPosition: integer('path_position'),
		createdAt: createdAt(),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
	},
	(t) => [
		foreignKey({
			columns: [t.organisationId, t.teamId],
			foreignColumns: [teams.organisationId, teams.id],
		}).onDelete('cascade'),
		foreignKey({
			columns: [t.organisationId, t.userId],
			foreignColumns: [memberships.organisationId, memberships.userId],
		}).onDelete('cascade'),
		check('assignments_one_target', sql`(${t.teamId} is null) <> (${t.userId} is null)`),
		check('assignments_scenario_kind', sql`(${t.kind} = 'scenario') = (${t.scenarioSlug} is not null)`),
		index('assignments_team_idx').on(t.organisationId, t.teamId),
		index('assignments_user_idx').on(t.organisationId, t.userId),
	],
)

// A named, ordered list of assignments an admin keeps, given to a new hire in one step.
// The order is a recommendation, not a lock.
export const onboardingPaths = tenantTable(
	'onboarding_paths',
	{
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('onboarding_paths_org_name_key').on(t.organisationId, t.name)],
)

export const onboardingPathItems = pgTable(
	'onboarding_path_items',
	{
		organisationId: uuid('organisation_id').notNull(),
		pathId: uuid('path_id').notNull(),
		position: integer('position').notNull(),
		kind: assignmentKindEnum('kind').notNull(),
		scenarioSlug: text('scenario_slug'),
		// Due this many days after the path is given; none means no due date.
		dueAfterDays: integer('due_after_days'),
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.pathId, t.position] }),
		foreignKey({
			columns: [t.organisationId, t.pathId],
			foreignColumns: [onboardingPaths.organisationId, onboardingPaths.id],
		}).onDelete('cascade'),
	],
)

// Visible to the learner they are about and to the coaches of the learner's teams; the author
// edits or deletes them. Part of the learner's export and of the deletion.
export const coachingNotes = tenantTable(
	'coaching_notes',
	{
		learnerId: uuid('learner_id').notNull(),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		foreignKey({
			columns: [t.organisationId, t.learnerId],
			foreignColumns: [memberships.organisationId, memberships.userId],
		}).onDelete('cascade'),
		index('coaching_notes_learner_idx').on(t.organisationId, t.learnerId, t.createdAt),
	],
)

// One-time, expiring links an admin copies for a member (no mail server). Only the hash is kept.
export const passwordResets = tenantTable(
	'password_resets',
	{
		userId: uuid('user_id').notNull(),
		tokenHash: text('token_hash').notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
	},
	(t) => [
		foreignKey({
			columns: [t.organisationId, t.userId],
			foreignColumns: [memberships.organisationId, memberships.userId],
		}).onDelete('cascade'),
		uniqueIndex('password_resets_token_key').on(t.tokenHash),
	],
)
