CREATE TABLE "retention_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"meeting_content_years" integer,
	"audit_log_years" integer,
	"survey_response_years" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;