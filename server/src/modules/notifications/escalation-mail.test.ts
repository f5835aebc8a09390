import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { colleague, escalate, newTicket } from "../../../test/escalations";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { startRelay } from "../../../test/smtp-relay";
import { JobRunner } from "../../platform/jobs";
import { smtpTransport } from "../channels";
import { registerNotificationJobs } from ".";

let h: Awaited<ReturnType<typeof testApp>>;
let relay: Awaited<ReturnType<typeof startRelay>>;

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp({ SMTP_URL: `smtp://127.0.0.1:${relay.port}`, PUBLIC_URL: "https://help.example.test" });
});
afterAll(() => relay.close());

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const nameOf = async (as: Client) => (await as.get("/api/v1/me")).body.data.name as string;
const emailOf = async (as: Client) => (await as.get("/api/v1/me")).body.data.email as string;
const link = (ticketId: string) => `https://help.example.test/tickets/${ticketId}`;

/** Runs the organisation's mail notices due at `at` through the test relay. */
async function mailDue(org: TestOrg, at: Date) {
  const runner = new JobRunner(h.deps, { nodeId: `test-${Math.random()}`, orgIds: [org.orgId] });
  const transport = smtpTransport(h.deps.config.SMTP_URL!);
  registerNotificationJobs(runner, h.deps, transport);
  try {
    await runner.runDue(at);
  } finally {
    transport.close();
  }
}

/** Every mail the relay received from here on (tests in this file run one after another). */
function mailbox() {
  const start = relay.received.length;
  return () => relay.received.slice(start);
}

