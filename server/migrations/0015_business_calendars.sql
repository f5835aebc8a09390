CREATE TABLE "business_calendars" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"hours" jsonb NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"holiday_country" text,
	"holiday_region" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_calendars_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "calendar_customer_regions" (
	"org_id" uuid NOT NULL,
	"region" text NOT NULL,
	"calendar_id" uuid NOT NULL,
	CONSTRAINT "calendar_customer_regions_org_id_region_pk" PRIMARY KEY("org_id","region")
);
--> statement-breakpoint
CREATE TABLE "team_calendars" (
	"org_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	CONSTRAINT "team_calendars_org_id_team_id_pk" PRIMARY KEY("org_id","team_id")
);
--> statement-breakpoint
ALTER TABLE "business_calendars" ADD CONSTRAINT "business_calendars_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_customer_regions" ADD CONSTRAINT "calendar_customer_regions_calendar_fk" FOREIGN KEY ("org_id","calendar_id") REFERENCES "public"."business_calendars"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_calendars" ADD CONSTRAINT "team_calendars_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_calendars" ADD CONSTRAINT "team_calendars_calendar_fk" FOREIGN KEY ("org_id","calendar_id") REFERENCES "public"."business_calendars"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "business_calendars_org_name_key" ON "business_calendars" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "business_calendars_org_default_key" ON "business_calendars" USING btree ("org_id") WHERE "business_calendars"."is_default";--> statement-breakpoint
CREATE INDEX "calendar_customer_regions_calendar_idx" ON "calendar_customer_regions" USING btree ("org_id","calendar_id");--> statement-breakpoint
CREATE INDEX "team_calendars_calendar_idx" ON "team_calendars" USING btree ("org_id","calendar_id");--> statement-breakpoint
SELECT frontline_secure_tenant_table('business_calendars');--> statement-breakpoint
SELECT frontline_secure_tenant_table('calendar_customer_regions');--> statement-breakpoint
SELECT frontline_secure_tenant_table('team_calendars');
