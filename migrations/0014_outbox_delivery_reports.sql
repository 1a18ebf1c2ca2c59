ALTER TABLE "outbound_messages" ADD COLUMN "provider" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "delivery_outcome" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "delivery_failure_reason" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "delivery_reported_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbound_provider_message_idx" ON "outbound_messages" USING btree ("provider","provider_message_id");--> statement-breakpoint
CREATE INDEX "outbound_uncertain_recipient_idx" ON "outbound_messages" USING btree ("recipient_index") WHERE "outbound_messages"."status" = 'uncertain';--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_delivery_outcome_check" CHECK ("outbound_messages"."delivery_outcome" is null or "outbound_messages"."delivery_outcome" in ('pending','delivered','failed'));