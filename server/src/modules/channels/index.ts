import type { Deps } from "../../platform/context";
import type { JobRunner } from "../../platform/jobs";
import "./channels.events";
import { SEND_REPLY, sendReplyHandler } from "./email-out";
import { POLL_IMAP, pollImapHandler } from "./imap-poll";
import { type MailTransport, smtpTransport } from "./smtp-transport";

export { channelRoutes } from "./channels.routes";
export { type IngestResult, ingestMail } from "./email-in";
export { headerSafe, SEND_REPLY, senderOf } from "./email-out";
export { logCall } from "./phone.service";
export { type SmtpListener, startSmtpListener } from "./smtp-listener";
export { type MailTransport, smtpTransport } from "./smtp-transport";

/**
 * Registers the channels' background work. Without a relay (`SMTP_URL` unset) replies stay queued,
 * not dropped, and go out once one is configured. `baseUrl` is where links in replies point.
 */
export function registerChannelJobs(
  runner: JobRunner,
  deps: Deps,
  transport?: MailTransport,
  baseUrl?: () => string,
): MailTransport | undefined {
  runner.register(POLL_IMAP, pollImapHandler);
  const mail = transport ?? (deps.config.SMTP_URL ? smtpTransport(deps.config.SMTP_URL) : undefined);
  if (mail) runner.register(SEND_REPLY, sendReplyHandler(deps, mail, baseUrl));
  else deps.log.warn("SMTP_URL is not set: replies are kept in the outbox until a mail relay is configured");
  return mail;
}
