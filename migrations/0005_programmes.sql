CREATE TABLE "action_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"owner" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "action_points_status_check" CHECK ("action_points"."status" in ('open','kept','dropped'))
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text,
	"held_on" date NOT NULL,
	"place_id" text NOT NULL,
	"place_path" text NOT NULL,
	"notes" text,
	"peace_action_kind" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activities_type_check" CHECK ("activities"."type" in ('dialogue_session','peace_action','police_cafe','community_baraza','training','cef_meeting','leadership_forum','inception_meeting','sensitisation_workshop','station_visit','online_campaign','mapping_exercise'))
);
--> statement-breakpoint
CREATE TABLE "dialogue_sessions" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"dialogue_group" text NOT NULL,
	"facilitators" text[] DEFAULT '{}'::text[] NOT NULL,
	"officials_present" text[] DEFAULT '{}'::text[] NOT NULL,
	"officers_unarmed" boolean,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"issues_raised" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "dialogue_sessions_group_check" CHECK ("dialogue_sessions"."dialogue_group" in ('youth','women','men','cross_learning','mixed'))
);
--> statement-breakpoint
CREATE TABLE "anonymous_attendances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"activity_type" text NOT NULL,
	"held_on" date NOT NULL,
	"place_path" text NOT NULL,
	"gender" text NOT NULL,
	"age_band" text NOT NULL,
	"role" text NOT NULL,
	"disability" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "anonymous_attendances_count_check" CHECK ("anonymous_attendances"."count" > 0)
);
--> statement-breakpoint
CREATE TABLE "attendances" (
	"activity_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"activity_type" text NOT NULL,
	"held_on" date NOT NULL,
	"place_path" text NOT NULL,
	CONSTRAINT "attendances_activity_id_participant_id_pk" PRIMARY KEY("activity_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_sealed" text,
	"phone_sealed" text,
	"name_index" text,
	"phone_index" text,
	"name_prefixes" text[] DEFAULT '{}'::text[] NOT NULL,
	"gender" text NOT NULL,
	"age_band" text NOT NULL,
	"disability" text NOT NULL,
	"role" text NOT NULL,
	"affiliation" text,
	"place_id" text NOT NULL,
	"place_path" text NOT NULL,
	"consent_purposes" text[] NOT NULL,
	"consent_given_on" date NOT NULL,
	"consent_withdrawn_at" timestamp with time zone,
	"merged_into" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "participants_gender_check" CHECK ("participants"."gender" in ('female','male','other','undisclosed')),
	CONSTRAINT "participants_age_band_check" CHECK ("participants"."age_band" in ('under_18','18_24','25_34','35_49','50_64','65_plus','unknown')),
	CONSTRAINT "participants_disability_check" CHECK ("participants"."disability" in ('yes','no','unknown')),
	CONSTRAINT "participants_role_check" CHECK ("participants"."role" in ('community','police','government','cso'))
);
--> statement-breakpoint
CREATE TABLE "indicator_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "indicator_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"value" double precision NOT NULL,
	"evidence" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"place_id" text NOT NULL,
	"place_path" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"result_id" uuid,
	"code" text,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"baseline" double precision DEFAULT 0 NOT NULL,
	"unit" text,
	"activity_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"disaggregations" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_indicators_type_check" CHECK ("project_indicators"."type" in ('activity_count','unique_participants','attendances','survey_based','commitments_kept','manual'))
);
--> statement-breakpoint
CREATE TABLE "project_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "project_results_kind_check" CHECK ("project_results"."kind" in ('objective','output'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"goal" text,
	"place_id" text NOT NULL,
	"place_path" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_points" ADD CONSTRAINT "action_points_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_attendances" ADD CONSTRAINT "anonymous_attendances_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_entries" ADD CONSTRAINT "indicator_entries_indicator_id_project_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."project_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_project_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."project_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_result_id_project_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."project_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_results" ADD CONSTRAINT "project_results_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_points_activity_idx" ON "action_points" USING btree ("activity_id","position");--> statement-breakpoint
CREATE INDEX "activities_project_idx" ON "activities" USING btree ("project_id","held_on");--> statement-breakpoint
CREATE INDEX "activities_org_idx" ON "activities" USING btree ("organisation_id","held_on");--> statement-breakpoint
CREATE INDEX "activities_place_path_idx" ON "activities" USING btree ("place_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "anonymous_attendances_project_idx" ON "anonymous_attendances" USING btree ("project_id","held_on");--> statement-breakpoint
CREATE INDEX "anonymous_attendances_activity_idx" ON "anonymous_attendances" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "attendances_project_idx" ON "attendances" USING btree ("project_id","held_on","participant_id");--> statement-breakpoint
CREATE INDEX "attendances_participant_idx" ON "attendances" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_code_idx" ON "participants" USING btree ("code");--> statement-breakpoint
CREATE INDEX "participants_name_idx" ON "participants" USING btree ("organisation_id","name_index");--> statement-breakpoint
CREATE INDEX "participants_phone_idx" ON "participants" USING btree ("organisation_id","phone_index");--> statement-breakpoint
CREATE INDEX "participants_prefixes_idx" ON "participants" USING gin ("name_prefixes");--> statement-breakpoint
CREATE INDEX "participants_place_path_idx" ON "participants" USING btree ("place_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "indicator_entries_indicator_idx" ON "indicator_entries" USING btree ("indicator_id","as_of");--> statement-breakpoint
CREATE INDEX "indicator_targets_indicator_idx" ON "indicator_targets" USING btree ("indicator_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_org_name_idx" ON "programmes" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "project_indicators_project_idx" ON "project_indicators" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_results_project_idx" ON "project_results" USING btree ("project_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_programme_name_idx" ON "projects" USING btree ("programme_id","name");--> statement-breakpoint
CREATE INDEX "projects_org_idx" ON "projects" USING btree ("organisation_id");