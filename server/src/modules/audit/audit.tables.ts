import { index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";

/** Append-only: the application role may insert and read, never update or delete. */
export const auditEvents = pgTable(
  "audit_events",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    action: text("action").notNull(),
    actorType: text("actor_type", { enum: ["user", "api_token", "system", "cli", "anonymous", "customer"] }).notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    changes: jsonb("changes").$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    requestId: text("request_id"),
    ip: text("ip"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("audit_events_org_action_idx").on(t.orgId, t.action, t.id),
    index("audit_events_org_entity_idx").on(t.orgId, t.entityType, t.entityId),
  ],
);
