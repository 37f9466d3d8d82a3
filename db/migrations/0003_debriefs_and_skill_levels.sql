CREATE TYPE "public"."skill_level_scope" AS ENUM('own', 'shared');--> statement-breakpoint
CREATE TABLE "attempt_skill_scores" (
	"organisation_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"score" double precision NOT NULL,
	"rollup_seq" integer NOT NULL,
	CONSTRAINT "attempt_skill_scores_organisation_id_attempt_id_skill_pk" PRIMARY KEY("organisation_id","attempt_id","skill")
);
--> statement-breakpoint
CREATE TABLE "attempt_stress_counts" (
	"organisation_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reaction" text NOT NULL,
	"offered" integer NOT NULL,
	"chosen" integer NOT NULL,
	"chosen_under_pressure" integer NOT NULL,
	CONSTRAINT "attempt_stress_counts_organisation_id_attempt_id_reaction_pk" PRIMARY KEY("organisation_id","attempt_id","reaction")
);
--> statement-breakpoint
CREATE TABLE "debriefs" (
	"organisation_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"rollup_seq" integer NOT NULL,
	"scenario_slug" text NOT NULL,
	"customer_style" text NOT NULL,
	"outcome" text NOT NULL,
	"flex_turns" integer NOT NULL,
	"flex_fit" integer NOT NULL,
	"assessment_result_id" uuid,
	"rules_version" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debriefs_organisation_id_attempt_id_pk" PRIMARY KEY("organisation_id","attempt_id")
);
--> statement-breakpoint
CREATE TABLE "skill_levels" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scope" "skill_level_scope" NOT NULL,
	"skill" text NOT NULL,
	"level" double precision NOT NULL,
	"attempts" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_levels_organisation_id_user_id_scope_skill_pk" PRIMARY KEY("organisation_id","user_id","scope","skill")
);
--> statement-breakpoint
ALTER TABLE "attempt_skill_scores" ADD CONSTRAINT "attempt_skill_scores_organisation_id_attempt_id_debriefs_organisation_id_attempt_id_fk" FOREIGN KEY ("organisation_id","attempt_id") REFERENCES "public"."debriefs"("organisation_id","attempt_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_stress_counts" ADD CONSTRAINT "attempt_stress_counts_organisation_id_attempt_id_debriefs_organisation_id_attempt_id_fk" FOREIGN KEY ("organisation_id","attempt_id") REFERENCES "public"."debriefs"("organisation_id","attempt_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_organisation_id_attempt_id_attempts_organisation_id_id_fk" FOREIGN KEY ("organisation_id","attempt_id") REFERENCES "public"."attempts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_levels" ADD CONSTRAINT "skill_levels_organisation_id_user_id_memberships_organisation_id_user_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."memberships"("organisation_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attempt_skill_scores_user_idx" ON "attempt_skill_scores" USING btree ("organisation_id","user_id","skill","rollup_seq");--> statement-breakpoint
CREATE INDEX "attempt_stress_counts_user_idx" ON "attempt_stress_counts" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "debriefs_user_seq_key" ON "debriefs" USING btree ("organisation_id","user_id","rollup_seq");