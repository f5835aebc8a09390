import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { portalSignedIn, slugOf } from "../../../test/portal";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

async function ticketFrom(o: TestOrg, body: string, language?: string, email = uniqueEmail("customer")) {
  const res = await o.as.agent.post("/api/v1/tickets", {
    subject: "My order",
    requester: { email, name: "Ana Pop" },
    message: { body },
    ...(language ? { language } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; number: number; requesterId: string };
}

const escalationsOf = async (as: Client, ticketId: string) =>
  (await as.get(`/api/v1/tickets/${ticketId}/escalations`)).body.data as Record<string, unknown>[];

/** An inbound mail from `from` as raw MIME. */
function mail(from: string, subject: string, body: string, headers: string[] = []) {
  return [
    `From: Ana Pop <${from}>`,
    "To: support@acme.test",
    `Subject: ${subject}`,
    `Message-ID: <m-${Math.random()}@mail.example>`,
    ...headers,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    body,
    "",
  ].join("\r\n");
}

describe("a customer's words asking for a supervisor raise a customer request", () => {
  it.each([
    ["en", "This is the third time I write. I want to speak to a manager today.", "speak to a manager"],
    ["ro", "Este a treia oară când scriu. Vreau să vorbesc cu supervizorul.", "supervizorul"],
    ["de", "Zum dritten Mal: Ich möchte mit Ihrem Vorgesetzten sprechen.", "Vorgesetzten"],
    ["ru", "Пишу уже третий раз. Соедините меня с руководителем.", "руководителем"],
    ["ar", "هذه ثالث مرة أكتب فيها. أريد التحدث إلى المشرف اليوم.", "المشرف"],
  ])("in %s", async (language, body, word) => {
    const ticket = await ticketFrom(org, body, language);
    const [escalation, ...more] = await escalationsOf(org.as.agent, ticket.id);
    expect(more).toEqual([]);
    expect(escalation).toMatchObject({
      ticketId: ticket.id,
      type: "customer_request",
      via: "message",
      reason: "customer_request",
      level: 1,
      status: "open",
      toUser: null,
      createdBy: { type: "customer", id: ticket.requesterId, name: "Ana Pop" },
    });
    expect(escalation?.note).toContain(word);
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.escalationLevel).toBe(1);
    const audit = (await org.as.admin.get(`/api/v1/audit-events?entityId=${escalation?.id}`)).body.data;
    expect(audit).toMatchObject([
      { action: "escalation.created", actorType: "customer", actorId: ticket.requesterId, actorName: "Ana Pop" },
    ]);
  });

  it("reads a later message too (a portal answer), once while the request is open, again after it is resolved", async () => {
    const ticket = await ticketFrom(org, "Hello, the parcel is late.", "en");
    expect(await escalationsOf(org.as.agent, ticket.id)).toEqual([]);
    const slug = await slugOf(h, org.orgId);
    const customer = await portalSignedIn(h, org.orgId, ticket.requesterId);
    const reply = (body: string) => customer.post(`/api/v1/portal/${slug}/tickets/${ticket.id}/messages`, { body });
    expect((await reply("Let me talk to a supervisor, please.")).status).toBe(201);
    expect((await reply("I said: let me talk to a supervisor!")).status).toBe(201);
    const [open, ...none] = await escalationsOf(org.as.agent, ticket.id);
    expect([open?.status, none]).toEqual(["open", []]);
    expect((await customer.get(`/api/v1/portal/${slug}/tickets/${ticket.id}`)).body.data.supervisorRequested).toBe(
      true,
    );
    await org.as.supervisor.post(`/api/v1/escalations/${open?.id}/resolve`, { outcome: "resolved_by_supervisor" });
    expect((await customer.get(`/api/v1/portal/${slug}/tickets/${ticket.id}`)).body.data.supervisorRequested).toBe(
      false,
    );
    await reply("Thanks. Still, next time I want to speak with a manager straight away.");
    const after = await escalationsOf(org.as.agent, ticket.id);
    expect(after.map((e) => e.status)).toEqual(["open", "resolved"]);
  });

  it("uses the organisation's own phrases of a language once changed", async () => {
    const o = await makeOrg(h);
    expect((await o.as.admin.patch("/api/v1/escalation-phrases", { de: ["Chefetage*"] })).status).toBe(200);
    const own = await ticketFrom(o, "Bitte geben Sie das an die Chefetage weiter.", "de");
    expect((await escalationsOf(o.as.agent, own.id)).length).toBe(1);
    const old = await ticketFrom(o, "Ich will Ihren Vorgesetzten sprechen.", "de");
    expect(await escalationsOf(o.as.agent, old.id)).toEqual([]);
  });
});

describe("other words raise nothing", () => {
  it("needs whole words: 'manager' inside a longer word, a job title in English", async () => {
    const romanian = await ticketFrom(org, "Problema este una managerială, nu tehnică.", "ro");
    const english = await ticketFrom(org, "I am the IT manager here and our router is down.", "en");
    for (const t of [romanian, english]) expect(await escalationsOf(org.as.agent, t.id)).toEqual([]);
  });

  it("ignores the phrase when it is only in the quoted history of a mail", async () => {
    const from = uniqueEmail("quoting");
    const inbound = (raw: string) =>
      org.as.admin.send("POST", "/api/v1/channels/email/inbound", raw, { "content-type": "message/rfc822" });
    const first = (await inbound(mail(from, "Late parcel", "Where is my parcel?"))).body.data;
    const number = (await org.as.agent.get(`/api/v1/tickets/${first.ticketId}`)).body.data.number;
    const answer = [
      "Thank you, it arrived.",
      "",
      "On Fri, 20 Nov 2026 at 10:02, Support <support@acme.test> wrote:",
      "> Would you like to speak to a manager about it?",
    ].join("\n");
    const second = await inbound(mail(from, `Re: Late parcel [#${number}]`, answer));
    expect(second.body.data).toMatchObject({ outcome: "message_added", ticketId: first.ticketId });
    const quotedOnly = await ticketFrom(org, "> I want to speak to a manager\nThat was my colleague, sorry.", "en");
    for (const id of [first.ticketId, quotedOnly.id]) expect(await escalationsOf(org.as.agent, id)).toEqual([]);
  });

  it("ignores what staff write: an agent's note or reply with the same words", async () => {
    const ticket = await ticketFrom(org, "Hello", "en");
    for (const kind of ["note", "reply"]) {
      const res = await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
        kind,
        body: "Would you like to speak to a manager?",
      });
      expect(res.status).toBe(201);
    }
    expect(await escalationsOf(org.as.agent, ticket.id)).toEqual([]);
  });
});
