ALTER TABLE "schools" ADD COLUMN "roster_sourced_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "roster_sourced_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "schools_roster_sourced_id" ON "schools" USING btree ("district_id","roster_sourced_id") WHERE roster_sourced_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_roster_sourced_id" ON "users" USING btree ("district_id","roster_sourced_id") WHERE roster_sourced_id IS NOT NULL;