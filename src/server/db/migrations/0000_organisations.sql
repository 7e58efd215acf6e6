CREATE TYPE "public"."organisation_kind" AS ENUM('member_company', 'cbp_office');--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"legal_name" text NOT NULL,
	"trade_name" text,
	"country_code" text NOT NULL,
	"city" text NOT NULL,
	"entity_types" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organisations_country_code_format" CHECK ("organisations"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "organisations_entity_types_known" CHECK ("organisations"."entity_types" <@ array['importer', 'exporter', 'customs_broker', 'consolidator', 'highway_carrier_us_canada', 'highway_carrier_us_mexico', 'mexican_long_haul_carrier', 'rail_carrier', 'sea_carrier', 'air_carrier', 'marine_port_terminal_operator_us', 'marine_port_terminal_operator_foreign', 'foreign_manufacturer', 'third_party_logistics_provider']::text[]),
	CONSTRAINT "organisations_member_has_entity_type" CHECK (("organisations"."kind" = 'member_company') = (cardinality("organisations"."entity_types") > 0))
);
--> statement-breakpoint
CREATE INDEX "organisations_name_idx" ON "organisations" USING btree ("legal_name","id");--> statement-breakpoint
CREATE INDEX "organisations_kind_name_idx" ON "organisations" USING btree ("kind","legal_name","id");