CREATE TABLE "views" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"filters" jsonb NOT NULL,
	"sort" text DEFAULT 'updated_desc' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "views_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "views" ADD CONSTRAINT "views_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "views" ADD CONSTRAINT "views_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "views_org_owner_idx" ON "views" USING btree ("org_id","owner_id");--> statement-breakpoint
CREATE INDEX "views_org_team_idx" ON "views" USING btree ("org_id","team_id");--> statement-breakpoint
SELECT frontline_secure_tenant_table('views');
