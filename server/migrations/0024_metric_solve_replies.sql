ALTER TABLE "metric_ticket_events" ADD COLUMN "replies" integer;--> statement-breakpoint
-- A left join on the customer's key lets the planner drop it when no figure needs the company.
CREATE OR REPLACE VIEW metrics_tickets WITH (security_invoker = true) AS
  SELECT t.org_id, t.id, t.number, t.subject, t.status, t.priority, t.channel, t.team_id, t.assignee_id,
         t.tags, t.language, c.company_id, t.created_at, t.solved_at, t.updated_at
  FROM tickets t
  LEFT JOIN customers c ON c.org_id = t.org_id AND c.id = t.requester_id
  WHERE t.merged_into_id IS NULL;
