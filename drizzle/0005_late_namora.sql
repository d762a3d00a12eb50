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
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_district_id_invited_by_users_district_id_id_fk" FOREIGN KEY ("district_id","invited_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plans" ADD CONSTRAINT "meeting_plans_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plans" ADD CONSTRAINT "meeting_plans_district_id_model_id_users_district_id_id_fk" FOREIGN KEY ("district_id","model_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plans" ADD CONSTRAINT "meeting_plans_district_id_updated_by_users_district_id_id_fk" FOREIGN KEY ("district_id","updated_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_notes" ADD CONSTRAINT "visit_notes_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_notes" ADD CONSTRAINT "visit_notes_district_id_author_id_users_district_id_id_fk" FOREIGN KEY ("district_id","author_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_invitees_person" ON "meeting_invitees" USING btree ("district_id","user_id");--> statement-breakpoint
CREATE INDEX "meeting_plans_district" ON "meeting_plans" USING btree ("district_id","meeting_id");--> statement-breakpoint
CREATE INDEX "visit_notes_district" ON "visit_notes" USING btree ("district_id","meeting_id");