-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "organisations_legal_name_trgm_idx" ON "organisations" USING gin ("legal_name" gin_trgm_ops);