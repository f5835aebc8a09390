CREATE TABLE "rule_firings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"event" text NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_firings_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	"events" text[] DEFAULT '{}' NOT NULL,
	"conditions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rules_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "rule_firings" ADD CONSTRAINT "rule_firings_org_id_rule_id_rules_org_id_id_fk" FOREIGN KEY ("org_id","rule_id") REFERENCES "public"."rules"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_firings" ADD CONSTRAINT "rule_firings_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rules" ADD CONSTRAINT "rules_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rule_firings_automation_once" ON "rule_firings" USING btree ("org_id","rule_id","ticket_id") WHERE "rule_firings"."event" = 'automation';--> statement-breakpoint
CREATE INDEX "rule_firings_org_rule_idx" ON "rule_firings" USING btree ("org_id","rule_id","fired_at");--> statement-breakpoint
CREATE INDEX "rules_org_kind_position_idx" ON "rules" USING btree ("org_id","kind","position");--> statement-breakpoint
SELECT frontline_secure_tenant_table('rules');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('rule_firings');
