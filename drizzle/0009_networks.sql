CREATE TABLE "book_reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"visibility" text NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "book_reflections_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "book_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"pages" text DEFAULT '' NOT NULL,
	"read_by" date NOT NULL,
	"session_at" text,
	"routine_id" text,
	"prompts" jsonb NOT NULL,
	"meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "book_sections_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "book_studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"authors" jsonb NOT NULL,
	"isbn" text,
	"created_by" uuid NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "book_studies_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "cohort_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"focus_area" text,
	"focus_text" text,
	"goal" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_cycles_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "colleague_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"pair_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "colleague_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"member_a" uuid NOT NULL,
	"member_b" uuid NOT NULL,
	"fit" integer NOT NULL,
	"status" text NOT NULL,
	"accepted_a" timestamp with time zone,
	"accepted_b" timestamp with time zone,
	"check_in_every_weeks" integer,
	"next_check_in_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "colleague_pairs_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "colleague_profiles" (
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"home_district_id" uuid NOT NULL,
	"region_key" text NOT NULL,
	"profile" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "colleague_profiles_district_id_user_id_pk" PRIMARY KEY("district_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "network_affiliations" (
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"network_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_affiliations_district_id_user_id_network_id_pk" PRIMARY KEY("district_id","user_id","network_id")
);
--> statement-breakpoint
CREATE TABLE "network_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "network_invitations_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "network_join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"home_district_id" uuid NOT NULL,
	"home_user_id" uuid NOT NULL,
	"shown_name" text NOT NULL,
	"shown_school" text DEFAULT '' NOT NULL,
	"shown_district" text DEFAULT '' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_join_requests_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"home_district_id" uuid NOT NULL,
	"home_user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"shown_school" text DEFAULT '' NOT NULL,
	"shown_district" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "network_members_district_id_user_id_pk" PRIMARY KEY("district_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'unlisted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professional_organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"shipped_slug" text,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"scope" text NOT NULL,
	"state" text,
	"audience" text NOT NULL,
	"offers" text NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "professional_organizations_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "kind" text DEFAULT 'district' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "kind" text DEFAULT 'account' NOT NULL;--> statement-breakpoint
ALTER TABLE "book_reflections" ADD CONSTRAINT "book_reflections_district_id_section_id_book_sections_district_id_id_fk" FOREIGN KEY ("district_id","section_id") REFERENCES "public"."book_sections"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_reflections" ADD CONSTRAINT "book_reflections_district_id_author_id_users_district_id_id_fk" FOREIGN KEY ("district_id","author_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_sections" ADD CONSTRAINT "book_sections_district_id_study_id_book_studies_district_id_id_fk" FOREIGN KEY ("district_id","study_id") REFERENCES "public"."book_studies"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_sections" ADD CONSTRAINT "book_sections_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_studies" ADD CONSTRAINT "book_studies_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_studies" ADD CONSTRAINT "book_studies_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_cycles" ADD CONSTRAINT "cohort_cycles_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_notes" ADD CONSTRAINT "colleague_notes_district_id_pair_id_colleague_pairs_district_id_id_fk" FOREIGN KEY ("district_id","pair_id") REFERENCES "public"."colleague_pairs"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_notes" ADD CONSTRAINT "colleague_notes_district_id_author_id_users_district_id_id_fk" FOREIGN KEY ("district_id","author_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_pairs" ADD CONSTRAINT "colleague_pairs_district_id_member_a_users_district_id_id_fk" FOREIGN KEY ("district_id","member_a") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_pairs" ADD CONSTRAINT "colleague_pairs_district_id_member_b_users_district_id_id_fk" FOREIGN KEY ("district_id","member_b") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_profiles" ADD CONSTRAINT "colleague_profiles_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_affiliations" ADD CONSTRAINT "network_affiliations_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_invitations" ADD CONSTRAINT "network_invitations_district_id_invited_by_users_district_id_id_fk" FOREIGN KEY ("district_id","invited_by") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_join_requests" ADD CONSTRAINT "network_join_requests_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_organizations" ADD CONSTRAINT "professional_organizations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "book_reflections_section" ON "book_reflections" USING btree ("district_id","section_id");--> statement-breakpoint
CREATE INDEX "book_sections_study" ON "book_sections" USING btree ("district_id","study_id");--> statement-breakpoint
CREATE INDEX "book_studies_group" ON "book_studies" USING btree ("district_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_cycles_number" ON "cohort_cycles" USING btree ("district_id","group_id","number");--> statement-breakpoint
CREATE INDEX "colleague_notes_pair" ON "colleague_notes" USING btree ("district_id","pair_id");--> statement-breakpoint
CREATE INDEX "colleague_pairs_a" ON "colleague_pairs" USING btree ("district_id","member_a");--> statement-breakpoint
CREATE INDEX "colleague_pairs_b" ON "colleague_pairs" USING btree ("district_id","member_b");--> statement-breakpoint
CREATE INDEX "network_invitations_district" ON "network_invitations" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_join_requests_pending" ON "network_join_requests" USING btree ("district_id","home_user_id") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "network_members_home" ON "network_members" USING btree ("district_id","home_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "professional_organizations_shipped" ON "professional_organizations" USING btree ("district_id","shipped_slug");--> statement-breakpoint
CREATE UNIQUE INDEX "districts_one_exchange" ON "districts" USING btree ("kind") WHERE kind = 'exchange';