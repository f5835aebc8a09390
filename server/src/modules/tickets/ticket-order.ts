import type { TicketSort } from "@frontline/common";
import { type SQL, sql } from "drizzle-orm";
import { cursorTime, decodeCursor } from "../../platform/paging";
import type { TicketRow } from "./tickets.queries";
import { tickets } from "./tickets.tables";

/**
 * The SLA order key: a ticket with nothing counting sorts as due at infinity, so it comes after
 * every due time and the keyset stays one row comparison. The same expression is indexed
 * (`tickets_org_sla_due_idx`), so the inbox reads it in order.
 */
const slaDueKey = sql`coalesce(${tickets.slaDueAt}, 'infinity'::timestamptz)`;

const ORDERS = {
  updated_desc: { key: sql`${tickets.updatedAt}`, dir: "desc", time: (r: TicketRow) => r.updatedAt },
  updated_asc: { key: sql`${tickets.updatedAt}`, dir: "asc", time: (r: TicketRow) => r.updatedAt },
  created_desc: { key: sql`${tickets.createdAt}`, dir: "desc", time: (r: TicketRow) => r.createdAt },
  created_asc: { key: sql`${tickets.createdAt}`, dir: "asc", time: (r: TicketRow) => r.createdAt },
  sla_due_asc: { key: slaDueKey, dir: "asc", time: (r: TicketRow) => r.slaDueAt },
} as const satisfies Record<TicketSort, { key: SQL; dir: "asc" | "desc"; time: (r: TicketRow) => Date | null }>;

// A cursor at a ticket without a due time carries this instead of a date.
const NO_TIME = "";

/**
 * A list order as SQL: the condition for rows after `cursor`, the ORDER BY, and the cursor of a row.
 * The cursor's values are placeholders (`values`), so the statement's text depends only on `shape`.
 */
export function ticketOrder(sort: TicketSort, cursor: string | undefined) {
  const order = ORDERS[sort];
  let after: SQL | undefined;
  const values: Record<string, unknown> = {};
  let shape: string = sort;
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 2);
    const endless = at === NO_TIME && sort === "sla_due_asc";
    const when = endless ? sql`'infinity'::timestamptz` : sql`${sql.placeholder("cursorAt")}::timestamptz`;
    if (!endless) values.cursorAt = cursorTime(at!);
    values.cursorId = id;
    shape += endless ? ":after-endless" : ":after";
    after =
      order.dir === "desc"
        ? sql`(${order.key}, ${tickets.id}) < (${when}, ${sql.placeholder("cursorId")}::uuid)`
        : sql`(${order.key}, ${tickets.id}) > (${when}, ${sql.placeholder("cursorId")}::uuid)`;
  }
  const orderBy =
    order.dir === "desc" ? [sql`${order.key} DESC`, sql`${tickets.id} DESC`] : [order.key, sql`${tickets.id}`];
  const keyOf = (r: TicketRow) => [order.time(r)?.toISOString() ?? NO_TIME, r.id];
  return { after, orderBy, keyOf, values, shape };
}
