import type { ListNotificationsQuery, MarkNotificationsReadInput } from "@frontline/common";
import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, type FieldErrors } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { enqueueJob } from "../../platform/jobs";
import { cursorTime, decodeCursor, pageFrom } from "../../platform/paging";
import { inOrg, inOrgReadOnly, type OrgTx } from "../../platform/tenancy";
import { activeStaff } from "../staff";
import { findMessage, findTicket, type TicketNoteMentioned } from "../tickets";
import { mayBeNotified } from "./notifications.policy";
import { notifications } from "./notifications.tables";

export type NotificationRow = typeof notifications.$inferSelect;

/** The queues of mail notices, of mentions, rules' notices and escalation steps; see notice-mail.ts. */
export const MAIL_MENTION = "notifications.mail_mention";
export const MAIL_RULE_NOTICE = "notifications.mail_rule_notice";
export const MAIL_ESCALATION_NOTICE = "notifications.mail_escalation_notice";

/**
 * A notice is mailed a little later, and not at all once it was read in the app: someone working
 * in Frontline sees the bell and need not get a mail as well.
 */
export const MAIL_DELAY_MS = 2 * 60_000;

const EXCERPT_LENGTH = 200;

/** A notice to record: everything but what recordNotices fills in. */
export type NewNotice = Omit<typeof notifications.$inferInsert, "orgId" | "id" | "createdAt">;

/**
 * Records notices in the caller's transaction and queues each one's mail on `mailQueue`, due
 * MAIL_DELAY_MS later, so neither a notice nor its mail exists without the change behind them.
 * Answers the recorded notices (a mention already recorded for its note is skipped).
 */
export async function recordNotices(
  s: OrgTx,
  rows: readonly NewNotice[],
  mailQueue: string,
): Promise<{ id: string; userId: string }[]> {
  if (rows.length === 0) return [];
  // Set here rather than by the database: list cursors carry milliseconds, as Date does.
  const createdAt = new Date();
  const inserted = await s.tx
    .insert(notifications)
    .values(rows.map((r) => ({ ...r, orgId: s.orgId, id: newId(), createdAt })))
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });
  const runAt = new Date(createdAt.getTime() + MAIL_DELAY_MS);
  for (const { id } of inserted) await enqueueJob(s, mailQueue, { notificationId: id }, { runAt });
  return inserted;
}

/** The start of a note as one line of at most `length` characters, cut at a whole character. */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  const chars = [...flat];
  return chars.length <= length
    ? flat
    : `${chars
        .slice(0, length - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * Tells each colleague a note mentions (active, not its author) in the note's own transaction, and
 * queues their mail notice there too, so neither exists without the note.
 */
export async function notifyMentioned(s: OrgTx, e: TicketNoteMentioned): Promise<void> {
  const active = new Set((await activeStaff(s, e.mentionedIds)).map((p) => p.id));
  const recipients = e.mentionedIds.filter((id) => mayBeNotified(id, e.authorUserId, active));
  if (recipients.length === 0) return;
  const ticket = await findTicket(s, e.ticketId);
  const message = ticket ? await findMessage(s, e.ticketId, e.messageId) : undefined;
  if (!ticket || !message) return;
  await recordNotices(
    s,
    recipients.map((userId) => ({
      userId,
      kind: "mention" as const,
      actorUserId: e.authorUserId,
      actorName: message.authorName,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      ticketSubject: ticket.subject,
      messageId: message.id,
      excerpt: excerptOf(message.bodyText),
    })),
    MAIL_MENTION,
  );
}

/** One notification of the organisation, or undefined (mail jobs read it). */
export async function findNotification(s: OrgTx, id: string): Promise<NotificationRow | undefined> {
  const [row] = await s.tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, s.orgId), eq(notifications.id, id)));
  return row;
}

/** Records that the mail notice went out. */
export async function markMailed(s: OrgTx, id: string): Promise<void> {
  await s.tx
    .update(notifications)
    .set({ mailedAt: new Date() })
    .where(and(eq(notifications.orgId, s.orgId), eq(notifications.id, id)));
}

const mine = (s: OrgTx, userId: string) => and(eq(notifications.orgId, s.orgId), eq(notifications.userId, userId));

/** The caller's own notifications, newest first, optionally only the unread or only the read ones. */
export async function listNotifications(ctx: Ctx, userId: string, q: ListNotificationsQuery) {
  const after = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
  const afterTime = after ? cursorTime(after[0]!) : undefined;
  const conds: (SQL | undefined)[] = [
    q.unread === "true" ? isNull(notifications.readAt) : undefined,
    q.unread === "false" ? isNotNull(notifications.readAt) : undefined,
    after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${afterTime}, ${after[1]}::uuid)` : undefined,
  ];
  const rows = await inOrgReadOnly(ctx.database, ctx.orgId, (s) =>
    s.tx
      .select()
      .from(notifications)
      .where(and(mine(s, userId), ...conds))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.limit + 1),
  );
  return pageFrom(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

async function unreadIn(s: OrgTx, userId: string): Promise<number> {
  const [row] = await s.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine(s, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** How many of the caller's notifications are unread. */
export async function countUnread(ctx: Ctx, userId: string): Promise<number> {
  return inOrgReadOnly(ctx.database, ctx.orgId, (s) => unreadIn(s, userId));
}

/**
 * Marks the given (or all) of the caller's notifications read and answers how many stay unread.
 * An id that is not theirs (unknown, a colleague's, another organisation's) is a 404 on `ids.N`
 * and nothing is marked.
 */
export async function markRead(ctx: Ctx, userId: string, input: MarkNotificationsReadInput): Promise<number> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const ids = input.ids ? [...new Set(input.ids)] : undefined;
    if (ids) {
      const found = await s.tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(mine(s, userId), inArray(notifications.id, ids)));
      const known = new Set(found.map((r) => r.id));
      const fields: FieldErrors = {};
      input.ids?.forEach((id, i) => {
        if (!known.has(id)) fields[`ids.${i}`] = ["Unknown notification"];
      });
      if (Object.keys(fields).length > 0) throw new AppError("not_found", "Notification not found", fields);
    }
    await s.tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(mine(s, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined));
    return unreadIn(s, userId);
  });
}
