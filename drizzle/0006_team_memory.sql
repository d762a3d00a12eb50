CREATE TABLE "memory_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"meeting_id" uuid,
	"part" integer,
	"author_id" uuid,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"grade" text,
	"subject" text,
	"strategy" text,
	"student_group" text,
	"status" text,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"from_dilemma_id" uuid,
	"inspired_by_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memory_records_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "memory_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid,
	"scope" text NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"proposed_by" uuid NOT NULL,
	"author_consent_at" timestamp with time zone,
	"team_consent_by" uuid,
	"team_consent_at" timestamp with time zone,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memory_shares_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid,
	"school_id" uuid,
	"visibility" text NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"lang" "regconfig" DEFAULT 'english'::regconfig NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(lang, coalesce(title, '')), 'A') || setweight(to_tsvector(lang, coalesce(body, '')), 'B')) STORED NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "memory_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memory_records" ADD CONSTRAINT "memory_records_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_records" ADD CONSTRAINT "memory_records_district_id_meeting_id_meetings_district_id_id_fk" FOREIGN KEY ("district_id","meeting_id") REFERENCES "public"."meetings"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_records" ADD CONSTRAINT "memory_records_district_id_author_id_users_district_id_id_fk" FOREIGN KEY ("district_id","author_id") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_records" ADD CONSTRAINT "memory_records_district_id_resolved_by_users_district_id_id_fk" FOREIGN KEY ("district_id","resolved_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_records" ADD CONSTRAINT "memory_records_district_id_created_by_users_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_shares" ADD CONSTRAINT "memory_shares_district_id_record_id_memory_records_district_id_id_fk" FOREIGN KEY ("district_id","record_id") REFERENCES "public"."memory_records"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_shares" ADD CONSTRAINT "memory_shares_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_shares" ADD CONSTRAINT "memory_shares_district_id_proposed_by_users_district_id_id_fk" FOREIGN KEY ("district_id","proposed_by") REFERENCES "public"."users"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "memory_records_meeting_part" ON "memory_records" USING btree ("meeting_id","part");--> statement-breakpoint
CREATE INDEX "memory_records_group" ON "memory_records" USING btree ("district_id","group_id","kind","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "memory_shares_record" ON "memory_shares" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "memory_shares_scope" ON "memory_shares" USING btree ("district_id","scope","school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "search_documents_source" ON "search_documents" USING btree ("district_id","kind","source_id");--> statement-breakpoint
CREATE INDEX "search_documents_tsv" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_team" ON "search_documents" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "search_documents_school" ON "search_documents" USING btree ("district_id","school_id") WHERE visibility = 'school';--> statement-breakpoint
CREATE INDEX "search_documents_district" ON "search_documents" USING btree ("district_id") WHERE visibility = 'district';