import type { createImapMailboxInput, UpdateImapMailboxInput } from "@frontline/common";
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { isSealed } from "../../platform/secrets";
import { inOrg } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { imapMailboxes } from "./channels.tables";
import { schedulePoll } from "./imap-poll";
import { sealMailboxPassword } from "./mailbox-password";

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

/** Adds a mailbox, its password sealed, and queues its first poll in the same transaction. */
export async function addMailbox(ctx: Ctx, input: z.infer<typeof createImapMailboxInput>): Promise<Row> {
  const id = newId();
  const password = sealMailboxPassword(ctx, id, input.password);
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const [row] = await s.tx
      .insert(imapMailboxes)
      .values({ orgId: s.orgId, id, ...input, password })
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

/** Which mailbox on which server: when one of these changes, the UIDs seen so far mean nothing there. */
const WHERE_FIELDS = ["host", "port", "username", "folder"] as const;

/**
 * Changes a mailbox. A new password is sealed (and a plaintext one from before encryption at rest is
 * sealed on the way); new connection settings clear the last error and bring the next poll forward.
 */
export async function updateMailbox(ctx: Ctx, id: string, input: UpdateImapMailboxInput): Promise<Row> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const [before] = await s.tx
      .select()
      .from(imapMailboxes)
      .where(and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, id)))
      .for("update");
    if (!before) throw notFound("Mailbox");
    const { password, ...fields } = input;
    const set: Partial<Row> = { ...fields };
    if (password !== undefined) set.password = sealMailboxPassword(ctx, id, password);
    else if (!isSealed(before.password) && ctx.secrets) set.password = sealMailboxPassword(ctx, id, before.password);
    const moved = WHERE_FIELDS.some((k) => fields[k] !== undefined && fields[k] !== before[k]);
    // Another folder or server: start from its first message; deduplication by Message-ID keeps that harmless.
    if (moved) Object.assign(set, { uidValidity: null, lastUid: 0 });
    const reconnect = moved || password !== undefined || (fields.secure ?? before.secure) !== before.secure;
    if (reconnect) set.lastError = null;
    if (Object.keys(set).length === 0) return before;
    const [after] = await s.tx
      .update(imapMailboxes)
      .set(set)
      .where(and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, id)))
      .returning();
    // Disabled mailboxes end their poll chain; enabling one, or new settings, starts the next poll now.
    if (after!.enabled && (reconnect || !before.enabled)) await schedulePoll(s, id);
    const changes = diff(snapshot(before), snapshot(after!));
    if (password !== undefined) changes.passwordChanged = [false, true];
    await recordAudit(s, ctx, { action: "imap_mailbox.updated", entityType: "imap_mailbox", entityId: id, changes });
    return after!;
  });
}

/** What the audit log keeps of a mailbox: never the password, sealed or not. */
function snapshot(r: Row) {
  return { host: r.host, port: r.port, secure: r.secure, username: r.username, folder: r.folder, enabled: r.enabled };
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
