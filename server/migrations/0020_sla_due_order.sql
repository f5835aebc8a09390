DROP INDEX "tickets_org_sla_due_idx";--> statement-breakpoint
CREATE INDEX "tickets_org_sla_due_idx" ON "tickets" USING btree ("org_id",coalesce("sla_due_at", 'infinity'::timestamptz),"id");