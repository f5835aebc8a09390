import type { Locale, PublicSurvey, SurveySettings } from "@frontline/common";
import type { surveyResponses } from "./surveys.tables";

type ResponseRow = typeof surveyResponses.$inferSelect;

/** What the survey page is told: the ticket it is about, what it asks, and the answer so far. */
export function presentPublicSurvey(f: {
  orgName: string;
  ticket: { number: number; subject: string };
  locale: Locale;
  settings: SurveySettings;
  response: ResponseRow | undefined;
  expiresAt: Date;
}): PublicSurvey {
  const r = f.response;
  return {
    organization: { name: f.orgName },
    ticket: { number: f.ticket.number, subject: f.ticket.subject },
    locale: f.locale,
    nps: f.settings.nps,
    questions: f.settings.questions,
    response: r
      ? { rating: r.rating, nps: r.nps, comment: r.comment, answers: r.answers, updatedAt: r.updatedAt.toISOString() }
      : null,
    expiresAt: f.expiresAt.toISOString(),
  };
}
