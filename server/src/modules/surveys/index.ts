import type { Deps } from "../../platform/context";
import type { JobRunner } from "../../platform/jobs";
import type { MailTransport } from "../channels";
import "./surveys.events";
import { SEND_SURVEY } from "./scheduling";
import { sendSurveyHandler } from "./sending";

export { SEND_SURVEY } from "./scheduling";
export { settingsOf as surveySettingsOf } from "./settings.service";
export { surveyPublicRoutes, surveySettingsRoutes } from "./surveys.routes";

/** Paths that carry a survey's token: request logs show them without it. */
export const SURVEY_TOKEN_PATHS = ["/s/", "/api/v1/surveys/"] as const;

/**
 * Registers the survey mails. Without a relay (`SMTP_URL` unset) they wait, like replies; one that
 * waited past its link's expiry is skipped rather than sent late.
 */
export function registerSurveyJobs(
  runner: JobRunner,
  deps: Deps,
  transport: MailTransport | undefined,
  baseUrl?: () => string,
): void {
  if (transport) runner.register(SEND_SURVEY, sendSurveyHandler(deps, transport, baseUrl));
}
