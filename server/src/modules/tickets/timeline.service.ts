import type { pageQuerySchema } from "@frontline/common";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { cursorTime, decodeCursor, pageFrom } from "../../platform/paging";
import { inOrgReadOnly } from "../../platform/tenancy";
import { findCustomer } from "../customers";
import { attachmentsOf } from "./attachments.service";
import { messageColumns } from "./messages.service";
import { messages, tickets } from "./tickets.tables";

/** Every message of every ticket a customer raised, across channels, newest first. */
export async function customerTimeline(ctx: Ctx, customerId: string, q: z.infer<typeof pageQuerySchema>) {
  const rows = await inOrgReadOnly(ctx.database, ctx.orgId, async (s) => {
    if (!(await findCustomer(s, customerId))) throw notFound("Customer");
    const after = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
    const afterTime = after ? cursorTime(after[0]!) : undefined;
    const found = await s.tx
      .select({
        ...messageColumns,
        ticketNumber: tickets.number,
        ticketSubject: tickets.subject,
        ticketStatus: tickets.status,
      })
      .from(messages)
      .innerJoin(tickets, and(eq(tickets.orgId, messages.orgId), eq(tickets.id, messages.ticketId)))
      .where(
        and(
          eq(messages.orgId, s.orgId),
          eq(tickets.requesterId, customerId),
          after ? sql`(${messages.createdAt}, ${messages.id}) < (${afterTime}, ${after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(q.limit + 1);
    const files = await attachmentsOf(
      s,
      found.map((r) => r.id),
    );
    return found.map((r) => ({ ...r, attachments: files.get(r.id) ?? [] }));
  });
  return pageFrom(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

export type TimelineRow = Awaited<ReturnType<typeof customerTimeline>>["page"][number];
