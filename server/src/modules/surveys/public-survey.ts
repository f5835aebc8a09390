import type { PublicSurvey, SurveyAnswerInput, SurveySettings } from "@frontline/common";
import { and, eq, gt } from "drizzle-orm";
import type { Ctx, Deps } from "../../platform/context";
import { AppError, type FieldErrors } from "../../platform/errors";
import { sha256 } from "../../platform/ids";
import { inLookup, inOrg, type OrgTx } from "../../platform/tenancy";
import { findCustomer } from "../customers";
import { currentOrganization } from "../orgs";
import { findTicket } from "../tickets";
import { escalateBadRating } from "./bad-rating";
import { localeOf } from "./sending";
import { settingsOf } from "./settings.service";
import { presentPublicSurvey } from "./surveys.present";
import { surveyRequests, surveyResponses } from "./surveys.tables";

/** Who answers: a customer holding a mailed link, with no session; the request's id and address. */
export interface SurveyCaller extends Pick<Ctx, "requestId" | "ip"> {
  deps: Deps;
}

// randomToken(32): 43 characters of URL-safe base64.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

// The same answer for a token that is malformed, unknown or expired: nobody learns which links existed.
const invalidLink = () => new AppError("not_found", "This survey link is not valid or has expired");

/** The organisation and survey a link's token is for, found by its hash before the tenant is known. */
async function surveyOfToken(deps: Deps, token: string): Promise<{ orgId: string; id: string }> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink();
  const hash = sha256(token);
  const [found] = await inLookup(deps.database, { surveyTokenHash: hash }, (tx) =>
    tx
      .select({ orgId: surveyRequests.orgId, id: surveyRequests.id })
      .from(surveyRequests)
      // The process's clock, as everywhere a deadline is decided (the jobs, the sending above).
      .where(and(eq(surveyRequests.tokenHash, hash), gt(surveyRequests.expiresAt, new Date())))
      .limit(1),
  );
  if (!found) throw invalidLink();
  return found;
}

/** The survey, its ticket and its settings, inside its organisation; the request row locked when asked. */
async function loadSurvey(s: OrgTx, id: string, lock = false) {
  const query = s.tx
    .select()
    .from(surveyRequests)
    .where(and(eq(surveyRequests.orgId, s.orgId), eq(surveyRequests.id, id)));
  const [req] = lock ? await query.for("update") : await query;
  const ticket = req ? await findTicket(s, req.ticketId) : undefined;
  if (!req || !ticket) throw invalidLink();
  const [response] = await s.tx
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, s.orgId), eq(surveyResponses.ticketId, ticket.id)));
  return { req, ticket, response, settings: await settingsOf(s) };
}

async function describe(s: OrgTx, loaded: Awaited<ReturnType<typeof loadSurvey>>): Promise<PublicSurvey> {
  const org = await currentOrganization(s);
  const customer = await findCustomer(s, loaded.ticket.requesterId);
  return presentPublicSurvey({
    orgName: org?.name ?? "",
    ticket: loaded.ticket,
    // The language the mail was written in, so page and mail agree.
    locale: localeOf(loaded.req.language, loaded.ticket.language, customer?.locale, org?.defaultLocale),
    settings: loaded.settings,
    response: loaded.response,
    expiresAt: loaded.req.expiresAt,
  });
}

/** What the survey page shows; reading it changes nothing (mail scanners open links). */
export async function readSurvey(p: SurveyCaller, token: string): Promise<PublicSurvey> {
  const { orgId, id } = await surveyOfToken(p.deps, token);
  return inOrg(p.deps.database, orgId, async (s) => describe(s, await loadSurvey(s, id)));
}

/** 422 naming each answer the survey cannot take: NPS it does not ask, unknown questions or options. */
function checkAnswer(settings: SurveySettings, input: SurveyAnswerInput): void {
  const fields: FieldErrors = {};
  if (input.nps !== undefined && input.nps !== null && !settings.nps) fields.nps = ["This survey does not ask it"];
  for (const [id, value] of Object.entries(input.answers ?? {})) {
    const question = settings.questions.find((q) => q.id === id);
    if (!question) fields[`answers.${id}`] = ["Unknown question"];
    else if (question.kind === "choice" && value && !question.options.some((o) => o.id === value)) {
      fields[`answers.${id}`] = ["Not one of the options"];
    }
  }
  if (Object.keys(fields).length) throw new AppError("unprocessable", "This survey cannot take that answer", fields);
}

/**
 * Stores the customer's answer, or changes it: one response per ticket. Fields left out keep their
 * earlier value. A rating that turns bad asks a supervisor to follow up, in the same transaction.
 */
export async function answerSurvey(
  p: SurveyCaller,
  token: string,
  input: SurveyAnswerInput,
): Promise<{ survey: PublicSurvey; created: boolean }> {
  const { orgId, id } = await surveyOfToken(p.deps, token);
  return inOrg(p.deps.database, orgId, async (s) => {
    // Locking the survey puts two answers sent at once one after the other.
    const loaded = await loadSurvey(s, id, true);
    const { req, ticket, settings, response: before } = loaded;
    checkAnswer(settings, input);
    const answers = input.answers && Object.fromEntries(Object.entries(input.answers).filter(([, v]) => v !== ""));
    const values = {
      rating: input.rating,
      nps: input.nps === undefined ? (before?.nps ?? null) : input.nps,
      comment: input.comment === undefined ? (before?.comment ?? null) : input.comment || null,
      answers: answers ?? before?.answers ?? {},
    };
    const now = new Date();
    const [after] = before
      ? await s.tx
          .update(surveyResponses)
          .set({ ...values, updatedAt: now })
          .where(and(eq(surveyResponses.orgId, s.orgId), eq(surveyResponses.ticketId, ticket.id)))
          .returning()
      : await s.tx
          .insert(surveyResponses)
          .values({ orgId: s.orgId, ticketId: ticket.id, requestId: req.id, ...values, createdAt: now, updatedAt: now })
          .returning();
    await escalateBadRating(s, p, {
      ticket,
      before: before?.rating ?? null,
      rating: values.rating,
      comment: values.comment,
      threshold: settings.badRatingAtOrBelow,
    });
    return { survey: await describe(s, { ...loaded, response: after }), created: !before };
  });
}
