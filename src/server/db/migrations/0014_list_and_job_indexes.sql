DROP INDEX "validations_closed_idx";--> statement-breakpoint
CREATE INDEX "memberships_role_user_idx" ON "memberships" USING btree ("role","user_id");--> statement-breakpoint
CREATE INDEX "protest_events_kind_idx" ON "protest_events" USING btree ("kind","protest_id");--> statement-breakpoint
CREATE INDEX "validation_findings_required_idx" ON "validation_findings" USING btree ("validation_id") WHERE "validation_findings"."rating" = 'required_action';--> statement-breakpoint
CREATE INDEX "validations_year_due_idx" ON "validations" USING btree ("plan_year","due_on","id");--> statement-breakpoint
CREATE INDEX "validations_due_idx" ON "validations" USING btree ("due_on","id");--> statement-breakpoint
CREATE INDEX "validations_open_due_idx" ON "validations" USING btree ("due_on","id") WHERE "validations"."status" in ('planned', 'scheduled', 'fieldwork', 'report_submitted', 'report_issued');--> statement-breakpoint
CREATE INDEX "validations_responses_due_idx" ON "validations" USING btree ("responses_due_on") WHERE "validations"."status" = 'report_issued';--> statement-breakpoint
CREATE INDEX "validations_metrics_period_idx" ON "validations" USING btree ((coalesce("report_issued_on", "closed_on"))) WHERE "validations"."status" in ('report_issued', 'closed');