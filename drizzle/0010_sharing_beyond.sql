CREATE TABLE "share_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"link" text,
	"image" "bytea",
	"image_type" text,
	"image_alt" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_cards_district_id_id" UNIQUE("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "share_helped" (
	"district_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_helped_district_id_share_id_user_id_pk" PRIMARY KEY("district_id","share_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "share_cards" ADD CONSTRAINT "share_cards_district_id_share_id_memory_shares_district_id_id_fk" FOREIGN KEY ("district_id","share_id") REFERENCES "public"."memory_shares"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_cards" ADD CONSTRAINT "share_cards_district_id_author_id_users_district_id_id_fk" FOREIGN KEY ("district_id","author_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_helped" ADD CONSTRAINT "share_helped_district_id_share_id_memory_shares_district_id_id_fk" FOREIGN KEY ("district_id","share_id") REFERENCES "public"."memory_shares"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_helped" ADD CONSTRAINT "share_helped_district_id_user_id_users_district_id_id_fk" FOREIGN KEY ("district_id","user_id") REFERENCES "public"."users"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "share_cards_share" ON "share_cards" USING btree ("district_id","share_id");