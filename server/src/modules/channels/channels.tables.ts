import {
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";
import { messages, tickets } from "../tickets/tickets.tables";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * Every mail received, kept raw, whatever became of it: a ticket, a reply on one, or set aside
 * (an auto-reply, a bounce, a broken message). The same Message-ID twice is one row.
 */
export const inboundMails = pgTable(
  "inbound_mails",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    /** SHA-256 of the Message-ID (or of the raw mail when it has none): the deduplication key. */
    dedupKey: text("dedup_key").notNull(),
    mailMessageId: text("mail_message_id").notNull(),
    fromAddress: text("from_address"),
    subject: text("subject").notNull().default(""),
    outcome: text("outcome", {
      enum: ["ticket_created", "message_added", "follow_up", "suppressed", "broken"],
    }).notNull(),
    reason: text("reason"),
    ticketId: uuid("ticket_id"),
    messageId: uuid("message_id"),
    problems: jsonb("problems").$type<string[]>().notNull().default([]),
    size: integer("size").notNull(),
    raw: bytea("raw").notNull(),
    source: text("source", { enum: ["smtp", "api", "imap"] }).notNull(),
    receivedAt: at("received_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("inbound_mails_org_dedup_key").on(t.orgId, t.dedupKey),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    index("inbound_mails_org_received_idx").on(t.orgId, t.receivedAt),
  ],
);

/** Which message a mail Message-ID belongs to, in or out: how a customer's answer finds its ticket. */
export const mailThreadIds = pgTable(
  "mail_thread_ids",
  {
    orgId: orgId(),
    mailId: text("mail_id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    messageId: uuid("message_id").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.mailId] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.messageId], foreignColumns: [messages.orgId, messages.id] }).onDelete("cascade"),
  ],
);

/** A mailbox Frontline polls over IMAP for an organisation (the third way mail comes in). */
export const imapMailboxes = pgTable(
  "imap_mailboxes",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    host: text("host").notNull(),
    port: integer("port").notNull(),
    secure: boolean("secure").notNull().default(true),
    username: text("username").notNull(),
    password: text("password").notNull(),
    folder: text("folder").notNull().default("INBOX"),
    enabled: boolean("enabled").notNull().default(true),
    uidValidity: text("uid_validity"),
    lastUid: integer("last_uid").notNull().default(0),
    lastPolledAt: at("last_polled_at"),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
