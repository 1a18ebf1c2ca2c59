CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"filename_sealed" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_sealed" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attachments_owner_kind_check" CHECK ("attachments"."owner_kind" in ('case_event','activity','impact_story','indicator_entry'))
);
--> statement-breakpoint
CREATE TABLE "referral_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"note_sealed" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"place_id" text NOT NULL,
	"place_path" text NOT NULL,
	"participant_id" uuid,
	"name_sealed" text,
	"phone_sealed" text,
	"gender" text NOT NULL,
	"age_band" text NOT NULL,
	"type" text NOT NULL,
	"subtype" text,
	"reason_sealed" text NOT NULL,
	"notes_sealed" text,
	"consent_given_at" timestamp with time zone NOT NULL,
	"referrer_id" uuid NOT NULL,
	"counsellor_id" uuid NOT NULL,
	"status" text DEFAULT 'made' NOT NULL,
	"status_reason_sealed" text,
	"referred_on" date NOT NULL,
	"next_follow_up_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referrals_person_check" CHECK ("referrals"."participant_id" is not null or "referrals"."name_sealed" is not null),
	CONSTRAINT "referrals_type_check" CHECK ("referrals"."type" in ('trauma_counselling','reintegration_support','gbv_support','other')),
	CONSTRAINT "referrals_subtype_check" CHECK (("referrals"."type" = 'reintegration_support') = ("referrals"."subtype" is not null) and ("referrals"."subtype" is null or "referrals"."subtype" in ('leaving_gang','returnee','other'))),
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('made','accepted','in_support','completed','declined','lost_to_follow_up')),
	CONSTRAINT "referrals_gender_check" CHECK ("referrals"."gender" in ('female','male','other','undisclosed')),
	CONSTRAINT "referrals_age_band_check" CHECK ("referrals"."age_band" in ('under_18','18_24','25_34','35_49','50_64','65_plus','unknown'))
);
--> statement-breakpoint
CREATE TABLE "impact_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"place_path" text NOT NULL,
	"title" text NOT NULL,
	"narrative_sealed" text NOT NULL,
	"language" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_comment" text,
	"author_id" uuid,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"consent_given_by_sealed" text,
	"consent_method" text,
	"consent_witness_sealed" text,
	"consent_given_on" date,
	"consent_scope" text,
	"consent_recorded_by" uuid,
	"consent_withdrawn_at" timestamp with time zone,
	"consent_withdrawal_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "impact_stories_status_check" CHECK ("impact_stories"."status" in ('draft','submitted','approved','returned')),
	CONSTRAINT "impact_stories_language_check" CHECK ("impact_stories"."language" in ('sw','en','other')),
	CONSTRAINT "impact_stories_consent_method_check" CHECK ("impact_stories"."consent_method" is null or "impact_stories"."consent_method" in ('written','verbal_witnessed')),
	CONSTRAINT "impact_stories_consent_scope_check" CHECK ("impact_stories"."consent_scope" is null or "impact_stories"."consent_scope" in ('internal','donor_reports','public'))
);
--> statement-breakpoint
CREATE TABLE "impact_story_action_points" (
	"story_id" uuid NOT NULL,
	"action_point_id" uuid NOT NULL,
	CONSTRAINT "impact_story_action_points_story_id_action_point_id_pk" PRIMARY KEY("story_id","action_point_id")
);
--> statement-breakpoint
CREATE TABLE "impact_story_activities" (
	"story_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	CONSTRAINT "impact_story_activities_story_id_activity_id_pk" PRIMARY KEY("story_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "impact_story_participants" (
	"story_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	CONSTRAINT "impact_story_participants_story_id_participant_id_pk" PRIMARY KEY("story_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "impact_story_places" (
	"story_id" uuid NOT NULL,
	"place_id" text NOT NULL,
	"place_path" text NOT NULL,
	CONSTRAINT "impact_story_places_story_id_place_id_pk" PRIMARY KEY("story_id","place_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_follow_ups" ADD CONSTRAINT "referral_follow_ups_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_follow_ups" ADD CONSTRAINT "referral_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_id_users_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_counsellor_id_users_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_stories" ADD CONSTRAINT "impact_stories_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_stories" ADD CONSTRAINT "impact_stories_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_story_action_points" ADD CONSTRAINT "impact_story_action_points_story_id_impact_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."impact_stories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_story_action_points" ADD CONSTRAINT "impact_story_action_points_action_point_id_action_points_id_fk" FOREIGN KEY ("action_point_id") REFERENCES "public"."action_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_story_activities" ADD CONSTRAINT "impact_story_activities_story_id_impact_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."impact_stories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_story_activities" ADD CONSTRAINT "impact_story_activities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_story_participants" ADD CONSTRAINT "impact_story_participants_story_id_impact_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."impact_stories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_story_participants" ADD CONSTRAINT "impact_story_participants_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_story_places" ADD CONSTRAINT "impact_story_places_story_id_impact_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."impact_stories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_story_places" ADD CONSTRAINT "impact_story_places_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "referral_follow_ups_referral_idx" ON "referral_follow_ups" USING btree ("referral_id","held_on");--> statement-breakpoint
CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("referrer_id");--> statement-breakpoint
CREATE INDEX "referrals_counsellor_idx" ON "referrals" USING btree ("counsellor_id");--> statement-breakpoint
CREATE INDEX "referrals_project_idx" ON "referrals" USING btree ("project_id","referred_on");--> statement-breakpoint
CREATE INDEX "impact_stories_project_idx" ON "impact_stories" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "impact_stories_org_idx" ON "impact_stories" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "impact_story_places_path_idx" ON "impact_story_places" USING btree ("place_path" text_pattern_ops);