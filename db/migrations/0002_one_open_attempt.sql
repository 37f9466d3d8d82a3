-- Installations may already hold duplicate open attempts (double Start): keep the newest open.
UPDATE "attempts" SET "status" = 'abandoned', "completed_at" = now()
WHERE "status" = 'in_progress' AND EXISTS (
	SELECT 1 FROM "attempts" AS "newer"
	WHERE "newer"."organisation_id" = "attempts"."organisation_id"
		AND "newer"."user_id" = "attempts"."user_id"
		AND "newer"."scenario_slug" = "attempts"."scenario_slug"
		AND "newer"."status" = 'in_progress'
		AND ("newer"."created_at", "newer"."id") > ("attempts"."created_at", "attempts"."id")
);--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_open_key" ON "attempts" USING btree ("organisation_id","user_id","scenario_slug") WHERE "attempts"."status" = 'in_progress';
