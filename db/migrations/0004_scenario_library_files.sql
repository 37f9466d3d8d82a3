CREATE TABLE "scenario_library_files" (
	"file" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"scenario_version_id" uuid,
	"valid" boolean NOT NULL,
	"problems" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scenario_library_files" ADD CONSTRAINT "scenario_library_files_scenario_version_id_scenario_versions_id_fk" FOREIGN KEY ("scenario_version_id") REFERENCES "public"."scenario_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scenario_library_files_slug_idx" ON "scenario_library_files" USING btree ("slug");