import { expect } from "vitest";
import { smtpTransport } from "../src/modules/channels";
import { registerSurveyJobs } from "../src/modules/surveys";
import { JobRunner } from "../src/platform/jobs";
import { Client } from "./client";
import { type TestOrg, uniqueEmail } from "./factories";
import type { testApp } from "./harness";
import { mailsTo } from "./portal";
import type { startRelay } from "./smtp-relay";

// Helpers shared by the surveys module's tests: solve a ticket, deliver its survey, read the link.

type Harness = Awaited<ReturnType<typeof testApp>>;
type Relay = Awaited<ReturnType<typeof startRelay>>;

/** Runs these organisations' survey jobs once, at `now`, against the test relay (no one else's). */
export async function deliverSurveys(h: Harness, relay: Relay, orgIds: string[], now?: Date): Promise<number> {
  const runner = new JobRunner(h.deps, { nodeId: `survey-test-${Math.random()}`, orgIds });
  const transport = smtpTransport(`smtp://127.0.0.1:${relay.port}`);
  registerSurveyJobs(runner, h.deps, transport);
  try {
    return await runner.runDue(now);
  } finally {
    transport.close();
  }
}

/** A ticket opened for a new customer (with an address unless `email: null`), then solved. */
export async function solvedTicket(o: TestOrg, extra: Record<string, unknown> = {}) {
  const email = uniqueEmail("customer");
  const created = await o.as.agent.post("/api/v1/tickets", {
    subject: "Broken kettle",
    requester: { email, name: "Ana Pop" },
    message: { body: "It stopped working." },
    ...extra,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const ticket = created.body.data as { id: string; number: number; subject: string; requesterId: string };
  expect((await o.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "solved" })).status).toBe(200);
  return { ticket, email };
}

/** The survey page link's token in a mail's text. */
export function surveyTokenIn(text: string | undefined): string {
  const match = /\/s\/([A-Za-z0-9_-]{43})(?:\?|\s|$)/.exec(text ?? "");
  if (!match) throw new Error(`No survey link in: ${text}`);
  return match[1]!;
}

/** Surveys go out at once in this organisation (no waiting for the delay). */
export async function sendSurveysAtOnce(o: TestOrg, extra: Record<string, unknown> = {}) {
  const res = await o.as.admin.patch("/api/v1/settings/surveys", { delayMinutes: 0, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A solved ticket whose survey was mailed; the customer's mail and its token. */
export async function surveyed(h: Harness, relay: Relay, o: TestOrg, extra: Record<string, unknown> = {}) {
  const { ticket, email } = await solvedTicket(o, extra);
  await deliverSurveys(h, relay, [o.orgId]);
  const mail = (await mailsTo(relay, email)).at(-1);
  if (!mail) throw new Error(`No survey mail reached ${email}`);
  return { ticket, email, mail, token: surveyTokenIn(mail.text) };
}

/** A browser-like caller without any session: the customer. */
export const customer = (h: Harness) => new Client(h.app);
