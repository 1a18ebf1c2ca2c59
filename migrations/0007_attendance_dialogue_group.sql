ALTER TABLE "anonymous_attendances" ADD COLUMN "dialogue_group" text;--> statement-breakpoint
ALTER TABLE "attendances" ADD COLUMN "dialogue_group" text;--> statement-breakpoint
UPDATE "attendances" SET "dialogue_group" = d."dialogue_group" FROM "dialogue_sessions" d WHERE d."activity_id" = "attendances"."activity_id";--> statement-breakpoint
UPDATE "anonymous_attendances" SET "dialogue_group" = d."dialogue_group" FROM "dialogue_sessions" d WHERE d."activity_id" = "anonymous_attendances"."activity_id";
