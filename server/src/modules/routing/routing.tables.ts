import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, orgId, timestamps } from "../../platform/columns";
import { teams, users } from "../staff/staff.tables";
import { tickets } from "../tickets/tickets.tables";

/** The skills an organisation routes on ("Refunds", "SEPA", "Router setup"). */
export const skills = pgTable(
  "routing_skills",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("routing_skills_org_name_key").on(t.orgId, sql`lower(${t.name})`),
  ],
);

/** Who has which skill, with an optional level from 1 (learning) to 5 (expert). */
export const agentSkills = pgTable(
  "routing_agent_skills",
  {
    orgId: orgId(),
    userId: uuid("user_id").notNull(),
    skillId: uuid("skill_id").notNull(),
    level: integer("level"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.skillId] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.skillId], foreignColumns: [skills.orgId, skills.id] }).onDelete("cascade"),
    index("routing_agent_skills_skill_idx").on(t.orgId, t.skillId),
    check("routing_agent_skills_level_check", sql`${t.level} BETWEEN 1 AND 5`),
  ],
);

/**
 * An agent as routing sees them: presence, the languages they speak besides their profile's, their
 * capacity, and when routing last gave them a ticket. No row yet means offline with the defaults.
 */
export const agents = pgTable(
  "routing_agents",
  {
    orgId: orgId(),
    userId: uuid("user_id").notNull(),
    presence: text("presence", { enum: ["online", "away", "offline"] })
      .notNull()
      .default("offline"),
    presenceSince: at("presence_since"),
    languages: text("languages").array().notNull().default(sql`'{}'`),
    maxTickets: integer("max_tickets").notNull().default(10),
    maxChats: integer("max_chats").notNull().default(3),
    lastAssignedAt: at("last_assigned_at"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete("cascade"),
    check("routing_agents_capacity_check", sql`${t.maxTickets} >= 0 AND ${t.maxChats} >= 0`),
  ],
);

/** How a team hands out its tickets; no row yet means manual. */
export const teamSettings = pgTable(
  "routing_teams",
  {
    orgId: orgId(),
    teamId: uuid("team_id").notNull(),
    strategy: text("strategy", { enum: ["manual", "round_robin", "least_loaded"] })
      .notNull()
      .default("manual"),
    skillMatching: boolean("skill_matching").notNull().default(true),
    languageMatching: boolean("language_matching").notNull().default(true),
    reassignOnOffline: boolean("reassign_on_offline").notNull().default(false),
    /** Round robin's memory: the next pick is the first eligible agent after this one. */
    lastUserId: uuid("last_user_id"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.teamId] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.lastUserId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A language someone set for routing a ticket, overriding the one detected from the customer. */
export const ticketRequirements = pgTable(
  "routing_ticket_requirements",
  {
    orgId: orgId(),
    ticketId: uuid("ticket_id").notNull(),
    language: text("language"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.ticketId] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
  ],
);

/** The skills a ticket needs. */
export const ticketSkills = pgTable(
  "routing_ticket_skills",
  {
    orgId: orgId(),
    ticketId: uuid("ticket_id").notNull(),
    skillId: uuid("skill_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.ticketId, t.skillId] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    foreignKey({ columns: [t.orgId, t.skillId], foreignColumns: [skills.orgId, skills.id] }).onDelete("cascade"),
    index("routing_ticket_skills_skill_idx").on(t.orgId, t.skillId),
  ],
);
