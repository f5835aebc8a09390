import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, orgId, timestamps } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";

export const users = pgTable(
  "users",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["agent", "supervisor", "manager", "admin"] }).notNull(),
    locale: text("locale").notNull().default("en"),
    timeZone: text("time_zone").notNull().default("UTC"),
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    deactivatedAt: at("deactivated_at"),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("users_org_email_key").on(t.orgId, sql`lower(${t.email})`),
    // Sign-in looks a user up by email before the organisation is known.
    index("users_email_idx").on(sql`lower(${t.email})`),
    index("users_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.id),
  ],
);

export const teams = pgTable(
  "teams",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("teams_org_name_key").on(t.orgId, sql`lower(${t.name})`),
  ],
);

export const teamMembers = pgTable(
  "team_members",
  {
    orgId: orgId(),
    teamId: uuid("team_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.teamId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete("cascade"),
    index("team_members_user_idx").on(t.orgId, t.userId),
  ],
);
