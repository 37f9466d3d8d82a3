-- Installations may already hold two open assessments for one person (double Start): keep the newest.
UPDATE "assessment_attempts" SET "status" = 'abandoned'
WHERE "status" = 'in_progress' AND EXISTS (
	SELECT 1 FROM "assessment_attempts" AS "newer"
	WHERE "newer"."organisation_id" = "assessment_attempts"."organisation_id"
		AND "newer"."user_id" = "assessment_attempts"."user_id"
		AND "newer"."status" = 'in_progress'
		AND ("newer"."created_at", "newer"."id") > ("assessment_attempts"."created_at", "assessment_attempts"."id")
);--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_attempts_open_key" ON "assessment_attempts" USING btree ("organisation_id","user_id") WHERE "assessment_attempts"."status" = 'in_progress';