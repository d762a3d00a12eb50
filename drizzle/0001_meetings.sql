CREATE TABLE "meeting_events" (
	"district_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"v" integer NOT NULL,
	"at" bigint NOT NULL,
	"actor_id" text NOT NULL,
	"idempotency_key" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_events_meeting_id_seq_pk" PRIMARY KEY("meeting_id","seq")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scheduled_for" timestamp with time zone,
	"routine_id" text NOT NULL,
	"routine_version" integer NOT NULL,
	"routine_name" text NOT NULL,
	"total_minutes" integer NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"join_code" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meetings_join_code_unique" UNIQUE("join_code"),
	CONSTRAINT "meetings_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "team_routines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"routine_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_routines_version" UNIQUE("group_id","routine_id","version")
);
--> statement-breakpoint
ALTER TABLE "meeting_events" ADD CONSTRAINT "meeting_events_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_routines" ADD CONSTRAINT "team_routines_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_routines" ADD CONSTRAINT "team_routines_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_events_idempotency" ON "meeting_events" USING btree ("meeting_id","actor_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "meetings_group" ON "meetings" USING btree ("district_id","group_id");