import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { inOrg } from "../../platform/tenancy";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const trigger = async (as: Client, body: Record<string, unknown>) => {
  const res = await as.post("/api/v1/rules", { kind: "trigger", ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

async function ticketFrom(o: TestOrg, email: string, body: string, subject = "Order 7781") {
  const res = await o.as.agent.post("/api/v1/tickets", { subject, requester: { email }, message: { body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; number: number; requesterId: string };
}

const ticket = async (o: TestOrg, id: string) => (await o.as.agent.get(`/api/v1/tickets/${id}`)).body.data;
const reasonsOf = async (o: TestOrg, id: string) =>
  ((await o.as.supervisor.get(`/api/v1/tickets/${id}/escalations`)).body.data as { reason: string }[]).map(
    (e) => e.reason,
  );

/** The customer answers a ticket by mail, as their mail program sends it. */
async function mailReply(o: TestOrg, t: { number: number }, from: string, text: string) {
  const raw = [
    `From: <${from}>`,
    "To: support@example.test",
    `Subject: Re: Order 7781 [#${t.number}]`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@example.com>`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
  ].join("\r\n");
  const res = await o.as.admin.send("POST", "/api/v1/channels/email/inbound", raw, {
    "content-type": "message/rfc822",
  });
  expect(res.body.data.outcome).toBe("message_added");
}

/** Moves a ticket's creation back by `days`, as if it had been opened then. */
async function openedDaysAgo(o: TestOrg, id: string, days: number) {
  const at = new Date(Date.now() - days * 86_400_000);
  await inOrg(h.deps.database, o.orgId, ({ tx }) =>
    tx.execute(sql`UPDATE tickets SET created_at = ${at} WHERE id = ${id}`),
  );
}

describe("rules see the customer", () => {
  it("escalate a VIP customer's message that reads as a complaint, in a new ticket or a reply by mail", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "Unhappy VIPs",
      events: ["message.received"],
      conditions: {
        all: [
          { field: "customer_vip", op: "is_true" },
          { field: "message_negative", op: "is_true" },
        ],
      },
      actions: [{ type: "escalate", reason: "vip", note: "{{customer.name}} is unhappy" }],
    });
    const vip = uniqueEmail("vip");
    const created = await org.as.supervisor.post("/api/v1/customers", { email: vip, name: "Ana Pop", vip: true });
    expect(created.status).toBe(201);
    const angry = await ticketFrom(org, vip, "Sunt foarte nemulțumită, a treia oară aștept degeaba.");
    expect(await reasonsOf(org, angry.id)).toEqual(["vip"]);
    const notes = (await org.as.supervisor.get(`/api/v1/tickets/${angry.id}/escalations`)).body.data;
    expect(notes[0].note).toBe("Ana Pop is unhappy");

    const regular = await ticketFrom(org, uniqueEmail("regular"), "Sunt foarte nemulțumită, a treia oară aștept.");
    expect(await reasonsOf(org, regular.id)).toEqual([]);
    const calm = await ticketFrom(org, vip, "Când ajunge comanda? Mulțumesc!");
    expect(await reasonsOf(org, calm.id)).toEqual([]);
    await mailReply(org, calm, vip, "Ich bin mit Ihrem Service überhaupt nicht zufrieden.");
    expect(await reasonsOf(org, calm.id)).toEqual(["vip"]);
  });

  it("do not read our own footer, quoted back without quote marks, as a complaint", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "Complaints",
      events: ["message.received"],
      conditions: { all: [{ field: "message_negative", op: "is_true" }] },
      actions: [{ type: "add_tags", value: ["complaint"] }],
    });
    const email = uniqueEmail("buyer");
    const t = await ticketFrom(org, email, "When will it arrive?");
    await mailReply(
      org,
      t,
      email,
      "Thanks, it arrived!\n\nIt will be there on Monday.\nNot happy with how this is going? Ask for a supervisor: https://x.test/s",
    );
    expect((await ticket(org, t.id)).tags).toEqual([]);
    await mailReply(org, t, email, "It arrived broken. This is unacceptable.");
    expect((await ticket(org, t.id)).tags).toEqual(["complaint"]);
  });

  it("escalate a customer's third ticket within 7 days; a ticket from 10 days ago does not count", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "Repeated contact",
      events: ["ticket.created"],
      conditions: { all: [{ field: "customer_recent_tickets", op: "gte", value: 2 }] },
      actions: [{ type: "escalate", reason: "repeated_contact" }],
    });
    await trigger(org.as.admin, {
      name: "Regulars this month",
      events: ["ticket.created"],
      conditions: { all: [{ field: "customer_recent_tickets", op: "gte", value: 2, days: 30 }] },
      actions: [{ type: "add_tags", value: ["regular"] }],
    });
    const often = uniqueEmail("often");
    const first = await ticketFrom(org, often, "Where is my parcel?");
    const second = await ticketFrom(org, often, "Still no parcel.");
    const third = await ticketFrom(org, often, "Third time I ask about my parcel.");
    expect([await reasonsOf(org, first.id), await reasonsOf(org, second.id), await reasonsOf(org, third.id)]).toEqual([
      [],
      [],
      ["repeated_contact"],
    ]);

    const seldom = uniqueEmail("seldom");
    const old = await ticketFrom(org, seldom, "Invoice copy, please.");
    await openedDaysAgo(org, old.id, 10);
    await ticketFrom(org, seldom, "And the delivery note.");
    const latest = await ticketFrom(org, seldom, "And the warranty card.");
    expect(await reasonsOf(org, latest.id)).toEqual([]);
    // The 30-day window does count it.
    expect((await ticket(org, latest.id)).tags).toEqual(["regular"]);
  });

  it("know the requester's company", async () => {
    const org = await makeOrg(h);
    const acme = (await org.as.supervisor.post("/api/v1/companies", { name: "Acme" })).body.data;
    await trigger(org.as.admin, {
      name: "Acme to the top",
      events: ["ticket.created"],
      conditions: { all: [{ field: "customer_company", op: "is", value: acme.id }] },
      actions: [{ type: "set_priority", value: "high" }],
    });
    const email = uniqueEmail("acme");
    await org.as.agent.post("/api/v1/customers", { email, companyId: acme.id });
    expect((await ticket(org, (await ticketFrom(org, email, "Hello")).id)).priority).toBe("high");
    expect((await ticket(org, (await ticketFrom(org, uniqueEmail("x"), "Hello")).id)).priority).toBe("normal");
  });
});
