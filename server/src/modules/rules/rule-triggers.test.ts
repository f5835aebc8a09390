import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const trigger = (as: Client, body: Record<string, unknown>) =>
  as.post("/api/v1/rules", { kind: "trigger", ...body }).then((r) => {
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.data as { id: string };
  });

async function newTicket(org: TestOrg, extra: Record<string, unknown> = {}, as: Client = org.as.agent) {
  const res = await as.post("/api/v1/tickets", {
    subject: "My refund",
    requester: { email: uniqueEmail(), name: "Ana Pop" },
    message: { body: "Where is my refund?" },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (await as.get(`/api/v1/tickets/${res.body.data.id}`)).body.data;
}

describe("triggers work", () => {
  it("act on a new ticket that matches, in the same step, and not on one that does not", async () => {
    const org = await makeOrg(h);
    const team = (await org.as.admin.post("/api/v1/teams", { name: "Refunds" })).body.data;
    await trigger(org.as.admin, {
      name: "Refunds to the refunds team",
      events: ["ticket.created"],
      conditions: {
        any: [
          { field: "subject", op: "contains", value: "refund" },
          { field: "tags", op: "contains", value: "money" },
        ],
      },
      actions: [
        { type: "set_team", value: team.id },
        { type: "add_tags", value: ["refund"] },
      ],
    });
    const hit = await newTicket(org);
    expect(hit).toMatchObject({ teamId: team.id, tags: ["refund"] });
    const miss = await newTicket(org, { subject: "Delivery" });
    expect(miss).toMatchObject({ teamId: null, tags: [] });
    const audit = (await org.as.admin.get(`/api/v1/audit-events?entityId=${hit.id}`)).body.data;
    expect(audit.some((e: { actorName: string }) => e.actorName === "rule: Refunds to the refunds team")).toBe(true);
  });

  it("react to what changed, and to the customer's words when a message comes", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "Urgent means high attention",
      events: ["ticket.updated"],
      conditions: { all: [{ field: "priority", op: "changed_to", value: "urgent" }] },
      actions: [{ type: "add_tags", value: ["watch"] }],
    });
    await trigger(org.as.admin, {
      name: "Angry words",
      events: ["message.received"],
      conditions: { all: [{ field: "message_body", op: "contains", value: "lawyer" }] },
      actions: [{ type: "set_priority", value: "urgent" }],
    });
    const t = await newTicket(org);
    await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { subject: "Renamed" });
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data.tags).toEqual([]);
    // The customer answers by mail on the same ticket: the message sets off "Angry words", whose
    // change of priority sets off the first rule in the same step.
    const raw = [
      "From: Ana Pop <x@example.com>",
      "To: support@example.test",
      `Subject: Re: My refund [#${t.number}]`,
      "Message-ID: <angry-1@example.com>",
      "",
      "I will call my lawyer.",
    ].join("\r\n");
    const requester = (await org.as.agent.get(`/api/v1/customers/${t.requesterId}`)).body.data.email;
    const res = await org.as.admin.send(
      "POST",
      "/api/v1/channels/email/inbound",
      raw.replace("x@example.com", requester),
      {
        "content-type": "message/rfc822",
      },
    );
    expect(res.body.data.outcome).toBe("message_added");
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data).toMatchObject({
      priority: "urgent",
      tags: ["watch"],
    });
  });

  it("reply from a template in the customer's language, and the reply goes out like an agent's", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "Acknowledge",
      events: ["ticket.created"],
      actions: [
        {
          type: "reply",
          body: "Hello {{customer.first_name}}, we got #{{ticket.number}}.",
          translations: { de: "Hallo {{customer.first_name}}, wir haben #{{ticket.number}} erhalten." },
        },
      ],
    });
    const de = await newTicket(org, { language: "de" });
    const messages = (await org.as.agent.get(`/api/v1/tickets/${de.id}/messages`)).body.data;
    expect(messages.map((m: { kind: string; bodyText: string }) => [m.kind, m.bodyText])).toEqual([
      ["inbound", "Where is my refund?"],
      ["reply", `Hallo Ana, wir haben #${de.number} erhalten.`],
    ]);
    expect(messages[1].author).toMatchObject({ type: "system", name: "Frontline" });
    expect((await org.as.agent.get(`/api/v1/tickets/${de.id}`)).body.data.status).toBe("open");
  });
});

describe("triggers cannot loop or break what set them off", () => {
  it("act at most once each on a ticket per change, however they feed each other", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "Ping",
      events: ["ticket.updated"],
      conditions: { all: [{ field: "tags", op: "contains", value: "pong" }] },
      actions: [
        { type: "remove_tags", value: ["pong"] },
        { type: "add_tags", value: ["ping"] },
      ],
    });
    await trigger(org.as.admin, {
      name: "Pong",
      events: ["ticket.updated"],
      conditions: { all: [{ field: "tags", op: "contains", value: "ping" }] },
      actions: [
        { type: "remove_tags", value: ["ping"] },
        { type: "add_tags", value: ["pong"] },
      ],
    });
    const t = await newTicket(org);
    const res = await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { tags: ["ping"] });
    expect(res.status).toBe(200);
    const listed = (await org.as.supervisor.get("/api/v1/rules")).body.data;
    expect(listed.map((r: { name: string; firings30d: number }) => [r.name, r.firings30d])).toEqual([
      ["Ping", 1],
      ["Pong", 1],
    ]);
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data.tags).toEqual(["ping"]);
  });

  it("pass over an action they can no longer do, and the agent's change still goes through", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "To the agent",
      events: ["ticket.updated"],
      conditions: { all: [{ field: "priority", op: "changed_to", value: "high" }] },
      actions: [
        { type: "set_assignee", value: org.users.agent.id },
        { type: "add_tags", value: ["hot"] },
      ],
    });
    await org.as.admin.patch(`/api/v1/users/${org.users.agent.id}`, { active: false });
    const t = await newTicket(org, {}, org.as.supervisor);
    const res = await org.as.supervisor.patch(`/api/v1/tickets/${t.id}`, { priority: "high" });
    expect(res.status).toBe(200);
    expect((await org.as.supervisor.get(`/api/v1/tickets/${t.id}`)).body.data).toMatchObject({
      priority: "high",
      assigneeId: null,
      tags: ["hot"],
    });
  });

  it("never act on another organisation's tickets", async () => {
    const a = await makeOrg(h);
    const b = await makeOrg(h);
    await trigger(a.as.admin, {
      name: "Tag all",
      events: ["ticket.created"],
      actions: [{ type: "add_tags", value: ["a-only"] }],
    });
    expect((await newTicket(b)).tags).toEqual([]);
    expect((await newTicket(a)).tags).toEqual(["a-only"]);
  });
});
