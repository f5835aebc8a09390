import type { Deps } from "../../platform/context";
import type { JobRunner } from "../../platform/jobs";
import type { MailTransport } from "../channels";
import "./notifications.events";
import { mailNoticeHandler } from "./notice-mail";
import { MAIL_ESCALATION_NOTICE, MAIL_MENTION, MAIL_RULE_NOTICE } from "./notifications.service";

export { notificationRoutes } from "./notifications.routes";
export { MAIL_ESCALATION_NOTICE, MAIL_MENTION, MAIL_RULE_NOTICE } from "./notifications.service";
export { notifyFromRule, type RuleNotice } from "./rule-notices";

/**
 * Registers the mail notices. Without a relay (`SMTP_URL` unset) the jobs finish without mailing:
 * the bell is the notice, and a relay configured later must not send a backlog of stale mail.
 */
export function registerNotificationJobs(runner: JobRunner, deps: Deps, transport?: MailTransport): void {
  const handler = mailNoticeHandler(deps, transport);
  runner.register(MAIL_MENTION, handler);
  runner.register(MAIL_RULE_NOTICE, handler);
  runner.register(MAIL_ESCALATION_NOTICE, handler);
}
