CREATE TABLE "validation_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"validation_id" uuid,
	"kind" text NOT NULL,
	"language" text NOT NULL,
	"pdf_content" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"docx_content" "bytea" NOT NULL,
	"docx_sha256" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"generated_by_user_id" uuid,
	"generated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "validation_documents_kind_known" CHECK ("validation_documents"."kind" in ('preparation_package', 'report')),
	CONSTRAINT "validation_documents_language_known" CHECK ("validation_documents"."language" in ('en', 'es')),
	CONSTRAINT "validation_documents_report_has_validation" CHECK ("validation_documents"."kind" <> 'report' or "validation_documents"."validation_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "validation_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"validation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "validation_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"validation_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"site_id" uuid,
	"rating" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"evidence_seen" text DEFAULT '' NOT NULL,
	"evidence_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "validation_findings_one_per_place" UNIQUE NULLS NOT DISTINCT("validation_id","criterion_id","site_id"),
	CONSTRAINT "validation_findings_rating_known" CHECK ("validation_findings"."rating" in ('compliant', 'required_action', 'recommendation', 'best_practice'))
);
--> statement-breakpoint
CREATE TABLE "validation_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"validation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"activity" text NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "validation_hours_activity_known" CHECK ("validation_hours"."activity" in ('planning', 'document_review', 'site_visit', 'travel', 'report_writing', 'follow_up')),
	CONSTRAINT "validation_hours_minutes" CHECK ("validation_hours"."minutes" > 0 and "validation_hours"."minutes" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "validation_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"validation_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"side" text NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"email" text,
	"phone" text,
	"user_id" uuid,
	CONSTRAINT "validation_participants_side_known" CHECK ("validation_participants"."side" in ('cbp', 'member'))
);
--> statement-breakpoint
CREATE TABLE "validation_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"finding_id" uuid NOT NULL,
	"validation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"corrective_plan" text NOT NULL,
	"target_on" date NOT NULL,
	"evidence_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by_user_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_note" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "validation_responses_decision_known" CHECK ("validation_responses"."decision" is null or "validation_responses"."decision" in ('accepted', 'returned')),
	CONSTRAINT "validation_responses_returned_has_note" CHECK ("validation_responses"."decision" is distinct from 'returned' or length(trim(coalesce("validation_responses"."decision_note", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "validation_sites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"validation_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"country_code" text NOT NULL,
	"location" text NOT NULL,
	"mra_program_id" text,
	"cbp_visit_required" boolean DEFAULT true NOT NULL,
	"visit_on" date,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "validation_sites_location_known" CHECK ("validation_sites"."location" in ('domestic', 'foreign')),
	CONSTRAINT "validation_sites_mra_only_foreign" CHECK ("validation_sites"."mra_program_id" is null or "validation_sites"."location" = 'foreign')
);
--> statement-breakpoint
CREATE TABLE "validations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mode" text DEFAULT 'in_person' NOT NULL,
	"status" text NOT NULL,
	"office_id" uuid,
	"specialist_user_id" uuid,
	"plan_year" smallint NOT NULL,
	"due_on" date NOT NULL,
	"reason" text,
	"notice_sent_on" date,
	"starts_on" date,
	"ends_on" date,
	"notice_override_reason" text,
	"report_summary" text,
	"recommended_outcome" text,
	"report_author_user_id" uuid,
	"report_submitted_at" timestamp with time zone,
	"report_approved_by_user_id" uuid,
	"report_issued_on" date,
	"responses_due_on" date,
	"outcome" text,
	"closed_on" date,
	"next_revalidation_due_on" date,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "validations_kind_known" CHECK ("validations"."kind" in ('initial', 'revalidation', 'for_cause')),
	CONSTRAINT "validations_mode_known" CHECK ("validations"."mode" in ('in_person', 'virtual')),
	CONSTRAINT "validations_status_known" CHECK ("validations"."status" in ('planned', 'scheduled', 'fieldwork', 'report_submitted', 'report_issued', 'closed', 'cancelled')),
	CONSTRAINT "validations_recommended_outcome_known" CHECK ("validations"."recommended_outcome" is null or "validations"."recommended_outcome" in ('meets', 'exceeds', 'suspension')),
	CONSTRAINT "validations_outcome_known" CHECK ("validations"."outcome" is null or "validations"."outcome" in ('meets', 'exceeds', 'suspension')),
	CONSTRAINT "validations_closed_has_outcome" CHECK (("validations"."status" = 'closed') = ("validations"."outcome" is not null)),
	CONSTRAINT "validations_dates_ordered" CHECK ("validations"."starts_on" is null or "validations"."ends_on" is null or "validations"."starts_on" <= "validations"."ends_on"),
	CONSTRAINT "validations_report_not_self_approved" CHECK ("validations"."report_approved_by_user_id" is null or "validations"."report_approved_by_user_id" is distinct from "validations"."report_author_user_id")
);
--> statement-breakpoint
ALTER TABLE "validation_documents" ADD CONSTRAINT "validation_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_documents" ADD CONSTRAINT "validation_documents_validation_id_validations_id_fk" FOREIGN KEY ("validation_id") REFERENCES "public"."validations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_documents" ADD CONSTRAINT "validation_documents_generated_by_user_id_users_id_fk" FOREIGN KEY ("generated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_events" ADD CONSTRAINT "validation_events_validation_id_validations_id_fk" FOREIGN KEY ("validation_id") REFERENCES "public"."validations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_events" ADD CONSTRAINT "validation_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_findings" ADD CONSTRAINT "validation_findings_validation_id_validations_id_fk" FOREIGN KEY ("validation_id") REFERENCES "public"."validations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_findings" ADD CONSTRAINT "validation_findings_site_id_validation_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."validation_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_findings" ADD CONSTRAINT "validation_findings_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_hours" ADD CONSTRAINT "validation_hours_validation_id_validations_id_fk" FOREIGN KEY ("validation_id") REFERENCES "public"."validations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_hours" ADD CONSTRAINT "validation_hours_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_participants" ADD CONSTRAINT "validation_participants_validation_id_validations_id_fk" FOREIGN KEY ("validation_id") REFERENCES "public"."validations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_participants" ADD CONSTRAINT "validation_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_responses" ADD CONSTRAINT "validation_responses_finding_id_validation_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."validation_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_responses" ADD CONSTRAINT "validation_responses_validation_id_validations_id_fk" FOREIGN KEY ("validation_id") REFERENCES "public"."validations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_responses" ADD CONSTRAINT "validation_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_responses" ADD CONSTRAINT "validation_responses_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_responses" ADD CONSTRAINT "validation_responses_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_sites" ADD CONSTRAINT "validation_sites_validation_id_validations_id_fk" FOREIGN KEY ("validation_id") REFERENCES "public"."validations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_sites" ADD CONSTRAINT "validation_sites_mra_program_id_mra_programs_id_fk" FOREIGN KEY ("mra_program_id") REFERENCES "public"."mra_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validations" ADD CONSTRAINT "validations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validations" ADD CONSTRAINT "validations_office_id_organisations_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validations" ADD CONSTRAINT "validations_specialist_user_id_users_id_fk" FOREIGN KEY ("specialist_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validations" ADD CONSTRAINT "validations_report_author_user_id_users_id_fk" FOREIGN KEY ("report_author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validations" ADD CONSTRAINT "validations_report_approved_by_user_id_users_id_fk" FOREIGN KEY ("report_approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validations" ADD CONSTRAINT "validations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "validation_documents_validation_idx" ON "validation_documents" USING btree ("validation_id","kind","generated_at");--> statement-breakpoint
CREATE INDEX "validation_documents_org_idx" ON "validation_documents" USING btree ("organisation_id","kind","generated_at");--> statement-breakpoint
CREATE INDEX "validation_events_validation_idx" ON "validation_events" USING btree ("validation_id","at");--> statement-breakpoint
CREATE INDEX "validation_findings_criterion_idx" ON "validation_findings" USING btree ("criterion_id","rating");--> statement-breakpoint
CREATE INDEX "validation_hours_validation_idx" ON "validation_hours" USING btree ("validation_id","worked_on");--> statement-breakpoint
CREATE INDEX "validation_hours_user_idx" ON "validation_hours" USING btree ("user_id","worked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "validation_participants_position" ON "validation_participants" USING btree ("validation_id","position");--> statement-breakpoint
CREATE INDEX "validation_responses_finding_idx" ON "validation_responses" USING btree ("finding_id","submitted_at");--> statement-breakpoint
CREATE INDEX "validation_responses_validation_idx" ON "validation_responses" USING btree ("validation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "validation_sites_position" ON "validation_sites" USING btree ("validation_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "validations_one_open" ON "validations" USING btree ("organisation_id") WHERE "validations"."status" in ('planned', 'scheduled', 'fieldwork', 'report_submitted', 'report_issued');--> statement-breakpoint
CREATE INDEX "validations_org_idx" ON "validations" USING btree ("organisation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "validations_office_plan_idx" ON "validations" USING btree ("office_id","plan_year","due_on","id");--> statement-breakpoint
CREATE INDEX "validations_specialist_idx" ON "validations" USING btree ("specialist_user_id","status","due_on");--> statement-breakpoint
CREATE INDEX "validations_closed_idx" ON "validations" USING btree ("closed_on");