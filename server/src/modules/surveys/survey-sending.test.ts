import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { mailsTo } from "../../../test/portal";
import { freePort, startRelay } from "../../../test/smtp-relay";
import {
  customer,
  deliverSurveys,
  sendSurveysAtOnce,
  solvedTicket,
  surveyed,
  surveyTokenIn,
} from "../../../test/surveys";
import { rowsOf } from "../../platform/db";
import { sha256 } from "../../platform/ids";
import { JobRunner } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import { smtpTransport } from "../channels";
import { registerSurveyJobs } from ".";

let h: Awaited<ReturnType<typeof testApp>>;
let relay: Awaited<ReturnType<typeof startRelay>>;

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp();
});
afterAll(() => relay.close());

const MINUTE = 60_000;

interface RequestRow {
  status: string;
  scheduled_for: string;
  sent_at: string | null;
  expires_at: string;
  token_hash: string | null;
  language: string | null;
}

/** The survey requests of a ticket, as stored. */
const requestsOf = (o: TestOrg, ticketId: string) =>
  inOrg(h.deps.database, o.orgId, async ({ tx }) =>
    rowsOf<RequestRow>(
      await tx.execute(sql`SELECT status, scheduled_for::text, sent_at::text, expires_at::text, token_hash, language
        FROM survey_requests WHERE ticket_id = ${ticketId}`),
    ),
  );

const setStatus = (o: TestOrg, ticketId: string, status: string) =>
  o.as.agent.patch(`/api/v1/tickets/${ticketId}`, { status });

