-- A meeting runs an agenda of one or more routines. Existing meetings become one-routine agendas.
ALTER TABLE "meetings" ADD COLUMN "agenda" jsonb;--> statement-breakpoint
UPDATE "meetings" SET "agenda" = jsonb_build_array(jsonb_build_object('routineId', "routine_id", 'routineVersion', "routine_version", 'routineName', "routine_name", 'minutes', "total_minutes"));--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "agenda" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "routine_id";--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "routine_version";--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "routine_name";
