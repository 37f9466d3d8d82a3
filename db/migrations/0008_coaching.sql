CREATE TYPE "public"."assignment_kind" AS ENUM('scenario', 'assessment');--> statement-breakpoint
CREATE TABLE "assignments" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "assignment_kind" NOT NULL,
	"scenario_slug" text,
	"team_id" uuid,
	"user_id" uuid,
	"assigned_by" uuid,
	"due_on" date,
	"path_id" uuid,
	"path_position" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "assignments_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "assignments_one_target" CHECK (("assignments"."team_id" is null) <> ("assignments"."user_id" is null)),
	CONSTRAINT "assignments_scenario_kind" CHECK (("assignments"."kind" = 'scenario') = ("assignments"."scenario_slug" is not null))
);
--> statement-breakpoint
CREATE TABLE "coaching_notes" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"learner_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_notes_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "onboarding_path_items" (
	"organisation_id" uuid NOT NULL,
	"path_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "assignment_kind" NOT NULL,
	"scenario_slug" text,
	"due_after_days" integer,
	CONSTRAINT "onboarding_path_items_organisation_id_path_id_position_pk" PRIMARY KEY("organisation_id","path_id","position")
);
--> statement-breakpoint
CREATE TABLE "onboarding_paths" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboarding_paths_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "password_resets_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
DROP INDEX "attempts_open_key";--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "assignment_id" uuid;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "shared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "share_style" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "share_skills" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "inbox_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "actor_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organisation_id_team_id_teams_organisation_id_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organisation_id_user_id_memberships_organisation_id_user_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."memberships"("organisation_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_organisation_id_learner_id_memberships_organisation_id_user_id_fk" FOREIGN KEY ("organisation_id","learner_id") REFERENCES "public"."memberships"("organisation_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_path_items" ADD CONSTRAINT "onboarding_path_items_organisation_id_path_id_onboarding_paths_organisation_id_id_fk" FOREIGN KEY ("organisation_id","path_id") REFERENCES "public"."onboarding_paths"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_paths" ADD CONSTRAINT "onboarding_paths_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_organisation_id_user_id_memberships_organisation_id_user_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."memberships"("organisation_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_team_idx" ON "assignments" USING btree ("organisation_id","team_id");--> statement-breakpoint
CREATE INDEX "assignments_user_idx" ON "assignments" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE INDEX "coaching_notes_learner_idx" ON "coaching_notes" USING btree ("organisation_id","learner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "onboarding_paths_org_name_key" ON "onboarding_paths" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_token_key" ON "password_resets" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "attempts_assignment_idx" ON "attempts" USING btree ("organisation_id","assignment_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_open_assigned_key" ON "attempts" USING btree ("organisation_id","user_id","assignment_id") WHERE "attempts"."status" = 'in_progress' and "attempts"."assignment_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_actor_key" ON "memberships" USING btree ("organisation_id","actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_open_key" ON "attempts" USING btree ("organisation_id","user_id","scenario_slug") WHERE "attempts"."status" = 'in_progress' and "attempts"."assignment_id" is null;