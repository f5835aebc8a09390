import { and, eq, sql } from "drizzle-orm";
import { ImapFlow } from "imapflow";
import type { Ctx } from "../../platform/context";
import { enqueueJob, type JobHandler, PermanentJobError } from "../../platform/jobs";
import { jobs } from "../../platform/jobs.tables";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { imapMailboxes } from "./channels.tables";
import { ingestMail } from "./email-in";
import { openMailboxPassword, sealMailboxPassword } from "./mailbox-password";

export const POLL_IMAP = "imap.poll";
const POLL_EVERY_MS = 60_000;

type Mailbox = typeof imapMailboxes.$inferSelect;

/**
 * Schedules the next poll of a mailbox at `runAt`, or brings a waiting one forward to it: never two
 * (a retried run or an edit must not fork the chain).
 */
export async function schedulePoll(s: OrgTx, mailboxId: string, runAt = new Date()): Promise<void> {
  const [waiting] = await s.tx
    .select({ id: jobs.id, runAt: jobs.runAt })
    .from(jobs)
    .where(
      and(
        eq(jobs.orgId, s.orgId),
        eq(jobs.queue, POLL_IMAP),
        eq(jobs.status, "queued"),
        sql`${jobs.payload} ->> 'mailboxId' = ${mailboxId}`,
      ),
    )
    .limit(1);
  if (!waiting) await enqueueJob(s, POLL_IMAP, { mailboxId }, { runAt });
  else if (waiting.runAt > runAt) {
    await s.tx
      .update(jobs)
      .set({ runAt })
      .where(and(eq(jobs.orgId, s.orgId), eq(jobs.id, waiting.id), eq(jobs.status, "queued")));
  }
}

/**
 * Fetches the messages that arrived since the last poll (by UID; all of them again when the folder's
 * UIDVALIDITY changed) and ingests each; deduplication by Message-ID makes a repeated fetch harmless.
 * Answers how many messages were read.
 */
export async function pollMailbox(ctx: Ctx, box: Mailbox, password: string): Promise<number> {
  const client = new ImapFlow({
    host: box.host,
    port: box.port,
    secure: box.secure,
    auth: { user: box.username, pass: password },
    logger: false,
    // Plain IMAP (secure: false) is for servers on a trusted network only; say so in the mailbox settings.
    doSTARTTLS: box.secure ? undefined : false,
  } as ConstructorParameters<typeof ImapFlow>[0]);
  // A socket error after sign-in is emitted as an event: unheard, it would take the whole process down.
  // The pending command fails with it too, so the poll still records it as the mailbox's last error.
  client.on("error", (err: Error) => ctx.log.warn({ mailboxId: box.id, err: err.message }, "IMAP connection error"));
  let read = 0;
  await client.connect();
  try {
    const lock = await client.getMailboxLock(box.folder);
    try {
      const mailbox = client.mailbox;
      const validity = mailbox ? String(mailbox.uidValidity) : null;
      let lastUid = validity === box.uidValidity ? box.lastUid : 0;
      for await (const message of client.fetch(`${lastUid + 1}:*`, { uid: true, source: true }, { uid: true })) {
        // "n:*" always returns the newest message, even when it is older than n.
        if (message.uid <= lastUid || !message.source) continue;
        await ingestMail(ctx, message.source, "imap");
        lastUid = message.uid;
        read += 1;
        await saveProgress(ctx, box.id, { uidValidity: validity, lastUid });
      }
      await saveProgress(ctx, box.id, { uidValidity: validity, lastUid, lastError: null });
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return read;
}

function saveProgress(ctx: Ctx, id: string, set: Partial<Mailbox>) {
  return inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx
      .update(imapMailboxes)
      .set({ ...set, lastPolledAt: new Date() })
      .where(and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, id))),
  );
}

/**
 * Rewrites a password stored before encryption at rest, sealed; only if it is still the one read, so an
 * admin's new password saved meanwhile is never overwritten.
 */
async function sealLegacyPassword(ctx: Ctx, box: Mailbox, password: string): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx
      .update(imapMailboxes)
      .set({ password: sealMailboxPassword(ctx, box.id, password) })
      .where(
        and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, box.id), eq(imapMailboxes.password, box.password)),
      ),
  );
}

/** The words an admin reads on the mailbox: the server's own answer ("Authentication failed.") when it gave one. */
function describePollError(err: unknown): string {
  const text = (err as { responseText?: unknown })?.responseText;
  const message = typeof text === "string" && text ? text : err instanceof Error ? err.message : String(err);
  return message.slice(0, 1000);
}

/** The job: poll once, record any error on the mailbox, and schedule the next poll. */
export const pollImapHandler: JobHandler = async (ctx, payload, job) => {
  const mailboxId = String(payload.mailboxId);
  const [box] = await inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx
      .select()
      .from(imapMailboxes)
      .where(and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, mailboxId))),
  );
  if (!box) throw new PermanentJobError("The mailbox was removed");
  if (!box.enabled) return;
  try {
    const { password, legacy } = openMailboxPassword(ctx, box);
    if (legacy) await sealLegacyPassword(ctx, box, password);
    await pollMailbox(ctx, box, password);
  } catch (err) {
    await saveProgress(ctx, box.id, { lastError: describePollError(err) });
  }
  // A minute after this run was due (so a moved test clock and a late run both keep the rhythm), never at once.
  const next = Math.max(job.runAt.getTime() + POLL_EVERY_MS, Date.now() + 1000);
  await inOrg(ctx.database, ctx.orgId, (s) => schedulePoll(s, box.id, new Date(next)));
};
