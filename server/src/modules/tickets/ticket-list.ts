import type { CountTicketsQuery, ListTicketsQuery } from "@frontline/common";
import { and, eq, gt, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import { builtOnceByShape } from "../../platform/built-once";
import { pageFrom } from "../../platform/paging";
import type { OrgTx } from "../../platform/tenancy";
import { ticketOrder } from "./ticket-order";
import type { TicketRow } from "./tickets.queries";
import { tickets } from "./tickets.tables";

const p = sql.placeholder;

/**
 * The list filters as conditions whose values are placeholders: the statement's text depends only
 * on which filters are asked for (`shape`), so it is assembled once per shape (platform/built-once).
 */
function filtersOf(q: CountTicketsQuery, orgId: string) {
  const shape: string[] = [];
  const conds: SQL[] = [eq(tickets.orgId, p("org"))];
  const values: Record<string, unknown> = { org: orgId };
  const add = (name: string, cond: SQL, value?: unknown) => {
    shape.push(name);
    conds.push(cond);
    if (value !== undefined) values[name] = value;
  };
  if (q.status) add("status", sql`${tickets.status} = ANY(${p("status")}::text[])`, q.status);
  if (q.priority) add("priority", sql`${tickets.priority} = ANY(${p("priority")}::text[])`, q.priority);
  if (q.channel) add("channel", sql`${tickets.channel} = ANY(${p("channel")}::text[])`, q.channel);
  if (q.assigneeId === "none") add("assignee:none", isNull(tickets.assigneeId));
  else if (q.assigneeId) add("assignee", eq(tickets.assigneeId, p("assignee")), q.assigneeId);
  if (q.teamId === "none") add("team:none", isNull(tickets.teamId));
  else if (q.teamId) add("team", eq(tickets.teamId, p("team")), q.teamId);
  if (q.requesterId) add("requester", eq(tickets.requesterId, p("requester")), q.requesterId);
  if (q.tag) add("tag", sql`${tickets.tags} @> ARRAY[${p("tag")}::text]`, q.tag);
  if (q.escalated === "true") add("escalated", gt(tickets.escalationLevel, 0));
  if (q.escalated === "false") add("not-escalated", eq(tickets.escalationLevel, 0));
  if (q.createdFrom) add("createdFrom", gte(tickets.createdAt, p("createdFrom")), new Date(q.createdFrom));
  if (q.createdTo) add("createdTo", lt(tickets.createdAt, p("createdTo")), new Date(q.createdTo));
  if (q.updatedFrom) add("updatedFrom", gte(tickets.updatedAt, p("updatedFrom")), new Date(q.updatedFrom));
  if (q.updatedTo) add("updatedTo", lt(tickets.updatedAt, p("updatedTo")), new Date(q.updatedTo));
  return { shape: shape.join(","), conds, values };
}

const countStatements = builtOnceByShape<{ n: number }[]>();
const pageStatements = builtOnceByShape<TicketRow[]>();

/** How many of the organisation's tickets match the filters. */
export async function countMatching(s: OrgTx, q: CountTicketsQuery): Promise<number> {
  const f = filtersOf(q, s.orgId);
  const [row] = await countStatements(
    s.tx,
    f.shape,
    (tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(tickets)
        .where(and(...f.conds)),
    f.values,
  );
  return Number(row?.n ?? 0);
}

/** A keyset page of the organisation's tickets matching the filters, in the asked order. */
export async function pageOfTickets(s: OrgTx, q: ListTicketsQuery) {
  const f = filtersOf(q, s.orgId);
  const order = ticketOrder(q.sort, q.cursor);
  const rows = await pageStatements(
    s.tx,
    `${f.shape}|${order.shape}`,
    (tx) =>
      tx
        .select()
        .from(tickets)
        .where(and(...f.conds, order.after))
        .orderBy(...order.orderBy)
        .limit(p("limit")),
    { ...f.values, ...order.values, limit: q.limit + 1 },
  );
  return pageFrom(rows, q.limit, order.keyOf);
}