async function setLocale(org: TestOrg, userId: string, locale: string) {
  const res = await org.as.admin.patch(`/api/v1/users/${userId}`, { locale });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe("escalation notices are mailed", () => {
  it("to the named supervisor alone, in their language, with the reason, the note and who escalated", async () => {
    const org = await makeOrg(h);
    await setLocale(org, org.users.supervisor.id, "de");
    const ticket = await newTicket(org, "Erstattung für Bestellung 7781");
    const sent = mailbox();
    const res = await escalate(org.as.agent, ticket.id, {
      reason: "refund_above_limit",
      note: "Will 480 EUR zurück, mein Limit ist 200.",
      toUserId: org.users.supervisor.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await mailDue(org, later(1));
    expect(sent(), "not before the delay").toEqual([]);
    await mailDue(org, later(3));
    expect(sent().map((m) => m.to)).toEqual([[org.users.supervisor.email]]);
    const mail = await simpleParser(sent()[0]!.raw);
    expect(mail.subject).toBe(`An Sie eskaliert: #${ticket.number} Erstattung für Bestellung 7781`);
    expect(mail.text).toBe(
      [
        `Das Ticket #${ticket.number} „Erstattung für Bestellung 7781“ wurde an Sie eskaliert.`,
        "",
        "Grund: Erstattung über meinem Limit",
        `Eskaliert von: ${await nameOf(org.as.agent)}`,
        "",
        "Notiz:",
        "> Will 480 EUR zurück, mein Limit ist 200.",
        "",
        "Ticket öffnen:",
        link(ticket.id),
        "",
        "--",
        "Sie erhalten diese E-Mail, weil Ihnen in Frontline eine Eskalation übergeben wurde.",
        "",
      ].join("\n"),
    );
    expect(mail.headers.get("content-language")).toBe("de");
    expect(mail.html).toBe(false);
  });

  it("a resolution tells the agent the outcome and the note; the 'taken' before it is not mailed too", async () => {
    const org = await makeOrg(h);
    const ticket = await newTicket(org, "Double charge", { assigneeId: org.users.agent.id });
    const raised = (await escalate(org.as.agent, ticket.id, { reason: "refund_above_limit" })).body.data;
    const sent = mailbox();
    expect((await org.as.supervisor.post(`/api/v1/escalations/${raised.id}/take`)).status).toBe(200);
    const resolved = await org.as.supervisor.post(`/api/v1/escalations/${raised.id}/resolve`, {
      outcome: "refund_approved",
      note: "Approved the full refund; tell her today.",
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await mailDue(org, later(3));
    expect(sent().map((m) => m.to)).toEqual([[org.users.agent.email]]);
    const mail = await simpleParser(sent()[0]!.raw);
    const supervisor = await nameOf(org.as.supervisor);
    expect(mail.subject).toBe(`${supervisor} resolved the escalation of #${ticket.number}: Double charge`);
    expect(mail.text).toBe(
      [
        `${supervisor} resolved the escalation of ticket #${ticket.number} “Double charge”.`,
        "",
        "Outcome: Refund approved",
        "Reason: Refund above my limit",
        "",
        "Note:",
        "> Approved the full refund; tell her today.",
        "",
        "Open the ticket:",
        link(ticket.id),
        "",
        "--",
        "You get this mail because you raised this escalation in Frontline or its ticket is assigned to you.",
        "",
      ].join("\n"),
    );
  });

  it("taking it tells the agent and the assignee, each in their own language, while it stays taken", async () => {
    const org = await makeOrg(h);
    const assignee = await colleague(h, org, "agent", "Ioana Marin");
    await setLocale(org, assignee.id, "ro");
    const ticket = await newTicket(org, "Router", { assigneeId: assignee.id });
    const sent = mailbox();
    // Handed to nobody by name, the organisation's supervisors' bells ring; taken at once, none of them is mailed.
    const raised = (await escalate(org.as.agent, ticket.id, { reason: "technical_expertise" })).body.data;
    await org.as.supervisor.post(`/api/v1/escalations/${raised.id}/take`);
    await mailDue(org, later(3));
    const supervisor = await nameOf(org.as.supervisor);
    const ioana = await emailOf(assignee.as);
    const byTo = new Map(sent().map((m) => [m.to.join(), m.raw]));
    expect([...byTo.keys()].sort()).toEqual([org.users.agent.email, ioana].sort());
    const en = await simpleParser(byTo.get(org.users.agent.email)!);
    expect(en.subject).toBe(`${supervisor} took the escalation of #${ticket.number}: Router`);
    const ro = await simpleParser(byTo.get(ioana)!);
    expect(ro.subject).toBe(`${supervisor} a preluat escaladarea pe #${ticket.number}: Router`);
    expect(ro.text).toBe(
      [
        `${supervisor} a preluat escaladarea tichetului #${ticket.number} „Router”.`,
        "",
        "Motiv: Necesită expertiză tehnică",
        "",
        "Deschide tichetul:",
        link(ticket.id),
        "",
        "--",
        "Primești acest e-mail pentru că ai ridicat această escaladare în Frontline sau tichetul îți este atribuit.",
        "",
      ].join("\n"),
    );
  });

  it("handing it back tells the agent with the coaching note", async () => {
    const org = await makeOrg(h);
    await setLocale(org, org.users.agent.id, "ru");
    const ticket = await newTicket(org, "Отменённый рейс");
    const raised = (await escalate(org.as.agent, ticket.id, { reason: "angry_customer" })).body.data;
    const sent = mailbox();
    await org.as.supervisor.post(`/api/v1/escalations/${raised.id}/de-escalate`, {
      coachingNote: "Сначала предложите ваучер, потом возврат.",
    });
    await mailDue(org, later(3));
    expect(sent().map((m) => m.to)).toEqual([[org.users.agent.email]]);
    const mail = await simpleParser(sent()[0]!.raw);
    const supervisor = await nameOf(org.as.supervisor);
    expect(mail.subject).toBe(`${supervisor} возвращает эскалацию по #${ticket.number}: Отменённый рейс`);
    expect(mail.text).toBe(
      [
        `${supervisor} возвращает эскалацию по обращению #${ticket.number} «Отменённый рейс».`,
        "",
        "Причина: Рассерженный клиент",
        "",
        "Совет для агента:",
        "> Сначала предложите ваучер, потом возврат.",
        "",
        "Открыть обращение:",
        link(ticket.id),
        "",
        "--",
        "Вы получили это письмо, потому что вы подняли эту эскалацию во Frontline или обращение назначено вам.",
        "",
      ].join("\n"),
    );
  });

  it("a rule's escalation to a named supervisor says an automation escalated it", async () => {
    const org = await makeOrg(h);
    const rule = await org.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "Legal words",
      events: ["message.received"],
      conditions: { all: [{ field: "message_body", op: "contains", value: "lawyer" }] },
      actions: [{ type: "escalate", reason: "legal_threat", toUserId: org.users.supervisor.id }],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const sent = mailbox();
    const ticket = await newTicket(org, "Contract", { message: { body: "My lawyer will call you." } });
    await mailDue(org, later(3));
    expect(sent().map((m) => m.to)).toEqual([[org.users.supervisor.email]]);
    const mail = await simpleParser(sent()[0]!.raw);
    expect(mail.text?.split("\n").slice(0, 4)).toEqual([
      `Ticket #${ticket.number} “Contract” was escalated to you.`,
      "",
      "Reason: Legal threat",
      "Escalated by: an automation",
    ]);
  });
});

describe("escalation notices are not mailed", () => {
  it("once read in the bell before the delay", async () => {
    const org = await makeOrg(h);
    const ticket = await newTicket(org);
    const sent = mailbox();
    await escalate(org.as.agent, ticket.id, { reason: "vip", toUserId: org.users.supervisor.id });
    await org.as.supervisor.post("/api/v1/notifications/read", { all: true });
    await mailDue(org, later(3));
    expect(sent()).toEqual([]);
  });

  it("to a recipient deactivated before the delay", async () => {
    const org = await makeOrg(h);
    const ticket = await newTicket(org);
    const sent = mailbox();
    await escalate(org.as.agent, ticket.id, { reason: "vip", toUserId: org.users.manager.id });
    const off = await org.as.admin.patch(`/api/v1/users/${org.users.manager.id}`, { active: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    await mailDue(org, later(3));
    expect(sent()).toEqual([]);
  });

  it("as 'handed to you' once someone took it: the handler is on it already", async () => {
    const org = await makeOrg(h);
    const ticket = await newTicket(org);
    const raised = (await escalate(org.as.agent, ticket.id, { reason: "vip", toUserId: org.users.supervisor.id })).body
      .data;
    const sent = mailbox();
    await org.as.supervisor.post(`/api/v1/escalations/${raised.id}/take`);
    await mailDue(org, later(3));
    // Only the agent hears that it was taken.
    expect(sent().map((m) => m.to)).toEqual([[org.users.agent.email]]);
  });
});

describe("escalation mails refuse injection", () => {
  it("a subject, a note and a name with line breaks and markup add no header and no HTML", async () => {
    const org = await makeOrg(h);
    const mallory = await colleague(h, org, "supervisor", "Mallory\r\nBcc: x@example.test");
    const ticket = await newTicket(org, "Refund\r\nBcc: victim@example.test <script>alert(1)</script>");
    const sent = mailbox();
    await escalate(org.as.agent, ticket.id, {
      reason: "refund_above_limit",
      note: "<script>alert('x')</script>\r\nBcc: x@example.test\r\n\r\n<b>now</b>",
      toUserId: mallory.id,
    });
    await mailDue(org, later(3));
    const [handed] = sent();
    expect(sent().map((m) => m.to)).toEqual([[await emailOf(mallory.as)]]);
    const mail = await simpleParser(handed!.raw);
    expect(mail.headers.has("bcc")).toBe(false);
    expect(mail.html).toBe(false);
    expect(mail.subject).toBe(
      `Escalated to you: #${ticket.number} Refund Bcc: victim@example.test <script>alert(1)</script>`,
    );
    expect(mail.text).toBe(
      [
        `Ticket #${ticket.number} “Refund Bcc: victim@example.test <script>alert(1)</script>” was escalated to you.`,
        "",
        "Reason: Refund above my limit",
        `Escalated by: ${await nameOf(org.as.agent)}`,
        "",
        "Note:",
        "> <script>alert('x')</script> Bcc: x@example.test <b>now</b>",
        "",
        "Open the ticket:",
        link(ticket.id),
        "",
        "--",
        "You get this mail because an escalation in Frontline was handed to you.",
        "",
      ].join("\n"),
    );

    const [raised] = (await mallory.as.get(`/api/v1/tickets/${ticket.id}/escalations`)).body.data;
    const back = mailbox();
    await mallory.as.post(`/api/v1/escalations/${raised.id}/resolve`, { outcome: "no_action" });
    await mailDue(org, later(6));
    expect(back().map((m) => m.to)).toEqual([[org.users.agent.email]]);
    const resolved = await simpleParser(back()[0]!.raw);
    expect(resolved.headers.has("bcc")).toBe(false);
    expect(resolved.subject).toBe(
      `Mallory Bcc: x@example.test resolved the escalation of #${ticket.number}: Refund Bcc: victim@example.test <script>alert(1)</script>`,
    );
  });
});
