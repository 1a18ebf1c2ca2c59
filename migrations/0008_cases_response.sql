CREATE TABLE "case_assignments" (
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"reasons" jsonb NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "case_assignments_case_id_unit_id_pk" PRIMARY KEY("case_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "case_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"notes" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text
);
--> statement-breakpoint
CREATE TABLE "case_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"resident_status" text NOT NULL,
	"locale" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "case_feedback_status_check" CHECK ("case_feedback"."status" in ('pending_approval','queued','discarded'))
);
--> statement-breakpoint
CREATE TABLE "case_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due" text,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"dedupe_key" text NOT NULL,
	CONSTRAINT "case_notifications_kind_check" CHECK ("case_notifications"."kind" in ('assigned','reminder','escalated'))
);
--> statement-breakpoint
CREATE TABLE "case_reports" (
	"case_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_reports_case_id_report_id_pk" PRIMARY KEY("case_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"category" text NOT NULL,
	"urgency" text NOT NULL,
	"place_id" text,
	"place_path" text,
	"status" text DEFAULT 'open' NOT NULL,
	"close_reason" text,
	"conflict_of_interest" boolean DEFAULT false NOT NULL,
	"owner_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"first_action_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"acknowledge_due_at" timestamp with time zone NOT NULL,
	"action_due_at" timestamp with time zone NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('open','acknowledged','in_progress','resolved','closed_no_action'))
);
--> statement-breakpoint
CREATE TABLE "responder_members" (
	"unit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"supervisor" boolean DEFAULT false NOT NULL,
	"phone_sealed" text,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "responder_members_unit_id_user_id_pk" PRIMARY KEY("unit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "responder_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_place_ids" text[] NOT NULL,
	"area_paths" text[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "responder_units_kind_check" CHECK ("responder_units"."kind" in ('police_station','chief','peace_committee','cef','county_inspectorate','oversight','counsellor','programme'))
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"place_id" text,
	"place_path" text,
	"target_kinds" text[] NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_unit_id_responder_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."responder_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_feedback" ADD CONSTRAINT "case_feedback_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_feedback" ADD CONSTRAINT "case_feedback_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notifications" ADD CONSTRAINT "case_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notifications" ADD CONSTRAINT "case_notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reports" ADD CONSTRAINT "case_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reports" ADD CONSTRAINT "case_reports_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responder_members" ADD CONSTRAINT "responder_members_unit_id_responder_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."responder_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responder_members" ADD CONSTRAINT "responder_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responder_units" ADD CONSTRAINT "responder_units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assignments_unit_idx" ON "case_assignments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_dedupe_idx" ON "case_events" USING btree ("dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "case_feedback_report_status_idx" ON "case_feedback" USING btree ("report_id","resident_status");--> statement-breakpoint
CREATE INDEX "case_feedback_case_idx" ON "case_feedback" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_notifications_user_idx" ON "case_notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_notifications_dedupe_idx" ON "case_notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "case_reports_report_idx" ON "case_reports" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_idx" ON "cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "cases_place_path_idx" ON "cases" USING btree ("place_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_status_opened_idx" ON "cases" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "responder_members_user_idx" ON "responder_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "responder_units_org_idx" ON "responder_units" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "routing_rules_priority_idx" ON "routing_rules" USING btree ("priority");