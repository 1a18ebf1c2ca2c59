CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gateway" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"payload_sealed" text NOT NULL,
	"sender_index" text,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text,
	"report_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "inbound_gateway_check" CHECK ("inbound_messages"."gateway" in ('africastalking','twilio')),
	CONSTRAINT "inbound_kind_check" CHECK ("inbound_messages"."kind" in ('sms','ussd'))
);
--> statement-breakpoint
CREATE TABLE "sms_opt_outs" (
	"phone_index" text PRIMARY KEY NOT NULL,
	"opted_out_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient_sealed" text NOT NULL,
	"recipient_index" text NOT NULL,
	"body" text NOT NULL,
	"purpose" text NOT NULL,
	"report_id" uuid,
	"dedupe_key" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"provider_message_id" text,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbound_channel_check" CHECK ("outbound_messages"."channel" in ('sms')),
	CONSTRAINT "outbound_status_check" CHECK ("outbound_messages"."status" in ('pending','sending','sent','failed','uncertain','suppressed'))
);
--> statement-breakpoint
CREATE TABLE "report_additions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"text" text NOT NULL,
	"inbound_message_id" uuid,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"channel" text NOT NULL,
	"text" text NOT NULL,
	"locale" text NOT NULL,
	"category" text,
	"urgency" text,
	"place_id" text,
	"place_path" text,
	"place_text" text,
	"occurred_at" timestamp with time zone,
	"occurred_at_precision" text DEFAULT 'unknown' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"contact_sealed" text,
	"contact_name_sealed" text,
	"reporter_index" text,
	"inbound_message_id" uuid,
	"pin_hash" text,
	"pin_failures" integer DEFAULT 0 NOT NULL,
	"pin_locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reports_channel_check" CHECK ("reports"."channel" in ('web','sms','ussd','staff')),
	CONSTRAINT "reports_locale_check" CHECK ("reports"."locale" in ('en','sw'))
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_status_check" CHECK ("jobs"."status" in ('queued','running','done','dead'))
);
--> statement-breakpoint
ALTER TABLE "report_additions" ADD CONSTRAINT "report_additions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_gateway_external_idx" ON "inbound_messages" USING btree ("gateway","external_id");--> statement-breakpoint
CREATE INDEX "inbound_unprocessed_idx" ON "inbound_messages" USING btree ("received_at") WHERE "inbound_messages"."processed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_dedupe_idx" ON "outbound_messages" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "outbound_due_idx" ON "outbound_messages" USING btree ("next_attempt_at") WHERE "outbound_messages"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbound_report_idx" ON "outbound_messages" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_additions_report_idx" ON "report_additions" USING btree ("report_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_additions_inbound_idx" ON "report_additions" USING btree ("inbound_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_reference_idx" ON "reports" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_inbound_idx" ON "reports" USING btree ("inbound_message_id");--> statement-breakpoint
CREATE INDEX "reports_received_idx" ON "reports" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_index","received_at");--> statement-breakpoint
CREATE INDEX "reports_place_path_idx" ON "reports" USING btree ("place_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_idx" ON "jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."status" = 'queued';