CREATE TYPE "public"."assessment_form" AS ENUM('full', 'adaptive');--> statement-breakpoint
ALTER TABLE "assessment_attempts" ADD COLUMN "form" "assessment_form" DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "assessment_form" "assessment_form" DEFAULT 'full' NOT NULL;