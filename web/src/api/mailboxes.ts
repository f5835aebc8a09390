import {
  type CreateImapMailboxInput,
  type ImapMailbox,
  imapMailboxListSchema,
  imapMailboxSchema,
  one,
  type UpdateImapMailboxInput,
} from "@frontline/common";
import { apiDelete, apiGet, apiPatch, apiPost } from "./client";

const mailboxResponse = one(imapMailboxSchema);
const PATH = "/channels/imap-mailboxes";

/** The organisation's IMAP mailboxes (admin only); the password never comes back. */
export async function listMailboxes(signal?: AbortSignal): Promise<ImapMailbox[]> {
  return (await apiGet(PATH, imapMailboxListSchema, undefined, signal)).data;
}

/** Adds a mailbox; its first poll follows within seconds. */
export async function createMailbox(input: CreateImapMailboxInput): Promise<ImapMailbox> {
  return (await apiPost(PATH, input, mailboxResponse)).data;
}

/** Changes a mailbox; the password only when a new one is given. */
export async function updateMailbox(id: string, input: UpdateImapMailboxInput): Promise<ImapMailbox> {
  return (await apiPatch(`${PATH}/${encodeURIComponent(id)}`, input, mailboxResponse)).data;
}

/** Stops polling a mailbox and forgets it; mail already received stays. */
export function removeMailbox(id: string): Promise<void> {
  return apiDelete(`${PATH}/${encodeURIComponent(id)}`);
}
