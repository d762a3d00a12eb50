CREATE TABLE "meeting_pulse_participation" (
	"district_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "meeting_pulse_participation_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_pulse_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"answers" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"source" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_instruments_district_id_id" UNIQUE("district_id","id"),
	CONSTRAINT "survey_instruments_slug_version" UNIQUE("district_id","slug","version")
);
--> statement-breakpoint
CREATE TABLE "survey_link_uses" (
	"district_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	CONSTRAINT "survey_link_uses_wave_id_token_hash_pk" PRIMARY KEY("wave_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_participation" (
	"district_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"units" text[] NOT NULL,
	"role_band" text NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_participation_wave_id_user_id_pk" PRIMARY KEY("wave_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"role_band" text NOT NULL,
	"submitted_on" date NOT NULL,
	"answers" integer[] NOT NULL,
	"free_text" text
);
--> statement-breakpoint
CREATE TABLE "survey_results" (
	"district_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"node" text NOT NULL,
	"role" text NOT NULL,
	"parent" text,
	"payload" jsonb NOT NULL,
	CONSTRAINT "survey_results_wave_id_node_role_pk" PRIMARY KEY("wave_id","node","role")
);
--> statement-breakpoint
CREATE TABLE "survey_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"instrument" jsonb NOT NULL,
	"invite" text NOT NULL,
	"link_hash" text,
	"frame" jsonb NOT NULL,
	"threshold" integer DEFAULT 5 NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"invited_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_waves_link_hash_unique" UNIQUE("link_hash"),
	CONSTRAINT "survey_waves_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "meeting_pulse_participation" ADD CONSTRAINT "meeting_pulse_participation_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_pulse_participation" ADD CONSTRAINT "meeting_pulse_participation_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_pulse_responses" ADD CONSTRAINT "meeting_pulse_responses_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_pulse_responses" ADD CONSTRAINT "meeting_pulse_responses_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_instruments" ADD CONSTRAINT "survey_instruments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_link_uses" ADD CONSTRAINT "survey_link_uses_district_id_wave_id_survey_waves_district_id_id_fk" FOREIGN KEY ("district_id","wave_id") REFERENCES "public"."survey_waves"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participation" ADD CONSTRAINT "survey_participation_district_id_wave_id_survey_waves_district_id_id_fk" FOREIGN KEY ("district_id","wave_id") REFERENCES "public"."survey_waves"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participation" ADD CONSTRAINT "survey_participation_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_district_id_wave_id_survey_waves_district_id_id_fk" FOREIGN KEY ("district_id","wave_id") REFERENCES "public"."survey_waves"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_results" ADD CONSTRAINT "survey_results_district_id_wave_id_survey_waves_district_id_id_fk" FOREIGN KEY ("district_id","wave_id") REFERENCES "public"."survey_waves"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_pulse_responses_team" ON "meeting_pulse_responses" USING btree ("district_id","group_id");--> statement-breakpoint
CREATE INDEX "survey_responses_wave" ON "survey_responses" USING btree ("district_id","wave_id");--> statement-breakpoint
CREATE INDEX "survey_results_parent" ON "survey_results" USING btree ("district_id","wave_id","role","parent");--> statement-breakpoint
CREATE INDEX "survey_waves_open" ON "survey_waves" USING btree ("closes_on") WHERE closed_at is null;