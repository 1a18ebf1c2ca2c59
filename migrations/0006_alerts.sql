CREATE TABLE "alert_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"area_id" text NOT NULL,
	"area_path" text NOT NULL,
	"level" text NOT NULL,
	"category" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"observed" integer NOT NULL,
	"expected" double precision NOT NULL,
	"score" double precision NOT NULL,
	"series" jsonb NOT NULL,
	"labelled_by" uuid,
	"labelled_by_label" text NOT NULL,
	"labelled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_labels_outcome_check" CHECK ("alert_labels"."outcome" in ('dismissed','actioned'))
);
--> statement-breakpoint
CREATE TABLE "alert_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" text NOT NULL,
	"area_path" text NOT NULL,
	"level" text NOT NULL,
	"category" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"observed" integer NOT NULL,
	"expected" double precision NOT NULL,
	"score" double precision NOT NULL,
	"report_ids" uuid[] NOT NULL,
	"explanation_en" text NOT NULL,
	"explanation_sw" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_by_label" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_by_label" text,
	"action_note" text,
	"dismiss_reason" text,
	CONSTRAINT "alerts_status_check" CHECK ("alerts"."status" in ('new','acknowledged','actioned','dismissed')),
	CONSTRAINT "alerts_level_check" CHECK ("alerts"."level" in ('ward','sub_county','county')),
	CONSTRAINT "alerts_dismiss_reason_check" CHECK ("alerts"."status" <> 'dismissed' or "alerts"."dismiss_reason" is not null),
	CONSTRAINT "alerts_period_check" CHECK ("alerts"."period_start" <= "alerts"."period_end")
);
--> statement-breakpoint
ALTER TABLE "alert_labels" ADD CONSTRAINT "alert_labels_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_labels_labelled_idx" ON "alert_labels" USING btree ("labelled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_notifications_user_alert_idx" ON "alert_notifications" USING btree ("user_id","alert_id");--> statement-breakpoint
CREATE INDEX "alert_notifications_user_idx" ON "alert_notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_episode_idx" ON "alerts" USING btree ("area_id","category","period_start");--> statement-breakpoint
CREATE INDEX "alerts_latest_idx" ON "alerts" USING btree ("area_id","category","period_end");--> statement-breakpoint
CREATE INDEX "alerts_area_path_idx" ON "alerts" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "alerts_status_raised_idx" ON "alerts" USING btree ("status","raised_at");