describe("surveys are sent when a ticket is solved", () => {
  it("mails one after the delay, with a rating link per score that opens the survey", async () => {
    const orgName = `Kettle Co ${Math.random().toString(36).slice(2, 8)}`;
    const o = await makeOrg(h, orgName);
    const before = Date.now();
    const { ticket, email } = await solvedTicket(o, { subject: "Broken kettle" });
    const [request] = await requestsOf(o, ticket.id);
    expect(request).toMatchObject({ status: "scheduled", sent_at: null, token_hash: null });
    const due = Date.parse(request!.scheduled_for);
    expect(due).toBeGreaterThanOrEqual(before + 60 * MINUTE);
    expect(due).toBeLessThanOrEqual(Date.now() + 60 * MINUTE);

    await deliverSurveys(h, relay, [o.orgId], new Date(due - MINUTE));
    expect(await mailsTo(relay, email)).toEqual([]);
    const sentAt = new Date(due + MINUTE);
    await deliverSurveys(h, relay, [o.orgId], sentAt);
    const [mail, ...more] = await mailsTo(relay, email);
    expect(more).toEqual([]);
    const token = surveyTokenIn(mail!.text);
    const page = `http://localhost:3000/s/${token}`;
    expect(mail!.subject).toBe(`How did we do? “Broken kettle” [#${ticket.number}]`);
    expect(mail!.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail!.text).toBe(
      [
        "Hello Ana Pop,",
        "",
        `Your request #${ticket.number} “Broken kettle” has been solved. How would you rate the help you received?`,
        "",
        "One click is enough:",
        `1 – Very poor: ${page}?rating=1`,
        `2 – Poor: ${page}?rating=2`,
        `3 – OK: ${page}?rating=3`,
        `4 – Good: ${page}?rating=4`,
        `5 – Excellent: ${page}?rating=5`,
        "",
        `Tell us more (optional): ${page}`,
        "",
        `These links work until ${new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(
          new Date(sentAt.getTime() + 30 * 24 * 60 * MINUTE),
        )}.`,
        "",
        orgName,
        "",
        "--",
        "You get this mail once, because your request was solved. There is no need to reply.",
        "",
      ].join("\n"),
    );
    for (const r of [1, 2, 3, 4, 5]) expect(mail!.html).toContain(`href="${page}?rating=${r}"`);
    expect(mail!.html).toContain('<html lang="en" dir="ltr">');

    const [sent] = await requestsOf(o, ticket.id);
    expect(sent).toMatchObject({ status: "sent", token_hash: sha256(token), language: "en" });
    expect(Date.parse(sent!.sent_at!)).toBe(sentAt.getTime());
    expect(Date.parse(sent!.expires_at)).toBe(sentAt.getTime() + 30 * 24 * 60 * MINUTE);

    const opened = await customer(h).get(`/api/v1/surveys/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.body.data).toMatchObject({
      ticket: { number: ticket.number, subject: "Broken kettle" },
      locale: "en",
      nps: false,
      questions: [],
      response: null,
    });
    // Running again sends nothing more: the survey went out.
    await deliverSurveys(h, relay, [o.orgId], new Date(due + 2 * MINUTE));
    expect(await mailsTo(relay, email)).toHaveLength(1);
  });

  it("writes in the customer's language, right to left in Arabic, escaping what people wrote", async () => {
    const o = await makeOrg(h);
    await sendSurveysAtOnce(o);
    const subject = `<b>Fehler</b> & "Ärger"`;
    const de = await surveyed(h, relay, o, { language: "de", subject });
    expect(de.mail.subject).toBe(`Wie waren wir? „${subject}“ [#${de.ticket.number}]`);
    expect(de.mail.text).toContain("4 – Gut: http://localhost:3000/s/");
    expect(de.mail.html).toContain("&lt;b&gt;Fehler&lt;/b&gt; &amp; &quot;Ärger&quot;");
    expect(de.mail.html).not.toContain("<b>Fehler</b>");
    expect(de.mail.headers.get("content-language")).toBe("de");

    const ar = await surveyed(h, relay, o, { language: "ar", subject: "الطلب" });
    expect(ar.mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.mail.html).toContain('<div dir="rtl"');
    expect(ar.mail.text).toContain("5 – ممتاز: http://localhost:3000/s/");
    expect((await customer(h).get(`/api/v1/surveys/${ar.token}`)).body.data.locale).toBe("ar");
  });

  it("threads the survey under the conversation's mail", async () => {
    const o = await makeOrg(h);
    await sendSurveysAtOnce(o);
    const messageId = `kettle-${Math.random()}@example.test`;
    const raw = [
      "From: Ana Pop <ana.thread@example.test>",
      "To: support@example.test",
      "Subject: Kettle again",
      `Message-ID: <${messageId}>`,
      "",
      "It broke again.",
    ].join("\r\n");
    const ingested = await o.as.admin.send("POST", "/api/v1/channels/email/inbound", raw, {
      "content-type": "message/rfc822",
    });
    expect(ingested.status, JSON.stringify(ingested.body)).toBeLessThan(300);
    const ticketId = ingested.body.data.ticketId as string;
    expect((await setStatus(o, ticketId, "solved")).status).toBe(200);
    await deliverSurveys(h, relay, [o.orgId]);
    const [mail] = await mailsTo(relay, "ana.thread@example.test");
    expect(mail!.inReplyTo).toBe(`<${messageId}>`);
  });
});

describe("surveys are not sent when they should not be", () => {
  it("skips a ticket reopened before its survey was due, and sends once it is solved again", async () => {
    const o = await makeOrg(h);
    const { ticket, email } = await solvedTicket(o);
    expect((await setStatus(o, ticket.id, "open")).status).toBe(200);
    const later = new Date(Date.now() + 61 * MINUTE);
    await deliverSurveys(h, relay, [o.orgId], later);
    expect(await mailsTo(relay, email)).toEqual([]);
    expect((await requestsOf(o, ticket.id)).map((r) => r.status)).toEqual(["skipped"]);

    expect((await setStatus(o, ticket.id, "solved")).status).toBe(200);
    expect((await requestsOf(o, ticket.id)).map((r) => r.status)).toEqual(["scheduled"]);
    await deliverSurveys(h, relay, [o.orgId], new Date(Date.now() + 61 * MINUTE));
    expect(await mailsTo(relay, email)).toHaveLength(1);
  });

  it("sends no second survey when a ticket is reopened and solved again after its survey went out", async () => {
    const o = await makeOrg(h);
    await sendSurveysAtOnce(o);
    const { ticket, email } = await surveyed(h, relay, o);
    await setStatus(o, ticket.id, "open");
    await setStatus(o, ticket.id, "solved");
    await deliverSurveys(h, relay, [o.orgId], new Date(Date.now() + MINUTE));
    expect(await mailsTo(relay, email)).toHaveLength(1);
    expect((await requestsOf(o, ticket.id)).map((r) => r.status)).toEqual(["sent"]);
  });

  it("skips a customer without an email address, and sends nothing while surveys are off", async () => {
    const o = await makeOrg(h);
    await sendSurveysAtOnce(o);
    const phone = await o.as.agent.post("/api/v1/channels/phone/calls", {
      direction: "inbound",
      startedAt: "2026-11-20T09:15:00.000Z",
      durationSeconds: 60,
      customerNumber: `+40 7${Math.floor(10_000_000 + Math.random() * 89_999_999)}`,
    });
    expect(phone.status, JSON.stringify(phone.body)).toBe(201);
    const phoneTicket = phone.body.data.ticket.id as string;
    await setStatus(o, phoneTicket, "solved");
    await deliverSurveys(h, relay, [o.orgId]);
    expect((await requestsOf(o, phoneTicket)).map((r) => r.status)).toEqual(["skipped"]);

    await o.as.admin.patch("/api/v1/settings/surveys", { enabled: false });
    const { ticket } = await solvedTicket(o);
    expect(await requestsOf(o, ticket.id)).toEqual([]);
  });

  it("marks a survey failed once the relay refused it on every attempt", async () => {
    const o = await makeOrg(h);
    await sendSurveysAtOnce(o);
    const { ticket } = await solvedTicket(o);
    const runner = new JobRunner(h.deps, { nodeId: `survey-fail-${Math.random()}`, orgIds: [o.orgId] });
    const transport = smtpTransport(`smtp://127.0.0.1:${await freePort()}`);
    registerSurveyJobs(runner, h.deps, transport);
    try {
      // Each retry waits its backoff on the real clock, so a runner two hours ahead finds every one due.
      await runner.runDue(new Date(Date.now() + 2 * 60 * MINUTE));
    } finally {
      transport.close();
    }
    expect((await requestsOf(o, ticket.id)).map((r) => r.status)).toEqual(["failed"]);
    const jobs = await inOrg(h.deps.database, o.orgId, async ({ tx }) =>
      rowsOf<{ status: string; attempts: number }>(
        await tx.execute(sql`SELECT status, attempts FROM jobs WHERE queue = 'survey.send'`),
      ),
    );
    expect(jobs).toEqual([{ status: "failed", attempts: 10 }]);
  });

  it("skips a survey whose surveys were switched off before it was due", async () => {
    const o = await makeOrg(h);
    const { ticket, email } = await solvedTicket(o);
    await o.as.admin.patch("/api/v1/settings/surveys", { enabled: false });
    await deliverSurveys(h, relay, [o.orgId], new Date(Date.now() + 61 * MINUTE));
    expect(await mailsTo(relay, email)).toEqual([]);
    expect((await requestsOf(o, ticket.id)).map((r) => r.status)).toEqual(["skipped"]);
  });
});
