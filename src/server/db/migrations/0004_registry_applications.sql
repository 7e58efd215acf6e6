CREATE TABLE "partner_entity_types" (
	"organisation_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"identifiers" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_entity_types_organisation_id_entity_type_pk" PRIMARY KEY("organisation_id","entity_type"),
	CONSTRAINT "partner_entity_types_entity_type_known" CHECK ("partner_entity_types"."entity_type" in ('importer', 'exporter', 'customs_broker', 'consolidator', 'highway_carrier_us_canada', 'highway_carrier_us_mexico', 'mexican_long_haul_carrier', 'rail_carrier', 'sea_carrier', 'air_carrier', 'marine_port_terminal_operator_us', 'marine_port_terminal_operator_foreign', 'foreign_manufacturer', 'third_party_logistics_provider')),
	CONSTRAINT "partner_entity_types_identifiers_array" CHECK (jsonb_typeof("partner_entity_types"."identifiers") = 'array'),
	CONSTRAINT "partner_entity_types_eligibility_object" CHECK (jsonb_typeof("partner_entity_types"."eligibility") = 'object')
);
--> statement-breakpoint
CREATE TABLE "partner_memberships" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"review_step" text,
	"status_since" date NOT NULL,
	"held_status" text,
	"suspension_response_received_on" date,
	"removal_cause" text,
	"tier" text,
	"assigned_specialist_user_id" uuid,
	"cbp_office_id" uuid,
	"application_submitted_on" date,
	"agreement_signed_by_user_id" uuid,
	"agreement_signed_at" timestamp with time zone,
	"certified_on" date,
	"validated_on" date,
	"last_validated_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_memberships_status_known" CHECK ("partner_memberships"."status" in ('pre_applicant', 'applicant', 'under_review', 'certified', 'validated', 'validated_exceeds', 'suspended', 'removed', 'withdrawn', 'rejected')),
	CONSTRAINT "partner_memberships_review_step" CHECK (("partner_memberships"."status" = 'under_review') = ("partner_memberships"."review_step" is not null) and ("partner_memberships"."review_step" is null or "partner_memberships"."review_step" in ('specialist_assigned', 'profile_review', 'vetting'))),
	CONSTRAINT "partner_memberships_held_status" CHECK (("partner_memberships"."status" = 'suspended') = ("partner_memberships"."held_status" is not null) and ("partner_memberships"."held_status" is null or "partner_memberships"."held_status" in ('certified', 'validated', 'validated_exceeds'))),
	CONSTRAINT "partner_memberships_suspension_response" CHECK ("partner_memberships"."suspension_response_received_on" is null or "partner_memberships"."status" = 'suspended'),
	CONSTRAINT "partner_memberships_removal_cause" CHECK (("partner_memberships"."status" = 'removed') = ("partner_memberships"."removal_cause" is not null) and ("partner_memberships"."removal_cause" is null or "partner_memberships"."removal_cause" in ('unanswered_suspension', 'program_violation'))),
	CONSTRAINT "partner_memberships_tier" CHECK ("partner_memberships"."tier" is null or "partner_memberships"."tier" in ('I', 'II', 'III'))
);
--> statement-breakpoint
CREATE TABLE "partner_status_history" (
	"organisation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"transition" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"to_review_step" text,
	"actor_user_id" uuid,
	"actor_role" text,
	"reason" text,
	"evidence_ids" jsonb NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_status_history_organisation_id_seq_pk" PRIMARY KEY("organisation_id","seq"),
	CONSTRAINT "partner_status_history_transition_known" CHECK ("partner_status_history"."transition" in ('submit_application', 'assign_specialist', 'start_profile_review', 'approve_profile', 'certify', 'reject', 'record_validation_meets', 'record_validation_exceeds', 'suspend', 'record_suspension_response', 'reinstate', 'remove', 'remove_for_unanswered_suspension', 'withdraw', 'start_new_application')),
	CONSTRAINT "partner_status_history_from_known" CHECK ("partner_status_history"."from_state" in ('pre_applicant', 'applicant', 'under_review', 'certified', 'validated', 'validated_exceeds', 'suspended', 'removed', 'withdrawn', 'rejected')),
	CONSTRAINT "partner_status_history_to_known" CHECK ("partner_status_history"."to_state" in ('pre_applicant', 'applicant', 'under_review', 'certified', 'validated', 'validated_exceeds', 'suspended', 'removed', 'withdrawn', 'rejected')),
	CONSTRAINT "partner_status_history_review_step_known" CHECK ("partner_status_history"."to_review_step" is null or "partner_status_history"."to_review_step" in ('specialist_assigned', 'profile_review', 'vetting'))
);
--> statement-breakpoint
ALTER TABLE "partner_entity_types" ADD CONSTRAINT "partner_entity_types_organisation_id_partner_memberships_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_memberships"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_memberships" ADD CONSTRAINT "partner_memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_memberships" ADD CONSTRAINT "partner_memberships_assigned_specialist_user_id_users_id_fk" FOREIGN KEY ("assigned_specialist_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_memberships" ADD CONSTRAINT "partner_memberships_cbp_office_id_organisations_id_fk" FOREIGN KEY ("cbp_office_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_memberships" ADD CONSTRAINT "partner_memberships_agreement_signed_by_user_id_users_id_fk" FOREIGN KEY ("agreement_signed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_status_history" ADD CONSTRAINT "partner_status_history_organisation_id_partner_memberships_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_memberships"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_status_history" ADD CONSTRAINT "partner_status_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_entity_types_identifiers_idx" ON "partner_entity_types" USING gin ("identifiers" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "partner_entity_types_entity_type_idx" ON "partner_entity_types" USING btree ("entity_type","organisation_id");--> statement-breakpoint
CREATE INDEX "partner_memberships_status_idx" ON "partner_memberships" USING btree ("status","organisation_id");--> statement-breakpoint
CREATE INDEX "partner_memberships_specialist_idx" ON "partner_memberships" USING btree ("assigned_specialist_user_id","organisation_id");