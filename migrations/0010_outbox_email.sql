ALTER TABLE "outbound_messages" DROP CONSTRAINT "outbound_channel_check";--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_channel_check" CHECK ("outbound_messages"."channel" in ('sms','email'));