CREATE TABLE "portal_links" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"ticket_id" uuid,
	"reason" text NOT NULL,
	"locale" text NOT NULL,
	"token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	CONSTRAINT "portal_links_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "portal_sessions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "slug" text;--> statement-breakpoint
-- Existing organisations get a slug from their name (a suffix from their id where two names agree).
-- Forced RLS would hide every row from a non-superuser owner, so it is lifted for this one statement.
ALTER TABLE "organizations" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
WITH base AS (
  SELECT org_id, coalesce(nullif(trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')), ''), 'org') AS s
  FROM organizations
), ranked AS (
  SELECT org_id, s, row_number() OVER (PARTITION BY s ORDER BY org_id) AS n FROM base
)
UPDATE organizations o
SET slug = CASE WHEN r.n = 1 THEN r.s ELSE r.s || '-' || substr(replace(o.org_id::text, '-', ''), 1, 8) END
FROM ranked r WHERE r.org_id = o.org_id;--> statement-breakpoint
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "slug" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_links_org_token_key" ON "portal_links" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE INDEX "portal_links_org_customer_idx" ON "portal_links" USING btree ("org_id","customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_sessions_org_token_key" ON "portal_sessions" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE INDEX "portal_sessions_org_customer_idx" ON "portal_sessions" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
SELECT frontline_secure_tenant_table('portal_links');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('portal_sessions');
--> statement-breakpoint
-- The portal names its organisation by slug in the address, before the tenant is known.
CREATE POLICY slug_lookup ON organizations AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (slug = NULLIF(current_setting('app.org_slug', true), ''));
