CREATE TABLE "survey_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"token_hash" text,
	"status" text NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"language" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_requests_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "survey_requests_status_check" CHECK ("survey_requests"."status" IN ('scheduled', 'sent', 'skipped', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"org_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"nps" smallint,
	"comment" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_org_id_ticket_id_pk" PRIMARY KEY("org_id","ticket_id"),
	CONSTRAINT "survey_responses_rating_check" CHECK ("survey_responses"."rating" BETWEEN 1 AND 5),
	CONSTRAINT "survey_responses_nps_check" CHECK ("survey_responses"."nps" IS NULL OR "survey_responses"."nps" BETWEEN 0 AND 10)
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"delay_minutes" integer NOT NULL,
	"nps" boolean NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bad_rating_at_or_below" smallint NOT NULL,
	"expires_days" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_requests" ADD CONSTRAINT "survey_requests_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_org_id_request_id_survey_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."survey_requests"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_settings" ADD CONSTRAINT "survey_settings_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_requests_org_ticket_key" ON "survey_requests" USING btree ("org_id","ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_requests_org_token_key" ON "survey_requests" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE INDEX "survey_requests_token_hash_idx" ON "survey_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "survey_responses_org_created_idx" ON "survey_responses" USING btree ("org_id","created_at");--> statement-breakpoint
SELECT frontline_secure_tenant_table('survey_settings');--> statement-breakpoint
SELECT frontline_secure_tenant_table('survey_requests');--> statement-breakpoint
SELECT frontline_secure_tenant_table('survey_responses');--> statement-breakpoint
-- A survey link names no organisation: its request is found by the token's hash before the tenant is known.
CREATE POLICY survey_token_lookup ON survey_requests AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (token_hash = NULLIF(current_setting('app.survey_token_hash', true), ''));--> statement-breakpoint
-- Organisations that changed their escalation reasons keep their own list, which lacks the new
-- built-in reason for low ratings: it is appended to each. Forced RLS would hide every row from a
-- non-superuser owner, so it is lifted for this one statement.
ALTER TABLE "escalation_reasons" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO "escalation_reasons" ("org_id", "id", "code", "labels", "active", "position", "built_in")
SELECT "org_id", gen_random_uuid(), 'bad_rating',
  '{"en": "Low satisfaction rating", "ro": "Evaluare slabă a satisfacției", "de": "Schlechte Zufriedenheitsbewertung", "ru": "Низкая оценка удовлетворённости", "ar": "تقييم رضا منخفض"}'::jsonb,
  true, max("position") + 10, true
FROM "escalation_reasons" GROUP BY "org_id"
ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "escalation_reasons" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The metrics module's survey views (decision 021) stood in for these tables until now; they read them
-- from here on, with the same columns, under the tables' row-level security.
DROP VIEW metrics_survey_requests;--> statement-breakpoint
DROP VIEW metrics_survey_responses;--> statement-breakpoint
CREATE VIEW metrics_survey_requests WITH (security_invoker = true) AS
  SELECT org_id, id, ticket_id, sent_at FROM survey_requests;
--> statement-breakpoint
CREATE VIEW metrics_survey_responses WITH (security_invoker = true) AS
  SELECT org_id, ticket_id, rating, nps, created_at FROM survey_responses;
--> statement-breakpoint
REVOKE ALL ON metrics_survey_requests, metrics_survey_responses FROM frontline_app;
--> statement-breakpoint
GRANT SELECT ON metrics_survey_requests, metrics_survey_responses TO frontline_app;
