CREATE INDEX "tickets_org_merged_idx" ON "tickets" USING btree ("org_id","id") WHERE "tickets"."merged_into_id" IS NOT NULL;--> statement-breakpoint
-- Facts read without their ticket leave out those merged into others through this short list.
CREATE VIEW metrics_merged_tickets WITH (security_invoker = true) AS
  SELECT org_id, id FROM tickets WHERE merged_into_id IS NOT NULL;
--> statement-breakpoint
REVOKE ALL ON metrics_merged_tickets FROM frontline_app;
--> statement-breakpoint
GRANT SELECT ON metrics_merged_tickets TO frontline_app;
