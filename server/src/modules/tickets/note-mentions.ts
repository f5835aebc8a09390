import { mentionedIds } from "@frontline/common";
import { AppError, type FieldErrors } from "../../platform/errors";
import type { OrgTx } from "../../platform/tenancy";
import { activeStaff } from "../staff";

/** Raised when an internal note mentions colleagues: notifications tell them, in the same transaction. */
export const TICKET_NOTE_MENTIONED = "ticket.note_mentioned";
export interface TicketNoteMentioned {
  ticketId: string;
  messageId: string;
  authorUserId: string | null;
  /** Active staff of the organisation, in order of mention; may include the author. */
  mentionedIds: string[];
}

/** More than this many colleagues in one note is a broadcast, and a way to mail-bomb the team. */
export const MAX_MENTIONS = 50;

/**
 * Who a note mentions: the active colleagues its text names (`@Full Name`, `@email`) and those given
 * by id. A given id that is not an active colleague here (unknown, deactivated, another
 * organisation's) fails the note with 422 on `mentionIds.N`, before anything is written; so do more
 * than MAX_MENTIONS people.
 */
export async function noteMentions(s: OrgTx, text: string, givenIds: readonly string[]): Promise<string[]> {
  // Most notes mention nobody: skip reading the directory for them.
  const named = text.includes("@");
  if (!named && givenIds.length === 0) return [];
  const staff = await activeStaff(s, named ? undefined : givenIds);
  const active = new Set(staff.map((p) => p.id));
  const fields: FieldErrors = {};
  givenIds.forEach((id, i) => {
    if (!active.has(id)) fields[`mentionIds.${i}`] = ["Unknown or inactive user"];
  });
  if (Object.keys(fields).length > 0) throw new AppError("unprocessable", "Unknown or inactive colleague", fields);
  const ids = [...new Set([...(named ? mentionedIds(text, staff) : []), ...givenIds])];
  if (ids.length > MAX_MENTIONS) {
    throw new AppError("unprocessable", "Too many colleagues mentioned", {
      body: [`Mention at most ${MAX_MENTIONS} colleagues in one note`],
    });
  }
  return ids;
}
