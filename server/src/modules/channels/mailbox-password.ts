import type { Ctx } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { isSealed, SecretError } from "../../platform/secrets";

/** What a mailbox password is bound to: a ciphertext moved to another row, column or tenant does not open. */
const context = (orgId: string, mailboxId: string) => ["imap_mailboxes.password", orgId, mailboxId];

/** Encrypts a mailbox password for its row; refuses (503, naming SECRETS_KEY) on a server without a key. */
export function sealMailboxPassword(ctx: Ctx, mailboxId: string, password: string): string {
  if (!ctx.secrets) {
    throw new AppError(
      "unavailable",
      "Mailbox passwords cannot be stored: this server has no SECRETS_KEY. Set it (32 bytes, e.g. openssl rand -base64 32) and restart.",
    );
  }
  return ctx.secrets.seal(password, context(ctx.orgId, mailboxId));
}

/**
 * The password to sign in with, and whether it is still plaintext from before encryption at rest.
 * Throws an Error whose message is what the admin reads as the mailbox's last error.
 */
export function openMailboxPassword(
  ctx: Ctx,
  box: { id: string; password: string },
): { password: string; legacy: boolean } {
  if (!ctx.secrets) {
    throw new Error("SECRETS_KEY is not set on the server, so the mailbox password cannot be read");
  }
  try {
    return { password: ctx.secrets.open(box.password, context(ctx.orgId, box.id)), legacy: !isSealed(box.password) };
  } catch (err) {
    if (!(err instanceof SecretError)) throw err;
    throw new Error(
      "The stored password cannot be decrypted with this server's SECRETS_KEY (was the key changed?): enter the password again",
    );
  }
}
