CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"group_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "calendar_feeds_owner" UNIQUE NULLS NOT DISTINCT("district_id","user_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_invitees" (
	"district_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_invitees_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_plans" (
	"district_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"part" integer NOT NULL,
	"curiosity" text NOT NULL,
	"practice" text NOT NULL,
	"model_id" uuid,
	"mode" text NOT NULL,
	"modeling_at" timestamp with time zone,
	"video_url" text,
	"from_meeting_id" uuid,
	"from_part" integer,
	"from_title" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_plans_meeting_id_part_pk" PRIMARY KEY("meeting_id","part")
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"agenda" jsonb NOT NULL,
	"total_minutes" integer NOT NULL,
	"weekday" integer NOT NULL,
	"local_time" text NOT NULL,
	"interval_weeks" integer DEFAULT 1 NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	"skip_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_zone" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_series_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "routine_library" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid,
	"group_id" uuid NOT NULL,
	"routine_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"author_id" uuid NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "routine_library_version" UNIQUE("district_id","routine_id","version")
);
--> statement-breakpoint
CREATE TABLE "visit_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_notes_district_id_id" UNIQUE("district_id","id"),
	CONSTRAINT "visit_notes_author" UNIQUE("meeting_id","author_id")
);
--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "time_zone" text DEFAULT 'America/New_York' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "occurrence_date" date;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_district_id_invited_by_users_district_id_id_fk" FOREIGN KEY ("district_id","invited_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plans" ADD CONSTRAINT "meeting_plans_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plans" ADD CONSTRAINT "meeting_plans_district_id_model_id_users_district_id_id_fk" FOREIGN KEY ("district_id","model_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plans" ADD CONSTRAINT "meeting_plans_district_id_updated_by_users_district_id_id_fk" FOREIGN KEY ("district_id","updated_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_library" ADD CONSTRAINT "routine_library_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_library" ADD CONSTRAINT "routine_library_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_library" ADD CONSTRAINT "routine_library_district_id_author_id_users_district_id_id_fk" FOREIGN KEY ("district_id","author_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_notes" ADD CONSTRAINT "visit_notes_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_notes" ADD CONSTRAINT "visit_notes_district_id_author_id_users_district_id_id_fk" FOREIGN KEY ("district_id","author_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_invitees_person" ON "meeting_invitees" USING btree ("district_id","user_id");--> statement-breakpoint
CREATE INDEX "meeting_plans_district" ON "meeting_plans" USING btree ("district_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_series_group" ON "meeting_series" USING btree ("district_id","group_id");--> statement-breakpoint
CREATE INDEX "visit_notes_district" ON "visit_notes" USING btree ("district_id","meeting_id");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_district_id_series_id_meeting_series_district_id_id_fk" FOREIGN KEY ("district_id","series_id") REFERENCES "public"."meeting_series"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_series_date" ON "meetings" USING btree ("series_id","occurrence_date");