CREATE TABLE "catalog_criteria" (
	"version_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"category" integer NOT NULL,
	"designation" text NOT NULL,
	"designation_by_entity_type" jsonb NOT NULL,
	"text" text NOT NULL,
	"guidance" text,
	"applicability" jsonb NOT NULL,
	"verification" text NOT NULL,
	"sources" jsonb NOT NULL,
	"notes" text,
	CONSTRAINT "catalog_criteria_version_id_criterion_id_pk" PRIMARY KEY("version_id","criterion_id"),
	CONSTRAINT "catalog_criteria_category_range" CHECK ("catalog_criteria"."category" between 1 and 12),
	CONSTRAINT "catalog_criteria_designation_known" CHECK ("catalog_criteria"."designation" in ('must', 'should')),
	CONSTRAINT "catalog_criteria_verification_known" CHECK ("catalog_criteria"."verification" in ('cbp-doc', 'third-party-quote', 'unofficial-portal-code', 'memory-unverified')),
	CONSTRAINT "catalog_criteria_applicability_object" CHECK (jsonb_typeof("catalog_criteria"."applicability") = 'object')
);
--> statement-breakpoint
CREATE TABLE "criteria_catalog_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"criteria_count" integer NOT NULL,
	"content_sha256" text NOT NULL,
	"imported_by_user_id" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	"published_by_user_id" uuid,
	"published_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "criteria_catalog_versions_status_known" CHECK ("criteria_catalog_versions"."status" in ('draft', 'published', 'superseded')),
	CONSTRAINT "criteria_catalog_versions_source_known" CHECK ("criteria_catalog_versions"."source" in ('seed', 'import')),
	CONSTRAINT "criteria_catalog_versions_published_fields" CHECK (("criteria_catalog_versions"."status" = 'draft') = ("criteria_catalog_versions"."published_at" is null))
);
--> statement-breakpoint
ALTER TABLE "catalog_criteria" ADD CONSTRAINT "catalog_criteria_version_id_criteria_catalog_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."criteria_catalog_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_catalog_versions" ADD CONSTRAINT "criteria_catalog_versions_imported_by_user_id_users_id_fk" FOREIGN KEY ("imported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_catalog_versions" ADD CONSTRAINT "criteria_catalog_versions_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_catalog_versions_version" ON "criteria_catalog_versions" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_catalog_versions_one_current" ON "criteria_catalog_versions" USING btree ("status") WHERE "criteria_catalog_versions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "criteria_catalog_versions_published_idx" ON "criteria_catalog_versions" USING btree ("published_at");