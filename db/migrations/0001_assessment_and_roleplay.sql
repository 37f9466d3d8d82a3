CREATE TYPE "public"."assessment_status" AS ENUM('in_progress', 'completed', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."attempt_status" AS ENUM('in_progress', 'completed', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."attempt_visibility" AS ENUM('private', 'shared');--> statement-breakpoint
CREATE TABLE "assessment_attempts" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"instrument_version" text NOT NULL,
	"seed" integer NOT NULL,
	"status" "assessment_status" DEFAULT 'in_progress' NOT NULL,
	"page" integer DEFAULT 0 NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cue_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"page_timings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"page_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "assessment_attempts_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"instrument_version" text NOT NULL,
	"result" jsonb NOT NULL,
	"style" text NOT NULL,
	"angle" double precision NOT NULL,
	"strength" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_results_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "attempts" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"scenario_version_id" uuid NOT NULL,
	"scenario_slug" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"status" "attempt_status" DEFAULT 'in_progress' NOT NULL,
	"visibility" "attempt_visibility" DEFAULT 'private' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"step_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "attempts_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"organisation_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"node_id" text NOT NULL,
	"choice_id" text NOT NULL,
	"meters_after" jsonb NOT NULL,
	"ms_taken" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_organisation_id_attempt_id_step_pk" PRIMARY KEY("organisation_id","attempt_id","step")
);
--> statement-breakpoint
CREATE TABLE "scenario_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"content_hash" text NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_attempts" ADD CONSTRAINT "assessment_attempts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempts" ADD CONSTRAINT "assessment_attempts_organisation_id_user_id_memberships_organisation_id_user_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."memberships"("organisation_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_organisation_id_attempt_id_assessment_attempts_organisation_id_id_fk" FOREIGN KEY ("organisation_id","attempt_id") REFERENCES "public"."assessment_attempts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_scenario_version_id_scenario_versions_id_fk" FOREIGN KEY ("scenario_version_id") REFERENCES "public"."scenario_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_organisation_id_user_id_memberships_organisation_id_user_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."memberships"("organisation_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_organisation_id_attempt_id_attempts_organisation_id_id_fk" FOREIGN KEY ("organisation_id","attempt_id") REFERENCES "public"."attempts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_attempts_user_idx" ON "assessment_attempts" USING btree ("organisation_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_results_attempt_key" ON "assessment_results" USING btree ("organisation_id","attempt_id");--> statement-breakpoint
CREATE INDEX "assessment_results_user_idx" ON "assessment_results" USING btree ("organisation_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "attempts_user_idx" ON "attempts" USING btree ("organisation_id","user_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_versions_hash_key" ON "scenario_versions" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "scenario_versions_slug_idx" ON "scenario_versions" USING btree ("slug");