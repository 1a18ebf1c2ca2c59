CREATE TABLE "web_report_receipts" (
	"receipt_hash" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"report_id" uuid,
	"locale" text NOT NULL,
	"receipt_sealed" text,
	"receipt_expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "web_report_receipts" ADD CONSTRAINT "web_report_receipts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "web_report_receipts_created_idx" ON "web_report_receipts" USING btree ("created_at");