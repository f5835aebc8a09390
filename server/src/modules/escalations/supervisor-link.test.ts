import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { mailsTo, slugOf, tokenIn } from "../../../test/portal";
import { startRelay } from "../../../test/smtp-relay";
import { rowsOf } from "../../platform/db";
import { sha256 } from "../../platform/ids";
import { JobRunner } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import { registerChannelJobs } from "../channels";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
let slug: string;
let relay: Awaited<ReturnType<typeof startRelay>>;

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` });
  org = await makeOrg(h);
  slug = await slugOf(h, org.orgId);
});
afterAll(() => relay.close());

/** Sends the queued reply mails of these organisations through the test relay (and no one else's). */
async function deliver(orgIds = [org.orgId]) {
  const runner = new JobRunner(h.deps, { nodeId: `link-test-${Math.random()}`, orgIds });
  const transport = registerChannelJobs(runner, h.deps);
  try {
    await runner.runDue();
  } finally {
    transport?.close();
  }
}

/** A mailed ticket with an agent's reply delivered; the customer's latest mail and its link's token. */
async function repliedTicket(o = org, extra: Record<string, unknown> = {}, reply: Record<string, unknown> = {}) {
  const email = uniqueEmail("customer");
  const ticket = (
    await o.as.agent.post("/api/v1/tickets", {
      subject: "Broken kettle",
      requester: { email, name: "Ana Pop" },
      message: { body: "It stopped working." },
      channel: "email",
      ...extra,
    })
  ).body.data;
  const sent = await o.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
    kind: "reply",
    body: "We are sending a new one.",
    ...reply,
  });
  expect(sent.status).toBe(201);
  await deliver([o.orgId]);
  const mail = (await mailsTo(relay, email)).at(-1)!;
  return { ticket, email, mail, token: tokenIn(mail.text) };
}

const anonymous = () => new Client(h.app);
const preview = (token: string, s = slug) => anonymous().post(`/api/v1/portal/${s}/supervisor-link`, { token });
const confirm = (token: string, s = slug) => anonymous().post(`/api/v1/portal/${s}/supervisor-link/confirm`, { token });
const escalationsOf = async (ticketId: string) =>
  (await org.as.supervisor.get(`/api/v1/tickets/${ticketId}/escalations`)).body.data as Record<string, unknown>[];

describe("the link in reply mails works", () => {
  it("carries a link of its own in the customer's language; confirming it asks a supervisor once while one is on it", async () => {
    const { ticket, mail, token } = await repliedTicket();
    expect(mail.text).toBe(
      `We are sending a new one.\n\nNot happy with how this is going? Ask for a supervisor: http://localhost:3000/portal/${slug}/supervisor#token=${token}&lang=en\n` +
        `See this request and your others online: http://localhost:3000/portal/${slug}/tickets/${ticket.id}\n`,
    );
    // Only the token's hash is at rest.
    const stored = await inOrg(h.deps.database, org.orgId, async ({ tx }) =>
      rowsOf<{ hashed: number; raw: number }>(
        await tx.execute(sql`SELECT count(*) FILTER (WHERE token_hash = ${sha256(token)})::int AS hashed,
          count(*) FILTER (WHERE token_hash = ${token})::int AS raw FROM escalation_links WHERE ticket_id = ${ticket.id}`),
      ),
    );
    expect(stored).toEqual([{ hashed: 1, raw: 0 }]);

    expect((await preview(token)).body).toEqual({ data: { ticketNumber: ticket.number, state: "available" } });
    expect(await escalationsOf(ticket.id)).toEqual([]);
    const first = await confirm(token);
    expect([first.status, first.body]).toEqual([201, { data: { ticketNumber: ticket.number, created: true } }]);
    const [escalation, ...none] = await escalationsOf(ticket.id);
    expect(none).toEqual([]);
    expect(escalation).toMatchObject({
      type: "customer_request",
      via: "mail_link",
      reason: "customer_request",
      level: 1,
      status: "open",
      createdBy: { type: "customer", id: ticket.requesterId, name: "Ana Pop" },
    });
    expect((await preview(token)).body.data).toEqual({ ticketNumber: ticket.number, state: "requested" });
    const again = await confirm(token);
    expect([again.status, again.body.data]).toEqual([200, { ticketNumber: ticket.number, created: false }]);
    expect(await escalationsOf(ticket.id)).toHaveLength(1);
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.escalationLevel).toBe(1);
  });

  it("writes the footer in the ticket's language, in the HTML part too, with the same link", async () => {
    const { ticket, mail, token } = await repliedTicket(org, { language: "de" }, { html: "<p>Wir senden Ersatz.</p>" });
    const link = `http://localhost:3000/portal/${slug}/supervisor#token=${token}&lang=de`;
    const portal = `http://localhost:3000/portal/${slug}/tickets/${ticket.id}`;
    expect(mail.text?.trim().split("\n").slice(-2)).toEqual([
      `Nicht zufrieden mit dem Verlauf? Eine Führungskraft hinzuziehen: ${link}`,
      `Diese und Ihre anderen Anfragen online ansehen: ${portal}`,
    ]);
    expect(mail.html).toContain(`<a href="${link.replace("&", "&amp;")}">Eine Führungskraft hinzuziehen</a>`);
    expect(mail.html).toContain(`<a href="${portal}">Diese und Ihre anderen Anfragen online ansehen</a>`);
  });
});

describe("the link refuses what it should", () => {
  it("says a forged, expired or foreign token is not valid, and raises nothing", async () => {
    const { ticket, token } = await repliedTicket();
    const other = await makeOrg(h);
    const otherSlug = await slugOf(h, other.orgId);
    const forged = `${token.slice(0, -4)}AAAA`;
    for (const res of [await preview(forged), await confirm(forged), await confirm(token, otherSlug)]) {
      expect([res.status, res.body.code, res.body.detail]).toEqual([
        404,
        "not_found",
        "This link is not valid or has expired",
      ]);
    }
    await inOrg(h.deps.database, org.orgId, ({ tx }) =>
      tx.execute(
        sql`UPDATE escalation_links SET expires_at = now() - interval '1 minute' WHERE ticket_id = ${ticket.id}`,
      ),
    );
    for (const res of [await preview(token), await confirm(token)]) {
      expect([res.status, res.body.detail]).toEqual([404, "This link is not valid or has expired"]);
    }
    expect(await escalationsOf(ticket.id)).toEqual([]);
  });

  it("answers a closed request as closed, refuses another site's page, and refuses malformed bodies", async () => {
    const { ticket, token } = await repliedTicket();
    const fromElsewhere = await anonymous().post(
      `/api/v1/portal/${slug}/supervisor-link/confirm`,
      { token },
      { origin: "https://evil.example" },
    );
    expect([fromElsewhere.status, fromElsewhere.body.code]).toEqual([403, "csrf_failed"]);
    for (const body of [{}, { token: "short" }, { token, extra: 1 }]) {
      const res = await anonymous().post(`/api/v1/portal/${slug}/supervisor-link/confirm`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "solved" });
    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "closed" });
    expect((await preview(token)).body.data).toEqual({ ticketNumber: ticket.number, state: "closed" });
    const late = await confirm(token);
    expect([late.status, late.body.detail]).toEqual([409, "This request is closed"]);
    expect(await escalationsOf(ticket.id)).toEqual([]);
  });
});
