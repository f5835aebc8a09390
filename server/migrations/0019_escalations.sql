CREATE TABLE "escalation_links" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "escalation_links_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "escalation_phrases" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"locale" text NOT NULL,
	"phrases" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_phrases_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "escalation_reasons" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_reasons_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"type" text NOT NULL,
	"via" text,
	"reason" text NOT NULL,
	"level" integer NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"to_user_id" uuid,
	"created_by_user_id" uuid,
	"created_by_customer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_by_user_id" uuid,
	"taken_at" timestamp with time zone,
	"resolved_by_user_id" uuid,
	"resolved_at" timestamp with time zone,
	"outcome" text,
	"resolution_note" text,
	"coaching_note" text,
	CONSTRAINT "escalations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "message_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "escalation_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "escalation" jsonb;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "escalation_level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "escalation_links" ADD CONSTRAINT "escalation_links_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_org_id_to_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","to_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_org_id_created_by_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_org_id_created_by_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","created_by_customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_org_id_taken_by_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","taken_by_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_org_id_resolved_by_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","resolved_by_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_links_org_token_key" ON "escalation_links" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_phrases_org_locale_key" ON "escalation_phrases" USING btree ("org_id","locale");--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_reasons_org_code_key" ON "escalation_reasons" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "escalations_org_status_created_idx" ON "escalations" USING btree ("org_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "escalations_org_ticket_idx" ON "escalations" USING btree ("org_id","ticket_id","status");--> statement-breakpoint
CREATE INDEX "escalations_org_created_idx" ON "escalations" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "escalations_org_creator_idx" ON "escalations" USING btree ("org_id","created_by_user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_org_ticket_customer_open_key" ON "escalations" USING btree ("org_id","ticket_id") WHERE "escalations"."type" = 'customer_request' AND "escalations"."status" <> 'resolved';--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_escalation_id_escalations_org_id_id_fk" FOREIGN KEY ("org_id","escalation_id") REFERENCES "public"."escalations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_org_escalated_idx" ON "tickets" USING btree ("org_id","escalation_level","updated_at") WHERE "tickets"."escalation_level" > 0;--> statement-breakpoint
SELECT frontline_secure_tenant_table('escalation_reasons');--> statement-breakpoint
SELECT frontline_secure_tenant_table('escalation_phrases');--> statement-breakpoint
SELECT frontline_secure_tenant_table('escalations');--> statement-breakpoint
SELECT frontline_secure_tenant_table('escalation_links');
