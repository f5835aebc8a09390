import { customType, foreignKey, index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { tickets } from "./tickets.tables";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One search document per ticket: subject and every message's text, stemmed in the ticket's language
 * and also kept word for word. Searching one document per ticket with an (org_id, tsv) index is what
 * stays fast in a large organisation, where an index over every message is not.
 */
export const ticketSearch = pgTable(
  "ticket_search",
  {
    orgId: orgId(),
    ticketId: uuid("ticket_id").notNull(),
    tsv: tsvector("tsv").notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.ticketId] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }).onDelete("cascade"),
    // New documents wait in GIN's pending list until it is merged, and every search reads the whole
    // list: at the default 4 MB a busy organisation's searches took 15 ms longer. A 256 kB list keeps
    // that near a millisecond for about 0.25 ms more per document written (merging every entry at
    // once, fastupdate off, cost 1.7 ms per document). Decision 030.
    index("ticket_search_org_tsv_idx").using("gin", t.orgId, t.tsv).with({ gin_pending_list_limit: 256 }),
  ],
);
