import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { freePort, startRelay } from "../../../test/smtp-relay";
import { JobRunner } from "../../platform/jobs";
import { registerChannelJobs } from ".";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
let relay: Awaited<ReturnType<typeof startRelay>>;

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` });
  org = await makeOrg(h);
});
afterAll(() => relay.close());

// Only this file's organisation: tests sharing a PostgreSQL database must not run (or wait on) each other's jobs.
function runnerFor(deps: typeof h.deps) {
  const runner = new JobRunner(deps, { nodeId: `test-${Math.random()}`, orgIds: [org.orgId] });
  const transport = registerChannelJobs(runner, deps);
  return { runner, transport };
}

async function ticketWithReply(body = "Your refund is on its way.") {
  const email = uniqueEmail("buyer");
  const ticket = (
    await org.as.agent.post("/api/v1/tickets", {
      subject: "Refund for order 7781",
      requester: { email, name: "Ioana Marin" },
      message: { body: "Where is my refund?" },
      channel: "email",
    })
  ).body.data;
  const reply = (await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "reply", body })).body.data;
  return { ticket, reply, email };
}

describe("outgoing mail works", () => {
  it("delivers an agent's reply to the requester through the SMTP relay, threaded and numbered", async () => {
    const { ticket, reply, email } = await ticketWithReply();
    const { runner, transport } = runnerFor(h.deps);
    expect(await runner.runDue()).toBeGreaterThanOrEqual(1);
    const mine = relay.received.filter((m) => m.to.includes(email));
    expect(mine).toHaveLength(1);
    const mail = await simpleParser(mine[0]!.raw);
    expect(mail.subject).toBe(`Re: Refund for order 7781 [#${ticket.number}]`);
    // The reply, then in the customer's language a line to ask for a supervisor (a link of its own)
    // and one to the request's page in the portal.
    const [body, footer, ...more] = (mail.text ?? "").trim().split("\n\n");
    expect([body, more]).toEqual(["Your refund is on its way.", []]);
    const [supervisor, portal, ...rest] = footer!.split("\n");
    expect(supervisor).toMatch(
      /^Not happy with how this is going\? Ask for a supervisor: http:\/\/localhost:3000\/portal\/[a-z0-9-]+\/supervisor#token=[A-Za-z0-9_-]{43}&lang=en$/,
    );
    expect(portal).toMatch(
      new RegExp(
        `^See this request and your others online: http://localhost:3000/portal/[a-z0-9-]+/tickets/${ticket.id}$`,
      ),
    );
    expect(rest).toEqual([]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined).toEqual({
      address: email,
      name: "Ioana Marin",
    });
    expect(mail.messageId).toBe(`<${reply.id}@localhost>`);
    expect(mail.headers.get("x-frontline-ticket")).toBe(String(ticket.number));
    // A note never leaves the building.
    await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "note", body: "internal only" });
    await runner.runDue();
    transport?.close();
    expect(relay.received.filter((m) => m.to.includes(email))).toHaveLength(1);
    expect(relay.received.some((m) => m.raw.includes("internal only"))).toBe(false);
  });

  it("threads a second reply under the first with In-Reply-To and References", async () => {
    const { ticket, reply, email } = await ticketWithReply("First answer");
    const { runner, transport } = runnerFor(h.deps);
    await runner.runDue();
    const second = (await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "reply", body: "Second" }))
      .body.data;
    await runner.runDue();
    transport?.close();
    const last = relay.received.filter((m) => m.to.includes(email)).at(-1)!;
    const mail = await simpleParser(last.raw);
    expect(mail.messageId).toBe(`<${second.id}@localhost>`);
    expect(mail.inReplyTo).toBe(`<${reply.id}@localhost>`);
    expect(mail.references).toBe(`<${reply.id}@localhost>`);
  });

  it("keeps the reply queued while the relay is down and sends it once it is back", async () => {
    const port = await freePort();
    const down = await testApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const { runner, transport } = runnerFor(down.deps);
    const { email } = await ticketWithReply("Sent after the outage");
    await runner.runDue();
    const back = await startRelay(port);
    try {
      expect(back.received).toHaveLength(0);
      // The retry is due after the backoff: move the clock past it.
      await runner.runDue(new Date(Date.now() + 60 * 60_000));
      expect(back.received.filter((m) => m.to.includes(email))).toHaveLength(1);
    } finally {
      transport?.close();
      await back.close();
    }
  });
});

describe("outgoing mail refuses header injection", () => {
  it("strips line breaks from the subject and names", async () => {
    const email = uniqueEmail("inject");
    const ticket = (
      await org.as.agent.post("/api/v1/tickets", {
        subject: "Hello\r\nBcc: victim@example.test",
        requester: { email, name: "Eve\r\nBcc: other@example.test" },
        message: { body: "x" },
      })
    ).body.data;
    await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "reply", body: "ok" });
    const { runner, transport } = runnerFor(h.deps);
    await runner.runDue();
    transport?.close();
    const got = relay.received.filter((m) => m.to.includes(email));
    expect(got).toHaveLength(1);
    expect(got[0]!.to).toEqual([email]);
    const mail = await simpleParser(got[0]!.raw);
    expect(mail.headers.has("bcc")).toBe(false);
    expect(mail.subject).toBe(`Re: Hello Bcc: victim@example.test [#${ticket.number}]`);
  });
});
