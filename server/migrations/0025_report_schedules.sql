CREATE TABLE "report_schedules" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"dashboard" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"period" text NOT NULL,
	"cadence" text NOT NULL,
	"weekday" integer,
	"day_of_month" integer,
	"hour" integer NOT NULL,
	"time_zone" text NOT NULL,
	"recipient_user_ids" uuid[] DEFAULT '{}' NOT NULL,
	"recipient_emails" text[] DEFAULT '{}' NOT NULL,
	"locale" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	"last_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_schedules_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_schedules_org_name_idx" ON "report_schedules" USING btree ("org_id","name");--> statement-breakpoint
SELECT frontline_secure_tenant_table('report_schedules');
