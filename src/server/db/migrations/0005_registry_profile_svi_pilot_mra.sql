CREATE TABLE "company_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"line1" text NOT NULL,
	"line2" text,
	"city" text NOT NULL,
	"region" text,
	"postal_code" text,
	"country_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "company_addresses_kind_known" CHECK ("company_addresses"."kind" in ('headquarters', 'office', 'cargo_handling_site', 'mailing')),
	CONSTRAINT "company_addresses_country_code_format" CHECK ("company_addresses"."country_code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "company_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"full_name" text NOT NULL,
	"title" text,
	"email" text NOT NULL,
	"telephone" text,
	"user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "company_contacts_role_known" CHECK ("company_contacts"."role" in ('primary', 'alternate', 'security', 'trade_compliance'))
);
--> statement-breakpoint
CREATE TABLE "company_profiles" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"other_names" jsonb NOT NULL,
	"year_established" integer,
	"business_history" text,
	"website" text,
	"telephone" text,
	"employee_count" integer,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "company_profiles_other_names_array" CHECK (jsonb_typeof("company_profiles"."other_names") = 'array'),
	CONSTRAINT "company_profiles_year_established" CHECK ("company_profiles"."year_established" is null or "company_profiles"."year_established" between 1600 and 2200),
	CONSTRAINT "company_profiles_employee_count" CHECK ("company_profiles"."employee_count" is null or "company_profiles"."employee_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mra_programs" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" text NOT NULL,
	"country_name" text NOT NULL,
	"program_name" text NOT NULL,
	"signed_month" text NOT NULL,
	"signed_on" date,
	"sources" jsonb NOT NULL,
	"provisional" boolean NOT NULL,
	"note" text,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_user_id" uuid,
	CONSTRAINT "mra_programs_country_code_format" CHECK ("mra_programs"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "mra_programs_signed_month_format" CHECK ("mra_programs"."signed_month" ~ '^\d{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "mra_programs_sources_array" CHECK (jsonb_typeof("mra_programs"."sources") = 'array')
);
--> statement-breakpoint
CREATE TABLE "partner_aeo_certifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mra_program_id" text NOT NULL,
	"partner_name" text NOT NULL,
	"partner_country_code" text NOT NULL,
	"certification_number" text NOT NULL,
	"valid_until" date,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"removed_by_user_id" uuid,
	"removed_at" timestamp with time zone,
	CONSTRAINT "partner_aeo_certifications_country_format" CHECK ("partner_aeo_certifications"."partner_country_code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "pilot_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"requested_by_user_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "pilot_requests_category_known" CHECK ("pilot_requests"."category" in ('asset_based', 'non_asset_based')),
	CONSTRAINT "pilot_requests_status_known" CHECK ("pilot_requests"."status" in ('waiting', 'accepted', 'refused', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "svi_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"requester_organisation_id" uuid NOT NULL,
	"recipient_organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"requested_by_user_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"responded_by_user_id" uuid,
	"responded_at" timestamp with time zone,
	"ended_by_user_id" uuid,
	"ended_at" timestamp with time zone,
	CONSTRAINT "svi_connections_status_known" CHECK ("svi_connections"."status" in ('pending', 'accepted', 'declined', 'cancelled', 'ended')),
	CONSTRAINT "svi_connections_not_self" CHECK ("svi_connections"."requester_organisation_id" <> "svi_connections"."recipient_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "svi_participants" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"svi_number" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"joined_by_user_id" uuid,
	"left_at" timestamp with time zone,
	"left_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "svi_status_confirmations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recipient_email" text NOT NULL,
	"recipient_name" text,
	"sent_by_user_id" uuid,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_compliance_history" (
	"organisation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"reason" text NOT NULL,
	"changed_by_user_id" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trade_compliance_history_organisation_id_seq_pk" PRIMARY KEY("organisation_id","seq"),
	CONSTRAINT "trade_compliance_history_status_known" CHECK ("trade_compliance_history"."status" in ('active', 'suspended', 'inactive')),
	CONSTRAINT "trade_compliance_history_reason" CHECK (length("trade_compliance_history"."reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "trade_compliance_statuses" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trade_compliance_statuses_status_known" CHECK ("trade_compliance_statuses"."status" in ('active', 'suspended', 'inactive'))
);
--> statement-breakpoint
ALTER TABLE "company_addresses" ADD CONSTRAINT "company_addresses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_contacts" ADD CONSTRAINT "company_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_contacts" ADD CONSTRAINT "company_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_profiles" ADD CONSTRAINT "company_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_profiles" ADD CONSTRAINT "company_profiles_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mra_programs" ADD CONSTRAINT "mra_programs_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_aeo_certifications" ADD CONSTRAINT "partner_aeo_certifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_aeo_certifications" ADD CONSTRAINT "partner_aeo_certifications_mra_program_id_mra_programs_id_fk" FOREIGN KEY ("mra_program_id") REFERENCES "public"."mra_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_aeo_certifications" ADD CONSTRAINT "partner_aeo_certifications_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_aeo_certifications" ADD CONSTRAINT "partner_aeo_certifications_removed_by_user_id_users_id_fk" FOREIGN KEY ("removed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_requests" ADD CONSTRAINT "pilot_requests_organisation_id_partner_memberships_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_memberships"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_requests" ADD CONSTRAINT "pilot_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_requests" ADD CONSTRAINT "pilot_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_connections" ADD CONSTRAINT "svi_connections_requester_organisation_id_organisations_id_fk" FOREIGN KEY ("requester_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_connections" ADD CONSTRAINT "svi_connections_recipient_organisation_id_organisations_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_connections" ADD CONSTRAINT "svi_connections_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_connections" ADD CONSTRAINT "svi_connections_responded_by_user_id_users_id_fk" FOREIGN KEY ("responded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_connections" ADD CONSTRAINT "svi_connections_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_participants" ADD CONSTRAINT "svi_participants_organisation_id_partner_memberships_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_memberships"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_participants" ADD CONSTRAINT "svi_participants_joined_by_user_id_users_id_fk" FOREIGN KEY ("joined_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_participants" ADD CONSTRAINT "svi_participants_left_by_user_id_users_id_fk" FOREIGN KEY ("left_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_status_confirmations" ADD CONSTRAINT "svi_status_confirmations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "svi_status_confirmations" ADD CONSTRAINT "svi_status_confirmations_sent_by_user_id_users_id_fk" FOREIGN KEY ("sent_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_compliance_history" ADD CONSTRAINT "trade_compliance_history_organisation_id_partner_memberships_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_memberships"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_compliance_history" ADD CONSTRAINT "trade_compliance_history_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_compliance_statuses" ADD CONSTRAINT "trade_compliance_statuses_organisation_id_partner_memberships_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_memberships"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_compliance_statuses" ADD CONSTRAINT "trade_compliance_statuses_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_addresses_organisation_idx" ON "company_addresses" USING btree ("organisation_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "company_addresses_one_headquarters" ON "company_addresses" USING btree ("organisation_id") WHERE "company_addresses"."kind" = 'headquarters';--> statement-breakpoint
CREATE INDEX "company_contacts_organisation_idx" ON "company_contacts" USING btree ("organisation_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "company_contacts_one_primary" ON "company_contacts" USING btree ("organisation_id") WHERE "company_contacts"."role" = 'primary';--> statement-breakpoint
CREATE UNIQUE INDEX "mra_programs_country_program" ON "mra_programs" USING btree ("country_code",lower("program_name"));--> statement-breakpoint
CREATE INDEX "partner_aeo_certifications_org_idx" ON "partner_aeo_certifications" USING btree ("organisation_id","partner_name");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_aeo_certifications_one_live" ON "partner_aeo_certifications" USING btree ("organisation_id","mra_program_id","certification_number") WHERE "partner_aeo_certifications"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "pilot_requests_order_idx" ON "pilot_requests" USING btree ("category","status","requested_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_requests_one_open_per_company" ON "pilot_requests" USING btree ("organisation_id") WHERE "pilot_requests"."status" in ('waiting', 'accepted');--> statement-breakpoint
CREATE INDEX "svi_connections_requester_idx" ON "svi_connections" USING btree ("requester_organisation_id","status");--> statement-breakpoint
CREATE INDEX "svi_connections_recipient_idx" ON "svi_connections" USING btree ("recipient_organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "svi_connections_one_open_per_pair" ON "svi_connections" USING btree (least("requester_organisation_id", "recipient_organisation_id"),greatest("requester_organisation_id", "recipient_organisation_id")) WHERE "svi_connections"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "svi_participants_svi_number" ON "svi_participants" USING btree ("svi_number");--> statement-breakpoint
CREATE INDEX "svi_status_confirmations_org_idx" ON "svi_status_confirmations" USING btree ("organisation_id","sent_at");--> statement-breakpoint
CREATE INDEX "trade_compliance_statuses_status_idx" ON "trade_compliance_statuses" USING btree ("status","organisation_id");