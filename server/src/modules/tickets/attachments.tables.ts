import { boolean, customType, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { users } from "../staff/staff.tables";
import { messages } from "./tickets.tables";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * Files on messages. An agent's upload waits unlinked (message_id null) until the reply that carries
 * it is sent; the server chooses the id, and only the uploader can attach it.
 */
export const attachments = pgTable(
  "attachments",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    messageId: uuid("message_id"),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    inline: boolean("inline").notNull().default(false),
    contentId: text("content_id"),
    uploadedBy: uuid("uploaded_by"),
    content: bytea("content").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.messageId], foreignColumns: [messages.orgId, messages.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.uploadedBy], foreignColumns: [users.orgId, users.id] }),
    index("attachments_org_message_idx").on(t.orgId, t.messageId),
  ],
);
