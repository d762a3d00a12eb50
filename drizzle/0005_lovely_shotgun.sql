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
ALTER TABLE "routine_library" ADD CONSTRAINT "routine_library_district_id_school_id_schools_district_id_id_fk" FOREIGN KEY ("district_id","school_id") REFERENCES "public"."schools"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_library" ADD CONSTRAINT "routine_library_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_library" ADD CONSTRAINT "routine_library_district_id_author_id_users_district_id_id_fk" FOREIGN KEY ("district_id","author_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;