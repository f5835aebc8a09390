import type { createImapMailboxInput } from "@frontline/common";
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { inOrg } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { imapMailboxes } from "./channels.tables";
import { schedulePoll } from "./imap-poll";

type Row = typeof imapMailboxes.$inferSelect;

/** Mailbox row → API shape, without the password. */
export function presentMailbox(r: Row) {
  return {
    id: r.id,
    host: r.host,
    port: r.port,
    secure: r.secure,
    username: r.username,
    folder: r.folder,
    enabled: r.enabled,
    lastUid: r.lastUid,
    lastPolledAt: r.lastPolledAt?.toISOString() ?? null,
    lastError: r.lastError,
  };
}

/** Adds a mailbox and queues its first poll in the same transaction. */
export async function addMailbox(ctx: Ctx, input: z.infer<typeof createImapMailboxInput>): Promise<Row> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const [row] = await s.tx
      .insert(imapMailboxes)
      .values({ orgId: s.orgId, id: newId(), ...input })
      .returning();
    await schedulePoll(s, row!.id);
    await recordAudit(s, ctx, {
      action: "imap_mailbox.created",
      entityType: "imap_mailbox",
      entityId: row!.id,
      changes: { host: [null, input.host], username: [null, input.username] },
    });
    return row!;
  });
}

/** The organisation's mailboxes, newest first. */
export async function listMailboxes(ctx: Ctx): Promise<Row[]> {
  return inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx.select().from(imapMailboxes).where(eq(imapMailboxes.orgId, s.orgId)).orderBy(desc(imapMailboxes.id)),
  );
}

/** Stops polling a mailbox and forgets it (mail already received stays). */
export async function removeMailbox(ctx: Ctx, id: string): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    const gone = await s.tx
      .delete(imapMailboxes)
      .where(and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, id)))
      .returning({ id: imapMailboxes.id });
    if (gone.length === 0) throw notFound("Mailbox");
    await recordAudit(s, ctx, { action: "imap_mailbox.deleted", entityType: "imap_mailbox", entityId: id });
  });
}
