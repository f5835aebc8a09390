import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { newId, sha256 } from "../../platform/ids";
import { safeFilename } from "../../platform/safe-filename";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { sniffUpload } from "./attachment-rules";
import { attachments } from "./attachments.tables";

export type AttachmentRow = Omit<typeof attachments.$inferSelect, "content">;

const metaColumns = {
  orgId: attachments.orgId,
  id: attachments.id,
  messageId: attachments.messageId,
  filename: attachments.filename,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  inline: attachments.inline,
  contentId: attachments.contentId,
  uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt,
};

/** Stores an agent's upload, not yet on any message; its type comes from its bytes. */
export async function storeUpload(ctx: Ctx, file: { name: string; bytes: Buffer }): Promise<AttachmentRow> {
  const filename = safeFilename(file.name);
  const contentType = await sniffUpload(filename, file.bytes);
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const [row] = await s.tx
      .insert(attachments)
      .values({
        orgId: s.orgId,
        id: newId(),
        filename,
        contentType,
        size: file.bytes.length,
        sha256: sha256(file.bytes),
        uploadedBy: ctx.actor.userId,
        content: file.bytes,
      })
      .returning(metaColumns);
    return row!;
  });
}

/** Stores a received mail's files on its message (their names were made safe by the parser). */
export async function storeMessageFiles(
  s: OrgTx,
  messageId: string,
  files: { filename: string; contentType: string; content: Buffer; inline: boolean; contentId: string | null }[],
): Promise<void> {
  if (files.length === 0) return;
  await s.tx.insert(attachments).values(
    files.map((f) => ({
      orgId: s.orgId,
      id: newId(),
      messageId,
      filename: f.filename,
      contentType: f.contentType,
      size: f.content.length,
      sha256: sha256(f.content),
      inline: f.inline,
      contentId: f.contentId,
      content: f.content,
    })),
  );
}

/** Puts the caller's own unattached uploads on a message; any other id is refused by position. */
export async function linkUploads(s: OrgTx, userId: string | null, messageId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const mine = await s.tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.orgId, s.orgId),
        inArray(attachments.id, unique),
        isNull(attachments.messageId),
        userId ? eq(attachments.uploadedBy, userId) : sql`false`,
      ),
    );
  const found = new Set(mine.map((r) => r.id));
  const bad = unique.map((id, i) => [id, i] as const).filter(([id]) => !found.has(id));
  if (bad.length) {
    throw new AppError(
      "unprocessable",
      "Unknown or already used attachment",
      Object.fromEntries(bad.map(([, i]) => [`attachmentIds.${i}`, ["Not an upload of yours waiting to be sent"]])),
    );
  }
  await s.tx
    .update(attachments)
    .set({ messageId })
    .where(and(eq(attachments.orgId, s.orgId), inArray(attachments.id, unique)));
}

/** The files of these messages, by message. */
export async function attachmentsOf(s: OrgTx, messageIds: string[]): Promise<Map<string, AttachmentRow[]>> {
  const out = new Map<string, AttachmentRow[]>();
  if (messageIds.length === 0) return out;
  const rows = await s.tx
    .select(metaColumns)
    .from(attachments)
    .where(and(eq(attachments.orgId, s.orgId), inArray(attachments.messageId, messageIds)))
    .orderBy(attachments.createdAt, attachments.id);
  for (const r of rows) out.set(r.messageId!, [...(out.get(r.messageId!) ?? []), r]);
  return out;
}

/** One file with its bytes, for download or for sending by mail. */
export async function readAttachment(ctx: Ctx, id: string) {
  const [row] = await inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx
      .select()
      .from(attachments)
      .where(and(eq(attachments.orgId, s.orgId), eq(attachments.id, id))),
  );
  // Another user's upload that is not on a message yet is still a draft: it is not there for anyone else.
  if (!row || (!row.messageId && row.uploadedBy !== ctx.actor.userId)) throw notFound("Attachment");
  return row;
}

/** The files of one message with their bytes (outgoing mail). */
export async function messageFiles(s: OrgTx, messageId: string) {
  return s.tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.orgId, s.orgId), eq(attachments.messageId, messageId)))
    .orderBy(attachments.createdAt, attachments.id);
}
