import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { orgId, timestamps } from "../../platform/columns";
import { teams, users } from "../staff/staff.tables";

/** Saved inbox filters: a user's own, or shared with a team. */
export const views = pgTable(
  "views",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    ownerId: uuid("owner_id"),
    teamId: uuid("team_id"),
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull(),
    sort: text("sort").notNull().default("updated_desc"),
    position: integer("position").notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete("cascade"),
    index("views_org_owner_idx").on(t.orgId, t.ownerId),
    index("views_org_team_idx").on(t.orgId, t.teamId),
  ],
);
