import { foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { customers } from "../customers/customers.tables";
import { tickets } from "../tickets/tickets.tables";

/**
 * Sign-in links mailed to customers. The row is written when the link is asked for (so the number a
 * recipient gets per hour can be capped); the secret itself is minted by the mail job, which stores
 * only its hash: no raw token rests in the database, the job queue or a log.
 */
export const portalLinks = pgTable(
  "portal_links",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    customerId: uuid("customer_id").notNull(),
    /** Where the link lands after sign-in: the request it was mailed about. */
    ticketId: uuid("ticket_id"),
    reason: text("reason", { enum: ["sign_in", "request_received"] }).notNull(),
    locale: text("locale").notNull(),
    tokenHash: text("token_hash"),
    createdAt: at("created_at").notNull().defaultNow(),
    sentAt: at("sent_at"),
    expiresAt: at("expires_at"),
    usedAt: at("used_at"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    uniqueIndex("portal_links_org_token_key").on(t.orgId, t.tokenHash),
    index("portal_links_org_customer_idx").on(t.orgId, t.customerId, t.createdAt),
  ],
);

/** A customer's signed-in portal session: the cookie holds a random token, the table only its hash. */
export const portalSessions = pgTable(
  "portal_sessions",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    customerId: uuid("customer_id").notNull(),
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
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    uniqueIndex("portal_sessions_org_token_key").on(t.orgId, t.tokenHash),
    index("portal_sessions_org_customer_idx").on(t.orgId, t.customerId),
  ],
);
