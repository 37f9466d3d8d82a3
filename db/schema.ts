import { sql } from 'drizzle-orm'
import {
	foreignKey,
	index,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'

// Tenant tables lead their keys and indexes with organisation_id so that an
// installation can later distribute by organisation (Citus) without query changes.

export const roleEnum = pgEnum('membership_role', ['learner', 'coach', 'admin'])

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export const organisations = pgTable('organisations', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	slug: text('slug').notNull().unique(),
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
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.userId] }),
		index('memberships_user_idx').on(t.userId),
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

export const invitations = pgTable(
	'invitations',
	{
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		id: uuid('id').notNull().defaultRandom(),
		email: text('email').notNull(),
		role: roleEnum('role').notNull(),
		tokenHash: text('token_hash').notNull(),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.id] }),
		uniqueIndex('invitations_token_key').on(t.tokenHash),
	],
)

export const teams = pgTable(
	'teams',
	{
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		id: uuid('id').notNull().defaultRandom(),
		name: text('name').notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.id] }),
		uniqueIndex('teams_org_name_key').on(t.organisationId, t.name),
	],
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
		detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
		ip: text('ip'),
		createdAt: createdAt(),
	},
	(t) => [
		index('audit_events_org_created_idx').on(t.organisationId, t.createdAt),
		index('audit_events_type_created_idx').on(t.type, t.createdAt),
	],
)
