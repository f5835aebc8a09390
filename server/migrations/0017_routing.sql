CREATE TABLE "routing_agent_skills" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" integer,
	CONSTRAINT "routing_agent_skills_org_id_user_id_skill_id_pk" PRIMARY KEY("org_id","user_id","skill_id"),
	CONSTRAINT "routing_agent_skills_level_check" CHECK ("routing_agent_skills"."level" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "routing_agents" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"presence" text DEFAULT 'offline' NOT NULL,
	"presence_since" timestamp with time zone,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"max_tickets" integer DEFAULT 10 NOT NULL,
	"max_chats" integer DEFAULT 3 NOT NULL,
	"last_assigned_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_agents_org_id_user_id_pk" PRIMARY KEY("org_id","user_id"),
	CONSTRAINT "routing_agents_capacity_check" CHECK ("routing_agents"."max_tickets" >= 0 AND "routing_agents"."max_chats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "routing_skills" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_skills_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "routing_teams" (
	"org_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"strategy" text DEFAULT 'manual' NOT NULL,
	"skill_matching" boolean DEFAULT true NOT NULL,
	"language_matching" boolean DEFAULT true NOT NULL,
	"reassign_on_offline" boolean DEFAULT false NOT NULL,
	"last_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_teams_org_id_team_id_pk" PRIMARY KEY("org_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "routing_ticket_requirements" (
	"org_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"language" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_ticket_requirements_org_id_ticket_id_pk" PRIMARY KEY("org_id","ticket_id")
);
--> statement-breakpoint
CREATE TABLE "routing_ticket_skills" (
	"org_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	CONSTRAINT "routing_ticket_skills_org_id_ticket_id_skill_id_pk" PRIMARY KEY("org_id","ticket_id","skill_id")
);
--> statement-breakpoint
ALTER TABLE "routing_agent_skills" ADD CONSTRAINT "routing_agent_skills_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_agent_skills" ADD CONSTRAINT "routing_agent_skills_org_id_skill_id_routing_skills_org_id_id_fk" FOREIGN KEY ("org_id","skill_id") REFERENCES "public"."routing_skills"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_agents" ADD CONSTRAINT "routing_agents_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_teams" ADD CONSTRAINT "routing_teams_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_teams" ADD CONSTRAINT "routing_teams_org_id_last_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","last_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_ticket_requirements" ADD CONSTRAINT "routing_ticket_requirements_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_ticket_skills" ADD CONSTRAINT "routing_ticket_skills_org_id_ticket_id_tickets_org_id_id_fk" FOREIGN KEY ("org_id","ticket_id") REFERENCES "public"."tickets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_ticket_skills" ADD CONSTRAINT "routing_ticket_skills_org_id_skill_id_routing_skills_org_id_id_fk" FOREIGN KEY ("org_id","skill_id") REFERENCES "public"."routing_skills"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routing_agent_skills_skill_idx" ON "routing_agent_skills" USING btree ("org_id","skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_skills_org_name_key" ON "routing_skills" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "routing_ticket_skills_skill_idx" ON "routing_ticket_skills" USING btree ("org_id","skill_id");--> statement-breakpoint
SELECT frontline_secure_tenant_table('routing_skills');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('routing_agent_skills');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('routing_agents');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('routing_teams');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('routing_ticket_requirements');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('routing_ticket_skills');
