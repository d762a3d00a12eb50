CREATE TABLE "digest_subscriptions" (
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"weekly" boolean DEFAULT false NOT NULL,
	"token_hash" text,
	"previous_token_hash" text,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_subscriptions_district_id_user_id_pk" PRIMARY KEY("district_id","user_id"),
	CONSTRAINT "digest_subscriptions_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "digest_subscriptions_previous_token_hash_unique" UNIQUE("previous_token_hash")
);
--> statement-breakpoint
CREATE TABLE "team_visits" (
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"since" timestamp with time zone,
	CONSTRAINT "team_visits_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "digest_subscriptions" ADD CONSTRAINT "digest_subscriptions_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_district_id_group_id_groups_district_id_id_fk" FOREIGN KEY ("district_id","group_id") REFERENCES "public"."groups"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "digest_subscriptions_due" ON "digest_subscriptions" USING btree ("last_sent_at") WHERE weekly;