import type { ImapMailbox } from "@frontline/common";

/** Where a mailbox stands, as an admin reads it at a glance. */
export type MailboxStatus = "disabled" | "waiting" | "failing" | "working";

/** A disabled mailbox is never "failing": its last error is history, not a reason to act now. */
export function mailboxStatus(box: Pick<ImapMailbox, "enabled" | "lastPolledAt" | "lastError">): MailboxStatus {
  if (!box.enabled) return "disabled";
  if (box.lastError) return "failing";
  return box.lastPolledAt ? "working" : "waiting";
}

export const STATUS_COLORS: Record<MailboxStatus, string> = {
  disabled: "gray",
  waiting: "blue",
  failing: "red",
  working: "teal",
};
