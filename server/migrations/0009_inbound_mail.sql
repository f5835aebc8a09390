CREATE TABLE "inbound_mails" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dedup_key" text NOT NULL,
	"mail_message_id" text NOT NULL,
	"from_address" text,
	"subject" text DEFAULT '' NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"ticket_id" uuid,
	"message_id" uuid,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"size" integer NOT NULL,
	"raw" "bytea" NOT NULL,
	"source" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_mails_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_thread_ids" (
	"org_id" uuid NOT NULL,
	"mail_id" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_thread_ids_org_id_mail_id_pk" PRIMARY KEY("org_id","mail_id")
);
--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD CONSTRAINT "inbound_mails_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD CONSTRAINT "inbound_mails_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_thread_ids" ADD CONSTRAINT "mail_thread_ids_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_thread_ids" ADD CONSTRAINT "mail_thread_ids_org_id_message_id_messages_org_id_id_fk" FOREIGN KEY ("org_id","message_id") REFERENCES "public"."messages"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_mails_org_dedup_key" ON "inbound_mails" USING btree ("org_id","dedup_key");--> statement-breakpoint
CREATE INDEX "inbound_mails_org_received_idx" ON "inbound_mails" USING btree ("org_id","received_at");--> statement-breakpoint
SELECT frontline_secure_tenant_table('inbound_mails');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('mail_thread_ids');
--> statement-breakpoint
-- Mail arriving over SMTP names its organisation only by the address it was sent to.
CREATE POLICY support_address_lookup ON organizations AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (lower(support_email) = NULLIF(current_setting('app.support_address', true), ''));
