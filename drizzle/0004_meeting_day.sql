CREATE TABLE "meeting_guests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "meeting_guests_secret_hash_unique" UNIQUE("secret_hash"),
	CONSTRAINT "meeting_guests_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "auto_start_timer" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_guests" ADD CONSTRAINT "meeting_guests_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_guests" ADD CONSTRAINT "meeting_guests_district_id_decided_by_users_district_id_id_fk" FOREIGN KEY ("district_id","decided_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_guests_meeting" ON "meeting_guests" USING btree ("district_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_events_actor" ON "meeting_events" USING btree ("district_id","actor_id","type");