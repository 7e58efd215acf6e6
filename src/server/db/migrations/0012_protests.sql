CREATE TABLE "protest_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"protest_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "protest_attachments_kind_known" CHECK ("protest_attachments"."kind" in ('details_spreadsheet', 'supporting_document'))
);
--> statement-breakpoint
CREATE TABLE "protest_detail_rows" (
	"attachment_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"entry_number" text NOT NULL,
	"entry_line_number" integer NOT NULL,
	"change_from" text NOT NULL,
	"change_to" text NOT NULL,
	"extra" jsonb NOT NULL,
	CONSTRAINT "protest_detail_rows_attachment_id_line_pk" PRIMARY KEY("attachment_id","line")
);
--> statement-breakpoint
CREATE TABLE "protest_entries" (
	"protest_id" uuid NOT NULL,
	"entry_number" text NOT NULL,
	"position" integer NOT NULL,
	"entry_date" date NOT NULL,
	"date_kind" text NOT NULL,
	"liquidation_or_decision_date" date NOT NULL,
	"lead" boolean NOT NULL,
	CONSTRAINT "protest_entries_protest_id_entry_number_pk" PRIMARY KEY("protest_id","entry_number")
);
--> statement-breakpoint
CREATE TABLE "protest_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"protest_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protest_number_serials" (
	"port_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_serial" integer NOT NULL,
	CONSTRAINT "protest_number_serials_port_code_year_pk" PRIMARY KEY("port_code","year")
);
--> statement-breakpoint
CREATE TABLE "protests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"protest_number" text NOT NULL,
	"recorded" boolean DEFAULT false NOT NULL,
	"port_code" text NOT NULL,
	"center" text NOT NULL,
	"protestant_name" text NOT NULL,
	"protestant_address" text NOT NULL,
	"protestant_type" text NOT NULL,
	"importer_number" text NOT NULL,
	"filer_name" text NOT NULL,
	"filer_address" text NOT NULL,
	"filer_capacity" text NOT NULL,
	"filer_importer_number" text,
	"decisions_protested" jsonb NOT NULL,
	"categories" jsonb NOT NULL,
	"related_protest_number" text,
	"related_protest_received_on" date,
	"surety_non_collusion_statement" text,
	"drawback_declaration" text NOT NULL,
	"further_review_criterion" text,
	"further_review_reason" text,
	"filed_on" date NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"filed_by_user_id" uuid,
	"timeliness" jsonb NOT NULL,
	"timely" boolean NOT NULL,
	"tc_member_organisation_id" uuid,
	"tc_status" text,
	"tc_verified" boolean NOT NULL,
	"tc_checked_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"priority_rank" smallint NOT NULL,
	"priority_date" date NOT NULL,
	"assigned_reviewer_user_id" uuid,
	"assigned_at" timestamp with time zone,
	"accelerated_disposition_mailed_on" date,
	"decision" text,
	"decision_reasons" text,
	"decided_on" date,
	"decided_by_user_id" uuid,
	"denial_notice_mailed_on" date,
	"refund_due" boolean,
	"publish_decision" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "protests_status_known" CHECK ("protests"."status" in ('filed', 'under_review', 'under_further_review', 'decided', 'withdrawn')),
	CONSTRAINT "protests_protestant_type_known" CHECK ("protests"."protestant_type" in ('importer', 'consignee', 'surety', 'charge_payer', 'entry_or_delivery_seeker', 'drawback_claimant', 'usmca_exporter_or_producer')),
	CONSTRAINT "protests_filer_capacity_known" CHECK ("protests"."filer_capacity" in ('protestant', 'authorized_agent', 'attorney')),
	CONSTRAINT "protests_drawback_declaration_known" CHECK ("protests"."drawback_declaration" in ('not_subject_to_drawback', 'subject_to_drawback', 'may_become_subject_to_drawback')),
	CONSTRAINT "protests_decision_known" CHECK ("protests"."decision" is null or "protests"."decision" in ('allowed', 'allowed_in_part', 'denied', 'denied_in_part', 'deemed_denied')),
	CONSTRAINT "protests_priority_rank" CHECK ("protests"."priority_rank" between 0 and 2),
	CONSTRAINT "protests_decided_has_decision" CHECK (("protests"."status" = 'decided') = ("protests"."decision" is not null)),
	CONSTRAINT "protests_denial_reasons" CHECK ("protests"."decision" is null or "protests"."decision" not in ('denied', 'denied_in_part', 'allowed_in_part') or length(trim(coalesce("protests"."decision_reasons", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "protest_attachments" ADD CONSTRAINT "protest_attachments_protest_id_protests_id_fk" FOREIGN KEY ("protest_id") REFERENCES "public"."protests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protest_attachments" ADD CONSTRAINT "protest_attachments_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protest_detail_rows" ADD CONSTRAINT "protest_detail_rows_attachment_id_protest_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."protest_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protest_entries" ADD CONSTRAINT "protest_entries_protest_id_protests_id_fk" FOREIGN KEY ("protest_id") REFERENCES "public"."protests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protest_events" ADD CONSTRAINT "protest_events_protest_id_protests_id_fk" FOREIGN KEY ("protest_id") REFERENCES "public"."protests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protest_events" ADD CONSTRAINT "protest_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protests" ADD CONSTRAINT "protests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protests" ADD CONSTRAINT "protests_filed_by_user_id_users_id_fk" FOREIGN KEY ("filed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protests" ADD CONSTRAINT "protests_tc_member_organisation_id_organisations_id_fk" FOREIGN KEY ("tc_member_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protests" ADD CONSTRAINT "protests_assigned_reviewer_user_id_users_id_fk" FOREIGN KEY ("assigned_reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protests" ADD CONSTRAINT "protests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "protest_attachments_protest_idx" ON "protest_attachments" USING btree ("protest_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "protest_entries_entry_idx" ON "protest_entries" USING btree ("entry_number");--> statement-breakpoint
CREATE INDEX "protest_events_protest_idx" ON "protest_events" USING btree ("protest_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "protests_number_unique" ON "protests" USING btree ("protest_number");--> statement-breakpoint
CREATE INDEX "protests_org_idx" ON "protests" USING btree ("organisation_id","filed_at","id");--> statement-breakpoint
CREATE INDEX "protests_queue_idx" ON "protests" USING btree ("priority_rank","priority_date","id") WHERE "protests"."status" in ('filed', 'under_review', 'under_further_review');--> statement-breakpoint
CREATE INDEX "protests_center_queue_idx" ON "protests" USING btree ("center","priority_rank","priority_date","id") WHERE "protests"."status" in ('filed', 'under_review', 'under_further_review');--> statement-breakpoint
CREATE INDEX "protests_reviewer_queue_idx" ON "protests" USING btree ("assigned_reviewer_user_id","priority_rank","priority_date","id") WHERE "protests"."status" in ('filed', 'under_review', 'under_further_review');--> statement-breakpoint
CREATE INDEX "protests_importer_idx" ON "protests" USING btree ("importer_number");--> statement-breakpoint
CREATE INDEX "protests_decided_idx" ON "protests" USING btree ("decided_on");