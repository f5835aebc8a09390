import { foreignKey, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { users } from "../staff/staff.tables";

/** Server-side sessions: the cookie holds a random token, the table only its hash. */
export const sessions = pgTable(
  "sessions",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: at("created_at").notNull().defaultNow(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete("cascade"),
    index("sessions_token_hash_idx").on(t.tokenHash),
    index("sessions_user_idx").on(t.orgId, t.userId),
  ],
);

/** Personal API tokens: shown once, stored hashed, act with their owner's role. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    lastUsedAt: at("last_used_at"),
    expiresAt: at("expires_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete("cascade"),
    index("api_tokens_token_hash_idx").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.orgId, t.userId),
  ],
);
