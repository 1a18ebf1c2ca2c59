ALTER TABLE "report_additions" ADD COLUMN "text_original_sealed" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "text_original_sealed" text;