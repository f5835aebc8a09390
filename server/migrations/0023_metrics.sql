CREATE TABLE "metric_agent_intervals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"presence" text NOT NULL,
	"busy" boolean NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "metric_agent_intervals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "metric_replies" (
	"org_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"agent_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"calendar_seconds" integer,
	"business_seconds" integer,
	CONSTRAINT "metric_replies_org_id_message_id_pk" PRIMARY KEY("org_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "metric_ticket_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"agent_id" uuid,
	"calendar_seconds" integer,
	"business_seconds" integer,
	CONSTRAINT "metric_ticket_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "metric_agent_intervals" ADD CONSTRAINT "metric_agent_intervals_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_replies" ADD CONSTRAINT "metric_replies_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_ticket_events" ADD CONSTRAINT "metric_ticket_events_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_agent_intervals_org_user_idx" ON "metric_agent_intervals" USING btree ("org_id","user_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_agent_intervals_current_key" ON "metric_agent_intervals" USING btree ("org_id","user_id") WHERE "metric_agent_intervals"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "metric_replies_org_at_idx" ON "metric_replies" USING btree ("org_id","at","kind");--> statement-breakpoint
CREATE INDEX "metric_replies_org_ticket_idx" ON "metric_replies" USING btree ("org_id","ticket_id");--> statement-breakpoint
CREATE INDEX "metric_ticket_events_org_kind_at_idx" ON "metric_ticket_events" USING btree ("org_id","kind","at");--> statement-breakpoint
CREATE INDEX "metric_ticket_events_org_ticket_idx" ON "metric_ticket_events" USING btree ("org_id","ticket_id");--> statement-breakpoint
CREATE INDEX "tickets_org_created_idx" ON "tickets" USING btree ("org_id","created_at");--> statement-breakpoint
SELECT frontline_secure_tenant_table('metric_replies');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('metric_ticket_events');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('metric_agent_intervals');
--> statement-breakpoint
-- The metrics module reads other modules' tables only through these views. They run with the
-- caller's rights (security_invoker), so the tables' row-level security still applies, and the
-- application may only read them.
CREATE VIEW metrics_tickets WITH (security_invoker = true) AS
  SELECT t.org_id, t.id, t.number, t.subject, t.status, t.priority, t.channel, t.team_id, t.assignee_id,
         t.tags, t.language, c.company_id, t.created_at, t.solved_at, t.updated_at
  FROM tickets t
  JOIN customers c ON c.org_id = t.org_id AND c.id = t.requester_id
  WHERE t.merged_into_id IS NULL;
--> statement-breakpoint
CREATE VIEW metrics_messages WITH (security_invoker = true) AS
  SELECT org_id, id, ticket_id, kind, author_type, author_user_id, created_at FROM messages;
--> statement-breakpoint
CREATE VIEW metrics_sla_events WITH (security_invoker = true) AS
  SELECT org_id, id, ticket_id, target, kind, at FROM sla_events;
--> statement-breakpoint
CREATE VIEW metrics_escalations WITH (security_invoker = true) AS
  SELECT org_id, id, ticket_id, type, level, status, created_at, taken_at, resolved_at FROM escalations;
--> statement-breakpoint
CREATE VIEW metrics_staff WITH (security_invoker = true) AS
  SELECT u.org_id, u.id, u.name, u.role, u.active, u.time_zone, a.presence, a.presence_since, a.max_tickets
  FROM users u
  LEFT JOIN routing_agents a ON a.org_id = u.org_id AND a.user_id = u.id;
--> statement-breakpoint
CREATE VIEW metrics_team_members WITH (security_invoker = true) AS
  SELECT m.org_id, m.team_id, m.user_id, t.name AS team_name
  FROM team_members m
  JOIN teams t ON t.org_id = m.org_id AND t.id = m.team_id;
--> statement-breakpoint
CREATE VIEW metrics_teams WITH (security_invoker = true) AS
  SELECT org_id, id, name FROM teams;
--> statement-breakpoint
CREATE VIEW metrics_companies WITH (security_invoker = true) AS
  SELECT org_id, id, name FROM companies;
--> statement-breakpoint
-- Satisfaction surveys have no tables yet: until they do, these views answer "no survey sent".
CREATE VIEW metrics_survey_requests AS
  SELECT NULL::uuid AS org_id, NULL::uuid AS id, NULL::uuid AS ticket_id, NULL::timestamptz AS sent_at WHERE false;
--> statement-breakpoint
CREATE VIEW metrics_survey_responses AS
  SELECT NULL::uuid AS org_id, NULL::uuid AS ticket_id, NULL::smallint AS rating, NULL::smallint AS nps,
         NULL::timestamptz AS created_at WHERE false;
--> statement-breakpoint
REVOKE ALL ON metrics_tickets, metrics_messages, metrics_sla_events, metrics_escalations, metrics_staff,
  metrics_team_members, metrics_teams, metrics_companies, metrics_survey_requests, metrics_survey_responses FROM frontline_app;
--> statement-breakpoint
GRANT SELECT ON metrics_tickets, metrics_messages, metrics_sla_events, metrics_escalations, metrics_staff,
  metrics_team_members, metrics_teams, metrics_companies, metrics_survey_requests, metrics_survey_responses TO frontline_app;
