CREATE TABLE "evidence_contents" (
	"evidence_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_criterion_links" (
	"evidence_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"linked_by_user_id" uuid,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_criterion_links_evidence_id_criterion_id_pk" PRIMARY KEY("evidence_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"original_filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"expires_on" date,
	"uploaded_by_user_id" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "evidence_files_media_type_known" CHECK ("evidence_files"."media_type" in ('application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/msword', 'application/vnd.ms-excel')),
	CONSTRAINT "evidence_files_size_positive" CHECK ("evidence_files"."size_bytes" > 0),
	CONSTRAINT "evidence_files_sha256_format" CHECK ("evidence_files"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "security_profile_answers" (
	"profile_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"status" text,
	"narrative" text NOT NULL,
	"responsible_user_id" uuid,
	"to_reconfirm" boolean DEFAULT false NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_profile_answers_profile_id_criterion_id_pk" PRIMARY KEY("profile_id","criterion_id"),
	CONSTRAINT "security_profile_answers_status_known" CHECK ("security_profile_answers"."status" is null or "security_profile_answers"."status" in ('implemented', 'partially_implemented', 'not_implemented', 'not_applicable')),
	CONSTRAINT "security_profile_answers_not_applicable_justified" CHECK ("security_profile_answers"."status" is distinct from 'not_applicable' or length(trim("security_profile_answers"."narrative")) > 0)
);
--> statement-breakpoint
CREATE TABLE "security_profile_assignments" (
	"profile_id" uuid NOT NULL,
	"category" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_by_user_id" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_profile_assignments_profile_id_category_pk" PRIMARY KEY("profile_id","category"),
	CONSTRAINT "security_profile_assignments_category" CHECK ("security_profile_assignments"."category" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "security_profile_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"profile_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"author_user_id" uuid,
	"version_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_profile_comments_body" CHECK (length(trim("security_profile_comments"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "security_profile_criterion_reviews" (
	"version_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"reviewer_user_id" uuid,
	"reviewed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_profile_criterion_reviews_version_id_criterion_id_pk" PRIMARY KEY("version_id","criterion_id"),
	CONSTRAINT "security_profile_criterion_reviews_decision_known" CHECK ("security_profile_criterion_reviews"."decision" in ('approved', 'returned')),
	CONSTRAINT "security_profile_criterion_reviews_return_explained" CHECK ("security_profile_criterion_reviews"."decision" <> 'returned' or length(trim(coalesce("security_profile_criterion_reviews"."comment", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "security_profile_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"profile_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"catalog_version_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_by_user_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"attestation" text NOT NULL,
	"status" text NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "security_profile_versions_status_known" CHECK ("security_profile_versions"."status" in ('submitted', 'returned', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "security_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"catalog_version_id" uuid NOT NULL,
	"cycle" text NOT NULL,
	"status" text NOT NULL,
	"based_on_version_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_profiles_cycle_known" CHECK ("security_profiles"."cycle" in ('initial', 'annual_review')),
	CONSTRAINT "security_profiles_status_known" CHECK ("security_profiles"."status" in ('draft', 'submitted', 'returned', 'approved'))
);
--> statement-breakpoint
ALTER TABLE "evidence_contents" ADD CONSTRAINT "evidence_contents_evidence_id_evidence_files_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_criterion_links" ADD CONSTRAINT "evidence_criterion_links_evidence_id_evidence_files_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_criterion_links" ADD CONSTRAINT "evidence_criterion_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_criterion_links" ADD CONSTRAINT "evidence_criterion_links_linked_by_user_id_users_id_fk" FOREIGN KEY ("linked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_answers" ADD CONSTRAINT "security_profile_answers_profile_id_security_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."security_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_answers" ADD CONSTRAINT "security_profile_answers_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_answers" ADD CONSTRAINT "security_profile_answers_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_assignments" ADD CONSTRAINT "security_profile_assignments_profile_id_security_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."security_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_assignments" ADD CONSTRAINT "security_profile_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_assignments" ADD CONSTRAINT "security_profile_assignments_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_comments" ADD CONSTRAINT "security_profile_comments_profile_id_security_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."security_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_comments" ADD CONSTRAINT "security_profile_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_criterion_reviews" ADD CONSTRAINT "security_profile_criterion_reviews_version_id_security_profile_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."security_profile_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_criterion_reviews" ADD CONSTRAINT "security_profile_criterion_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_versions" ADD CONSTRAINT "security_profile_versions_profile_id_security_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."security_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_versions" ADD CONSTRAINT "security_profile_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_versions" ADD CONSTRAINT "security_profile_versions_catalog_version_id_criteria_catalog_versions_id_fk" FOREIGN KEY ("catalog_version_id") REFERENCES "public"."criteria_catalog_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_versions" ADD CONSTRAINT "security_profile_versions_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profile_versions" ADD CONSTRAINT "security_profile_versions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profiles" ADD CONSTRAINT "security_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_profiles" ADD CONSTRAINT "security_profiles_catalog_version_id_criteria_catalog_versions_id_fk" FOREIGN KEY ("catalog_version_id") REFERENCES "public"."criteria_catalog_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_criterion_links_org_criterion_idx" ON "evidence_criterion_links" USING btree ("organisation_id","criterion_id");--> statement-breakpoint
CREATE INDEX "evidence_files_org_idx" ON "evidence_files" USING btree ("organisation_id","uploaded_at","id");--> statement-breakpoint
CREATE INDEX "evidence_files_expiry_idx" ON "evidence_files" USING btree ("expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_files_one_per_content" ON "evidence_files" USING btree ("organisation_id","sha256") WHERE "evidence_files"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "security_profile_comments_idx" ON "security_profile_comments" USING btree ("profile_id","criterion_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "security_profile_versions_number" ON "security_profile_versions" USING btree ("profile_id","number");--> statement-breakpoint
CREATE INDEX "security_profile_versions_review_queue_idx" ON "security_profile_versions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "security_profile_versions_org_idx" ON "security_profile_versions" USING btree ("organisation_id","submitted_at");--> statement-breakpoint
CREATE INDEX "security_profiles_org_idx" ON "security_profiles" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "security_profiles_one_open" ON "security_profiles" USING btree ("organisation_id") WHERE "security_profiles"."status" in ('draft', 'submitted', 'returned');