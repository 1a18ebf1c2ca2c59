CREATE TABLE "report_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"category" text,
	"urgency" text,
	"place_id" text,
	"place_path" text,
	"reason" text,
	"notes" text,
	"duplicate_of_id" uuid,
	"decided_by" uuid,
	"decided_by_label" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_decisions_action_check" CHECK ("report_decisions"."action" in ('verify','correct','reject','duplicate','reopen'))
);
--> statement-breakpoint
CREATE TABLE "report_triage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"category" text NOT NULL,
	"urgency" text NOT NULL,
	"place_id" text,
	"place_path" text,
	"category_confidence" real NOT NULL,
	"urgency_confidence" real NOT NULL,
	"place_confidence" real NOT NULL,
	"evidence" jsonb NOT NULL,
	"input_parts" jsonb NOT NULL,
	"input_hash" text NOT NULL,
	"engine_version" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triage_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"text" text NOT NULL,
	"locale" text NOT NULL,
	"guessed_category" text NOT NULL,
	"guessed_urgency" text NOT NULL,
	"guessed_place_id" text,
	"category" text NOT NULL,
	"urgency" text NOT NULL,
	"place_id" text,
	"corrected" boolean NOT NULL,
	"engine_version" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "guess_category" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "guess_urgency" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "guess_place_id" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "guess_place_path" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "triaged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "decided_category" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "decided_urgency" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "decided_place_id" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "decided_place_path" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "duplicate_of_id" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "effective_category" text GENERATED ALWAYS AS (coalesce(decided_category, category, guess_category)) STORED;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "effective_urgency" text GENERATED ALWAYS AS (coalesce(decided_urgency, urgency, guess_urgency)) STORED;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "effective_place_id" text GENERATED ALWAYS AS (coalesce(decided_place_id, place_id, guess_place_id)) STORED;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "effective_place_path" text GENERATED ALWAYS AS (coalesce(decided_place_path, place_path, guess_place_path)) STORED;--> statement-breakpoint
ALTER TABLE "report_decisions" ADD CONSTRAINT "report_decisions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_triage" ADD CONSTRAINT "report_triage_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_labels" ADD CONSTRAINT "triage_labels_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_labels" ADD CONSTRAINT "triage_labels_decision_id_report_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."report_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_decisions_report_idx" ON "report_decisions" USING btree ("report_id","decided_at");--> statement-breakpoint
CREATE INDEX "report_triage_report_idx" ON "report_triage" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "triage_labels_created_idx" ON "triage_labels" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reports_effective_path_idx" ON "reports" USING btree ("effective_place_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "reports_status_received_idx" ON "reports" USING btree ("status","received_at");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('new','triaged','verified','rejected','duplicate'));